import { IntersectionType } from '@nestjs/swagger';
import { AccountQuery } from '../dto/account.query.js';
import { PageQuery } from './page.query.js';

/** The account and the page of a listing paged by cursor, newest first. */
export class CursorPageQuery extends IntersectionType(AccountQuery, PageQuery) {}
