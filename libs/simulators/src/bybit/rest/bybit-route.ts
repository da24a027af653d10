import type { BybitAccount } from '../account/bybit-account.js';
import type { BybitParams } from './bybit-params.js';

/** What a route handler gets: the parsed parameters, the server time, and for private routes the account. */
export interface RouteContext<A extends BybitAccount | null> {
  readonly params: BybitParams;
  readonly nowMs: number;
  readonly account: A;
}

/** One V5 endpoint: its method and path, whether it is signed, and what it answers in `result`. */
export type BybitRoute =
  | {
      readonly method: 'GET' | 'POST';
      readonly path: string;
      readonly signed: false;
      readonly handle: (context: RouteContext<null>) => Promise<unknown>;
    }
  | {
      readonly method: 'GET' | 'POST';
      readonly path: string;
      readonly signed: true;
      readonly handle: (context: RouteContext<BybitAccount>) => Promise<unknown>;
    };
