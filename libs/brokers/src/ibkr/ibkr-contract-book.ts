import { SecType, type Contract, type ContractDetails } from '@stoqey/ib';
import { dec, toDecimalString } from '../decimal/index.js';
import type { Instrument } from '../domain/index.js';
import { UnknownSymbolError } from '../errors/index.js';
import type { IbkrContractSpec, IbkrSecType } from './ibkr-config.js';

const ASSET_CLASS: Readonly<Record<IbkrSecType, string>> = {
  STK: 'equity',
  CASH: 'forex',
  FUT: 'future',
  CRYPTO: 'crypto',
};

/** What IB's contract details say about one configured symbol, kept for the session. */
export interface IbkrResolvedContract {
  readonly symbol: string;
  readonly spec: IbkrContractSpec;
  readonly conId: number;
  /** The contract as orders and data requests name it: conId plus the routing exchange. */
  readonly contract: Contract;
  readonly instrument: Instrument;
  readonly longName: string;
  /** Quantity × price × multiplier is the value of a position (futures: 50 for ES). */
  readonly multiplier: string;
}

/** A number IB sent, as a canonical decimal string; `fallback` when it is unset or not positive. */
export function ibDecimal(value: number | undefined, fallback: string): string {
  if (value === undefined || !Number.isFinite(value) || value <= 0) return fallback;
  return toDecimalString(dec(value));
}

/** The IB contract a spec describes, for reqContractDetails. */
export function toSearchContract(spec: IbkrContractSpec): Contract {
  const fields = spec.contract;
  return {
    symbol: fields.symbol,
    secType: fields.secType as SecType,
    exchange: fields.exchange,
    currency: fields.currency,
    ...(fields.primaryExch ? { primaryExch: fields.primaryExch } : {}),
    ...(fields.conId ? { conId: fields.conId } : {}),
    ...(fields.localSymbol ? { localSymbol: fields.localSymbol } : {}),
    ...(fields.lastTradeDateOrContractMonth
      ? { lastTradeDateOrContractMonth: fields.lastTradeDateOrContractMonth }
      : {}),
    ...(fields.multiplier ? { multiplier: Number(fields.multiplier) } : {}),
  };
}

/** A configured symbol with the first contract IB described for it. */
export function toResolvedContract(spec: IbkrContractSpec, details: ContractDetails): IbkrResolvedContract {
  const found = details.contract;
  const conId = found.conId ?? 0;
  const lotSize = ibDecimal(details.sizeIncrement, '1');
  return {
    symbol: spec.symbol,
    spec,
    conId,
    contract: {
      conId,
      symbol: found.symbol ?? spec.contract.symbol,
      secType: spec.contract.secType as SecType,
      exchange: spec.contract.exchange,
      currency: found.currency ?? spec.contract.currency,
      ...(found.localSymbol ? { localSymbol: found.localSymbol } : {}),
      ...(found.lastTradeDateOrContractMonth
        ? { lastTradeDateOrContractMonth: found.lastTradeDateOrContractMonth }
        : {}),
    },
    instrument: {
      symbol: spec.symbol,
      assetClass: ASSET_CLASS[spec.contract.secType],
      quoteCurrency: found.currency ?? spec.contract.currency,
      tickSize: ibDecimal(details.minTick, '0.01'),
      lotSize,
      minQuantity: ibDecimal(details.minSize, lotSize),
    },
    longName: details.longName ?? spec.symbol,
    multiplier: ibDecimal(found.multiplier, spec.contract.multiplier ?? '1'),
  };
}

/** The configured symbols, and what IB said about each once it was resolved. */
export class IbkrContractBook {
  private readonly specs = new Map<string, IbkrContractSpec>();
  private readonly resolved = new Map<string, IbkrResolvedContract>();
  private readonly byConId = new Map<number, IbkrResolvedContract>();

  constructor(specs: readonly IbkrContractSpec[]) {
    for (const spec of specs) this.specs.set(spec.symbol, spec);
  }

  /** The spec of a configured symbol; UnknownSymbolError for any other. */
  spec(symbol: string): IbkrContractSpec {
    const spec = this.specs.get(symbol);
    if (!spec) {
      throw new UnknownSymbolError(`${symbol} is not among the contracts configured for this IB account`, {
        broker: 'ibkr',
      });
    }
    return spec;
  }

  allSpecs(): IbkrContractSpec[] {
    return [...this.specs.values()];
  }

  cached(symbol: string): IbkrResolvedContract | undefined {
    return this.resolved.get(symbol);
  }

  remember(contract: IbkrResolvedContract): void {
    this.resolved.set(contract.symbol, contract);
    this.byConId.set(contract.conId, contract);
  }

  /** The Edgerunner symbol of a contract IB sent, or its local symbol when none is configured. */
  symbolOf(contract: Contract): string {
    const known = contract.conId ? this.byConId.get(contract.conId) : undefined;
    return known?.symbol ?? contract.localSymbol ?? contract.symbol ?? 'UNKNOWN';
  }

  /** The resolved contract IB sent by conId, if it is a configured one. */
  byContract(contract: Contract): IbkrResolvedContract | undefined {
    return contract.conId ? this.byConId.get(contract.conId) : undefined;
  }
}
