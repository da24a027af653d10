import type { TwsContract } from '../protocol/outgoing/index.js';
import type { TwsRequestContract } from '../protocol/incoming/tws-place-order.js';
import type { TwsInstrumentConfig } from '../tws-simulator-config.js';

/** The contract block OPEN_ORDER, EXECUTION_DATA and POSITION describe an instrument with. */
export function twsContractOf(instrument: TwsInstrumentConfig): TwsContract {
  return {
    conId: instrument.conId,
    symbol: instrument.symbol,
    secType: instrument.secType,
    lastTradeDateOrContractMonth: instrument.lastTradeDateOrContractMonth,
    multiplier: instrument.multiplier,
    exchange: instrument.exchange,
    primaryExch: instrument.primaryExch,
    currency: instrument.currency,
    localSymbol: instrument.localSymbol,
    tradingClass: instrument.tradingClass,
  };
}

/**
 * Every contract the simulator knows, found the way TWS resolves a request's contract: by conId alone when
 * given, else by every field the request fills in (an empty field matches anything; a future's month
 * `YYYYMM` matches its last trading day). More than one match is ambiguous, which TWS refuses as well.
 */
export class TwsInstrumentRegistry {
  private readonly byConId = new Map<number, TwsInstrumentConfig>();
  private readonly byLocalSymbol = new Map<string, TwsInstrumentConfig>();

  constructor(readonly instruments: readonly TwsInstrumentConfig[]) {
    for (const instrument of instruments) {
      if (this.byConId.has(instrument.conId))
        throw new Error(`conId ${instrument.conId} is configured twice`);
      if (this.byLocalSymbol.has(instrument.localSymbol))
        throw new Error(`localSymbol ${instrument.localSymbol} is configured twice`);
      this.byConId.set(instrument.conId, instrument);
      this.byLocalSymbol.set(instrument.localSymbol, instrument);
    }
  }

  byLocal(localSymbol: string): TwsInstrumentConfig | undefined {
    return this.byLocalSymbol.get(localSymbol);
  }

  /** Every contract the request's fields describe (none, one, or several when they are ambiguous). */
  matching(contract: TwsRequestContract): TwsInstrumentConfig[] {
    if (contract.conId !== undefined) {
      const found = this.byConId.get(contract.conId);
      return found && exchangeMatches(found, contract.exchange) ? [found] : [];
    }
    return this.instruments.filter(
      (instrument) =>
        fieldMatches(instrument.symbol, contract.symbol) &&
        fieldMatches(instrument.secType, contract.secType) &&
        fieldMatches(instrument.currency, contract.currency) &&
        fieldMatches(instrument.localSymbol, contract.localSymbol) &&
        fieldMatches(instrument.tradingClass, contract.tradingClass) &&
        fieldMatches(instrument.multiplier ?? '', contract.multiplier) &&
        fieldMatches(instrument.primaryExch ?? '', contract.primaryExch) &&
        monthMatches(instrument, contract.lastTradeDateOrContractMonth) &&
        exchangeMatches(instrument, contract.exchange),
    );
  }

  /** The one contract an order or a data request names, or undefined when none or several match. */
  resolve(contract: TwsRequestContract): TwsInstrumentConfig | undefined {
    const found = this.matching(contract);
    return found.length === 1 ? found[0] : undefined;
  }
}

function fieldMatches(value: string, requested: string): boolean {
  return requested === '' || requested === value;
}

function monthMatches(instrument: TwsInstrumentConfig, requested: string): boolean {
  if (requested === '') return true;
  const expiry = instrument.lastTradeDateOrContractMonth ?? '';
  return expiry === requested || (requested.length === 6 && expiry.startsWith(requested));
}

/** A stock routes through SMART or its primary exchange; every other contract through its own exchange. */
function exchangeMatches(instrument: TwsInstrumentConfig, requested: string): boolean {
  if (requested === '' || requested === instrument.exchange) return true;
  return instrument.secType === 'STK' && requested === instrument.primaryExch;
}
