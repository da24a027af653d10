/**
 * The paper broker pieces the simulator builds on, imported in one place: its matching engine, ledger
 * and price feed sit behind `PaperAdapter`; the decimal helpers keep money exact.
 */
export {
  type BrokerEvent,
  type BrokerOrder,
  type Candle,
  dec,
  type Fill,
  InsufficientFundsError,
  InvalidOrderError,
  isDecimal,
  isMultipleOf,
  PaperAdapter,
  type PaperAccountConfig,
  type PaperInstrumentConfig,
  type Position,
  roundToStep,
  type Ticker,
  toDecimalString,
} from '#brokers';
