import { PageQuery } from '../../common/pagination/page.query.js';

/** GET /backtests: one page, newest first. */
export class BacktestListQuery extends PageQuery {}
