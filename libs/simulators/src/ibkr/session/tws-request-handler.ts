import type { TwsSession } from './tws-session.js';

/**
 * Answers one client request (its fields, the message id first) on the session that sent it. A handler
 * may throw TwsRequestError for a field it cannot read; the server answers that with IB's 320/321.
 */
export type TwsRequestHandler = (fields: readonly string[], session: TwsSession) => void | Promise<void>;

/** Handlers by incoming message id (IB's OUT_MSG ids). */
export type TwsHandlerTable = ReadonlyMap<number, TwsRequestHandler>;
