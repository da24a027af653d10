import {
  BrokerAuthenticationError,
  BrokerConnectionError,
  BrokerRateLimitError,
  BrokerTimeoutError,
  InsufficientFundsError,
  InvalidOrderError,
  OrderNotFoundError,
  OrderRejectedError,
  UnknownSymbolError,
} from '../errors/index.js';
import { parseBybitError, parseBybitTransportError, sanitizeBybitMessage } from './parse-bybit-error.js';

/** Envelopes as Bybit sends them (docs examples and bybit-api issue reports). */
const RECORDED = [
  [{ retCode: 10001, retMsg: 'params error: symbol invalid' }, UnknownSymbolError, false],
  [{ retCode: 10001, retMsg: 'Qty invalid' }, InvalidOrderError, false],
  [
    {
      retCode: 10002,
      retMsg:
        'invalid request, please check your server timestamp or recv_window param. req_timestamp[1672127380519],server_timestamp[1672127382542],recv_window[2000]',
    },
    BrokerAuthenticationError,
    false,
  ],
  [{ retCode: 10003, retMsg: 'API key is invalid.' }, BrokerAuthenticationError, false],
  [
    { retCode: 10005, retMsg: 'Permission denied, please check your API key permissions.' },
    BrokerAuthenticationError,
    false,
  ],
  [{ retCode: 10006, retMsg: 'Too many visits!' }, BrokerRateLimitError, true],
  [
    { retCode: 10010, retMsg: "Unmatched IP, please check your API key's bound IP addresses." },
    BrokerAuthenticationError,
    false,
  ],
  [{ retCode: 10016, retMsg: 'Server error.' }, BrokerConnectionError, true],
  [{ retCode: 110001, retMsg: 'order not exists or too late to cancel' }, OrderNotFoundError, false],
  [{ retCode: 110007, retMsg: 'ab not enough for new order' }, InsufficientFundsError, false],
  [{ retCode: 170131, retMsg: 'Insufficient balance.' }, InsufficientFundsError, false],
  [{ retCode: 110017, retMsg: 'Reduce-only rule not satisfied' }, InvalidOrderError, false],
  [{ retCode: 110072, retMsg: 'OrderLinkedID is duplicate' }, OrderRejectedError, false],
  [{ retCode: 170213, retMsg: 'Order does not exist.' }, OrderNotFoundError, false],
  [{ retCode: 999999, retMsg: 'something new' }, OrderRejectedError, false],
] as const;

describe('parseBybitError', () => {
  it.each(RECORDED)(
    'maps %j to its error, keeping Bybit’s code and message',
    (body, ErrorType, retryable) => {
      const error = parseBybitError(body.retCode, body.retMsg);
      expect(error).toBeInstanceOf(ErrorType);
      expect(error.brokerCode).toBe(String(body.retCode));
      expect(error.brokerMessage).toBe(body.retMsg);
      expect(error.broker).toBe('bybit');
      expect(error.message).toContain(body.retMsg);
      expect(error.retryable).toBe(retryable);
    },
  );
});

/** A wrong secret, as Bybit answers it: the string it signed, API key included, echoed back. */
const API_KEY = 'K7rQ2mVx9LpT4nWb8a';
const API_SECRET = 'f3Jd8sLq0Zx6Vb1Nm4Pw7Rt2Yc5Ke9Ha0Ug3';
const WRONG_SIGN = {
  retCode: 10004,
  retMsg: `error sign! origin_string[1672127380519${API_KEY}5000category=linear&symbol=BTCUSDT]`,
} as const;

describe('parseBybitError on a refused signature (10004)', () => {
  it('keeps the API key out of the message, the broker message and anything serialized', () => {
    const error = parseBybitError(WRONG_SIGN.retCode, WRONG_SIGN.retMsg, [API_KEY, API_SECRET]);
    expect(error).toBeInstanceOf(BrokerAuthenticationError);
    expect(error.retryable).toBe(false);
    expect(error.brokerCode).toBe('10004');
    expect(error.brokerMessage).toBe('error sign! origin_string[redacted]');
    expect(error.message).toBe(
      'Bybit refused the request signature: check the API secret (Bybit 10004: error sign! origin_string[redacted])',
    );
    expect(JSON.stringify({ ...error, message: error.message, stack: error.stack })).not.toContain(API_KEY);
  });

  it('drops the whole origin string even when its payload holds brackets, and with no key given', () => {
    const body = `error sign! origin_string[1672127380519${API_KEY}5000{"orders":[{"qty":"1"}]}]`;
    expect(parseBybitError(10004, body).brokerMessage).toBe('error sign! origin_string[redacted]');
  });
});

describe('sanitizeBybitMessage', () => {
  it.each([
    [`API key ${API_KEY} is invalid.`, 'API key [redacted] is invalid.'],
    [`secret ${API_SECRET} twice ${API_SECRET}`, 'secret [redacted] twice [redacted]'],
    ['Too many visits!', 'Too many visits!'],
  ])('%s becomes %s', (message, sanitized) => {
    expect(sanitizeBybitMessage(message, [API_KEY, API_SECRET, ''])).toBe(sanitized);
  });
});

describe('parseBybitTransportError', () => {
  it.each([
    [{ code: 401, message: 'Unauthorized', body: '' }, BrokerAuthenticationError],
    [{ code: 403, message: 'Forbidden', body: 'access too frequent' }, BrokerRateLimitError],
    [{ code: 429, message: 'Too Many Requests' }, BrokerRateLimitError],
    [{ code: 502, message: 'Bad Gateway' }, BrokerConnectionError],
    [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
      BrokerConnectionError,
    ],
    [Object.assign(new Error('timeout of 10000ms exceeded'), { code: 'ECONNABORTED' }), BrokerTimeoutError],
  ])('maps %j', (thrown, ErrorType) => {
    const error = parseBybitTransportError(thrown);
    expect(error).toBeInstanceOf(ErrorType);
    expect(error.retryable).toBe(ErrorType !== BrokerAuthenticationError);
  });
});
