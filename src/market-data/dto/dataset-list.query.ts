import { PageQuery } from '../../common/pagination/page.query.js';

/** A page of the dataset list, newest first (datasets belong to no account). */
export class DatasetListQuery extends PageQuery {}
