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
import { parseBybitError, parseBybitTransportError } from './parse-bybit-error.js';

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
    {
      retCode: 10004,
      retMsg: 'error sign! origin_string[1672127380519abc5000category=linear]',
    },
    BrokerAuthenticationError,
    false,
  ],
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
