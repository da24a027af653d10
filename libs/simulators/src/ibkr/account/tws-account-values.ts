import type Big from 'big.js';
import { dec, type PaperAdapter, type Position } from '../../paper-engine.js';
import type { TwsInstrumentRegistry } from '../market/tws-instrument-registry.js';
import type { TwsAccount } from './tws-account.js';

/** The engine's account summary (the simulator imports the paper engine through paper-engine.ts only). */
type AccountSummary = Awaited<ReturnType<PaperAdapter['getAccountSummary']>>;

/**
 * IB's maintenance margin as a fraction of the initial margin the engine holds: Reg T keeps 25 % of a
 * stock's value against 50 % initial, so half.
 */
export const MAINT_MARGIN_FRACTION = '0.5';
/** IB's buying power of a margin account: four times the available funds (Reg T intraday). */
export const BUYING_POWER_LEVERAGE = 4;

/** The account's figures as TWS names them, in the account currency, to the cent (Cushion a ratio). */
export interface TwsAccountFigures {
  readonly NetLiquidation: string;
  readonly TotalCashValue: string;
  readonly SettledCash: string;
  readonly BuyingPower: string;
  readonly EquityWithLoanValue: string;
  readonly GrossPositionValue: string;
  readonly InitMarginReq: string;
  readonly MaintMarginReq: string;
  readonly AvailableFunds: string;
  readonly ExcessLiquidity: string;
  readonly Cushion: string;
  readonly UnrealizedPnL: string;
  readonly RealizedPnL: string;
}

export type TwsAccountFigure = keyof TwsAccountFigures;

/** The figures both account summary tags and account update keys carry in the account currency. */
export const TWS_MONEY_FIGURES: readonly TwsAccountFigure[] = [
  'NetLiquidation',
  'TotalCashValue',
  'SettledCash',
  'BuyingPower',
  'EquityWithLoanValue',
  'GrossPositionValue',
  'InitMarginReq',
  'MaintMarginReq',
  'AvailableFunds',
  'ExcessLiquidity',
];

const money = (value: Big): string => value.toFixed(2);

/**
 * The engine's books as IB reports a margin account. The engine keeps a margin ledger where buying spends
 * no cash; IB debits a stock, FX or crypto purchase from cash (and credits a short sale), so TotalCashValue
 * is the engine's balance minus the cost of what is held. Futures are marked to market and cost no cash.
 * NetLiquidation is the engine's equity (cash plus the holdings' value); InitMarginReq its margin used,
 * MaintMarginReq {@link MAINT_MARGIN_FRACTION} of it; AvailableFunds = equity − initial margin (the engine's
 * free margin), ExcessLiquidity = equity − maintenance margin; BuyingPower = AvailableFunds ×
 * {@link BUYING_POWER_LEVERAGE}; Cushion = ExcessLiquidity / NetLiquidation.
 */
export function accountFigures(
  summary: AccountSummary,
  positions: readonly Position[],
  registry: TwsInstrumentRegistry,
): TwsAccountFigures {
  let cost = dec(0);
  let gross = dec(0);
  for (const position of positions) {
    if (registry.byLocal(position.symbol)?.secType === 'FUT') continue;
    cost = cost.plus(dec(position.quantity).times(position.averagePrice));
    gross = gross.plus(dec(position.quantity).times(position.markPrice).abs());
  }
  const equity = dec(summary.equity);
  const cash = dec(summary.balance).minus(cost);
  const init = dec(summary.marginUsed);
  const maint = init.times(MAINT_MARGIN_FRACTION);
  const available = dec(summary.marginFree);
  const excess = equity.minus(maint);
  return {
    NetLiquidation: money(equity),
    TotalCashValue: money(cash),
    SettledCash: money(cash),
    BuyingPower: money(available.times(BUYING_POWER_LEVERAGE)),
    EquityWithLoanValue: money(equity),
    GrossPositionValue: money(gross),
    InitMarginReq: money(init),
    MaintMarginReq: money(maint),
    AvailableFunds: money(available),
    ExcessLiquidity: money(excess),
    Cushion: equity.eq(0) ? '0' : excess.div(equity).toFixed(6),
    UnrealizedPnL: money(dec(summary.unrealizedPnl)),
    RealizedPnL: money(dec(summary.realizedPnl)),
  };
}

/** The account's figures now. */
export async function currentFigures(
  account: TwsAccount,
  registry: TwsInstrumentRegistry,
): Promise<TwsAccountFigures> {
  const [summary, positions] = await Promise.all([
    account.engine.getAccountSummary(),
    account.engine.getPositions(),
  ]);
  return accountFigures(summary, positions, registry);
}

/** A contract's multiplier as a number (1 when it has none). */
export function multiplierOf(registry: TwsInstrumentRegistry, symbol: string): Big {
  return dec(registry.byLocal(symbol)?.multiplier ?? '1');
}
