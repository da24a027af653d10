import { RET_MSG } from './bybit-ret-codes.js';

/**
 * A refusal the way Bybit words it: answered as HTTP 200 with `{ retCode, retMsg, result: {} }`. Every
 * validation and business rule throws one; the HTTP layer turns it into the envelope.
 */
export class BybitError extends Error {
  constructor(
    readonly retCode: number,
    readonly retMsg: string,
  ) {
    super(`${retCode} ${retMsg}`);
    this.name = 'BybitError';
  }

  /** The code with its standard message from {@link RET_MSG}. */
  static of(retCode: keyof typeof RET_MSG): BybitError {
    return new BybitError(retCode, RET_MSG[retCode]);
  }
}
