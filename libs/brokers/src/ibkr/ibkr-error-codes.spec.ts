import {
  BrokerAuthenticationError,
  BrokerConnectionError,
  BrokerRateLimitError,
  InsufficientFundsError,
  InvalidOrderError,
  OrderNotFoundError,
  OrderRejectedError,
  UnknownSymbolError,
} from '../errors/index.js';
import { ibkrCodeTreatment, isIbkrNotice, toIbkrError } from './ibkr-error-codes.js';

/** ERR_MSG texts as TWS and IB Gateway send them (TWS API docs, ib_insync/Lean logs). */
const RECORDED: readonly [number, string, abstract new (...args: never[]) => Error][] = [
  [200, 'No security definition has been found for the request', UnknownSymbolError],
  [201, 'Order rejected - reason:The contract is not available for trading', OrderRejectedError],
  [
    201,
    'Order rejected - reason:YOUR ORDER IS NOT ACCEPTED. IN ORDER TO OBTAIN THE DESIRED POSITION YOUR EQUITY WITH LOAN VALUE [1000 USD] MUST EXCEED THE INITIAL MARGIN [5000 USD]',
    InsufficientFundsError,
  ],
  [203, 'The security <AAPL> is not available or allowed for this account.', OrderRejectedError],
  [103, 'Duplicate order id', OrderRejectedError],
  [110, 'The price does not conform to the minimum price variation for this contract.', InvalidOrderError],
  [388, 'Order size 0.00001 is smaller than the minimum required size of 0.0001.', InvalidOrderError],
  [434, 'The order size cannot be zero.', InvalidOrderError],
  [10318, 'The order size 1.5 is not a multiple of the size increment 1.', InvalidOrderError],
  [321, "Error validating request.-'bN' : cause - Invalid action", InvalidOrderError],
  [320, 'Error reading request.', InvalidOrderError],
  [135, "Can't find order with id =1234", OrderNotFoundError],
  [10147, 'OrderId 1234 that needs to be cancelled is not found.', OrderNotFoundError],
  [10148, 'OrderId 1234 that needs to be cancelled cannot be cancelled, state: Filled.', OrderRejectedError],
  [
    161,
    'Cancel attempted when order is not in a cancellable state.  Order permId =12345',
    OrderRejectedError,
  ],
  [
    162,
    'Historical Market Data Service error message:API historical data query cancelled: pacing violation',
    BrokerRateLimitError,
  ],
  [100, 'Max rate of messages per second has been exceeded.', BrokerRateLimitError],
  [420, 'Invalid Real-time Query:Pacing violation', BrokerRateLimitError],
  [
    502,
    'Couldn\'t connect to TWS. Confirm that "Enable ActiveX and Socket Clients" is enabled',
    BrokerConnectionError,
  ],
  [504, 'Not connected', BrokerConnectionError],
  [
    326,
    'Unable to connect as the client id is already in use. Retry with a unique client id.',
    BrokerConnectionError,
  ],
  [354, 'Requested market data is not subscribed.', BrokerAuthenticationError],
];

describe('IB error codes', () => {
  it.each(RECORDED)(
    'maps %i "%s" to its broker error, keeping the code and the text',
    (code, text, errorClass) => {
      const error = toIbkrError(code, text);
      expect(error).toBeInstanceOf(errorClass);
      expect(error).toMatchObject({ broker: 'ibkr', brokerCode: String(code), brokerMessage: text });
      expect(error.message).toContain(text);
    },
  );

  it('gives a pacing violation a retry-after and keeps other 162s final', () => {
    expect(
      toIbkrError(162, 'Historical Market Data Service error message:pacing violation').retryAfterMs,
    ).toBe(15_000);
    const noData = toIbkrError(
      162,
      'Historical Market Data Service error message:HMDS query returned no data',
    );
    expect(noData).toBeInstanceOf(InvalidOrderError);
    expect(noData.retryable).toBe(false);
  });

  it.each([
    [2104, 'Market data farm connection is OK:usfarm'],
    [2106, 'HMDS data farm connection is OK:ushmds'],
    [2158, 'Sec-def data farm connection is OK:secdefil'],
    [2100, 'API client has been unsubscribed from account data.'],
    [
      399,
      'Order Message: BUY 100 AAPL Warning: your order will not be placed at the exchange until 2026-01-02 09:30:00 US/Eastern',
    ],
    [10167, 'Requested market data is not subscribed. Displaying delayed market data.'],
    [1102, 'Connectivity between IB and Trader Workstation has been restored - data maintained.'],
    [1100, 'Connectivity between IB and Trader Workstation has been lost.'],
  ])('only logs the notice %i "%s"', (code, text) => {
    expect(isIbkrNotice(code, text)).toBe(true);
  });

  it('tells the normal cancel acknowledgement (202) apart from errors', () => {
    expect(ibkrCodeTreatment(202, 'Order Canceled - reason:')).toEqual({ kind: 'cancelled' });
  });

  it('classes an unknown code as the caller says, or as a rejection', () => {
    expect(toIbkrError(9999, 'something new')).toBeInstanceOf(OrderRejectedError);
    expect(toIbkrError(9999, 'something new', BrokerConnectionError)).toBeInstanceOf(BrokerConnectionError);
    expect(toIbkrError(200, 'No security definition', BrokerConnectionError)).toBeInstanceOf(
      UnknownSymbolError,
    );
  });
});
