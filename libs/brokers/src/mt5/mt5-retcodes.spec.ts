import {
  BrokerAuthenticationError,
  BrokerConnectionError,
  BrokerRateLimitError,
  BrokerTimeoutError,
  InsufficientFundsError,
  InvalidOrderError,
  OrderNotFoundError,
  OrderRejectedError,
} from '../errors/index.js';
import { MT5_RETCODES, mt5RetcodeTreatment, toMt5Error } from './mt5-retcodes.js';

type ErrorType = abstract new (...args: never[]) => Error;

/** MQL5 "Return Codes of the Trade Server", with the class each becomes and whether a retry may help. */
const TABLE: readonly [number, string, ErrorType | 'done', boolean][] = [
  [10004, 'REQUOTE', OrderRejectedError, false],
  [10006, 'REJECT', OrderRejectedError, false],
  [10007, 'CANCEL', OrderRejectedError, false],
  [10008, 'PLACED', 'done', false],
  [10009, 'DONE', 'done', false],
  [10010, 'DONE_PARTIAL', 'done', false],
  [10011, 'ERROR', OrderRejectedError, false],
  [10012, 'TIMEOUT', BrokerTimeoutError, true],
  [10013, 'INVALID', InvalidOrderError, false],
  [10014, 'INVALID_VOLUME', InvalidOrderError, false],
  [10015, 'INVALID_PRICE', InvalidOrderError, false],
  [10016, 'INVALID_STOPS', InvalidOrderError, false],
  [10017, 'TRADE_DISABLED', OrderRejectedError, false],
  [10018, 'MARKET_CLOSED', OrderRejectedError, false],
  [10019, 'NO_MONEY', InsufficientFundsError, false],
  [10020, 'PRICE_CHANGED', OrderRejectedError, false],
  [10021, 'PRICE_OFF', BrokerConnectionError, true],
  [10022, 'INVALID_EXPIRATION', InvalidOrderError, false],
  [10023, 'ORDER_CHANGED', OrderRejectedError, false],
  [10024, 'TOO_MANY_REQUESTS', BrokerRateLimitError, true],
  [10025, 'NO_CHANGES', 'done', false],
  [10026, 'SERVER_DISABLES_AT', BrokerAuthenticationError, false],
  [10027, 'CLIENT_DISABLES_AT', BrokerAuthenticationError, false],
  [10028, 'LOCKED', OrderRejectedError, false],
  [10029, 'FROZEN', OrderRejectedError, false],
  [10030, 'INVALID_FILL', InvalidOrderError, false],
  [10031, 'CONNECTION', BrokerConnectionError, true],
  [10032, 'ONLY_REAL', OrderRejectedError, false],
  [10033, 'LIMIT_ORDERS', OrderRejectedError, false],
  [10034, 'LIMIT_VOLUME', OrderRejectedError, false],
  [10035, 'INVALID_ORDER', InvalidOrderError, false],
  [10036, 'POSITION_CLOSED', OrderNotFoundError, false],
  [10038, 'INVALID_CLOSE_VOLUME', InvalidOrderError, false],
  [10039, 'CLOSE_ORDER_EXIST', OrderRejectedError, false],
  [10040, 'LIMIT_POSITIONS', OrderRejectedError, false],
  [10041, 'REJECT_CANCEL', OrderRejectedError, false],
  [10042, 'LONG_ONLY', OrderRejectedError, false],
  [10043, 'SHORT_ONLY', OrderRejectedError, false],
  [10044, 'CLOSE_ONLY', OrderRejectedError, false],
  [10045, 'FIFO_CLOSE', OrderRejectedError, false],
  [10046, 'HEDGE_PROHIBITED', OrderRejectedError, false],
];

describe('MT5 trade server return codes', () => {
  it('knows every documented code and no other (10037 does not exist)', () => {
    expect(MT5_RETCODES).toEqual(TABLE.map(([code]) => code));
    expect(MT5_RETCODES).not.toContain(10037);
  });

  it.each(TABLE)('%i %s becomes what a caller expects', (code, name, expected, retryable) => {
    expect(mt5RetcodeTreatment(code).name).toBe(name);
    const error = toMt5Error(code, 'Invalid volume');
    if (expected === 'done') {
      expect(error).toBeNull();
      return;
    }
    expect(error).toBeInstanceOf(expected);
    expect(error?.retryable).toBe(retryable);
    expect(error).toEqual(
      expect.objectContaining({ broker: 'mt5', brokerCode: String(code), brokerMessage: 'Invalid volume' }),
    );
    expect(error?.message).toContain(`MT5 ${code} ${name}: Invalid volume`);
  });

  it('treats an unknown code as a rejection under its own number, and says when to retry a flood', () => {
    expect(toMt5Error(10099, '')).toEqual(
      expect.objectContaining({
        brokerCode: '10099',
        message: 'The trade server refused the request (MT5 10099 UNKNOWN_10099)',
      }),
    );
    expect(toMt5Error(10024, 'Too many requests')?.retryAfterMs).toBe(1000);
  });
});
