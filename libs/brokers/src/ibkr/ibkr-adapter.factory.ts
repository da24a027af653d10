import type { VenueContext } from '../port/broker-venue.js';
import { IBKR_DEFAULTS, type IbkrConfig, type IbkrContractSpec } from './ibkr-config.js';
import type { IbkrOptions } from './ibkr-options.js';
import { IbkrAdapter } from './ibkr.adapter.js';

/** The adapter's config from an account's validated options. */
export function toIbkrConfig(options: IbkrOptions, account: string): IbkrConfig {
  const contracts: IbkrContractSpec[] = options.contracts.map(({ symbol, contract }) => ({
    symbol,
    contract: { ...contract },
  }));
  const symbols = new Set<string>();
  for (const { symbol } of contracts) {
    if (symbols.has(symbol)) throw new Error(`IB account "${account}" configures the symbol ${symbol} twice`);
    symbols.add(symbol);
  }
  if (options.reconnectMaxDelayMs < options.reconnectInitialDelayMs) {
    throw new Error(`IB account "${account}": reconnectMaxDelayMs is below reconnectInitialDelayMs`);
  }
  return {
    ...IBKR_DEFAULTS,
    account,
    host: options.host,
    port: options.port,
    clientId: options.clientId,
    ...(options.accountCode ? { accountCode: options.accountCode } : {}),
    connectTimeoutMs: options.connectTimeoutMs,
    requestTimeoutMs: options.requestTimeoutMs,
    maxRequestsPerSecond: options.maxRequestsPerSecond,
    reconnectInitialDelayMs: options.reconnectInitialDelayMs,
    reconnectMaxDelayMs: options.reconnectMaxDelayMs,
    contracts,
  };
}

/** An IB account's adapter, logging through the app. */
export function createIbkrAdapter(options: IbkrOptions, context: VenueContext): IbkrAdapter {
  return new IbkrAdapter(toIbkrConfig(options, context.account), context.log);
}
