import type { BacktestSettings, InstrumentRules } from './backtest-settings.js';

const NO_RULES: InstrumentRules = { tickSize: 0, lotSize: 0 };

/**
 * Prices, quantities and fees as one symbol's fills see them. Rounding goes against the trader where it
 * matters: a slipped buy rounds up to the tick, a slipped sell down, a quantity down to the lot.
 */
export class ExecutionCosts {
  private readonly tick: number;
  private readonly lot: number;
  private readonly slippageBps: number;
  private readonly slippageTicks: number;
  private readonly perOrder: number;
  private readonly commissionBps: number;

  constructor(symbol: string, settings: BacktestSettings) {
    const rules = settings.instruments?.[symbol] ?? NO_RULES;
    this.tick = rules.tickSize;
    this.lot = rules.lotSize;
    this.perOrder = settings.commission.perOrder;
    this.commissionBps = settings.commission.bps;
    const { kind, amount } = settings.slippage;
    if (kind === 'ticks' && amount > 0 && this.tick <= 0) {
      throw new RangeError(`Slippage in ticks needs a tick size for ${symbol}`);
    }
    this.slippageBps = kind === 'bps' ? amount : 0;
    this.slippageTicks = kind === 'ticks' ? amount : 0;
  }

  /** A market or stop fill's price after slippage, on the tick. */
  slipped(price: number, buy: boolean): number {
    const direction = buy ? 1 : -1;
    const moved =
      price * (1 + (direction * this.slippageBps) / 10_000) + direction * this.slippageTicks * this.tick;
    if (this.tick <= 0) return moved;
    const ticks = moved / this.tick;
    // The epsilon keeps a price already on the tick (within float error) where it is.
    return (buy ? Math.ceil(ticks - 1e-9) : Math.floor(ticks + 1e-9)) * this.tick;
  }

  /** A limit or stop price as an exchange accepts it: the nearest tick. */
  onTick(price: number): number {
    return this.tick > 0 ? Math.round(price / this.tick) * this.tick : price;
  }

  /** The quantity rounded down to the lot; 0 when less than one lot. */
  lotRounded(quantity: number): number {
    if (this.lot <= 0) return quantity;
    return Math.floor(quantity / this.lot + 1e-9) * this.lot;
  }

  fee(quantity: number, price: number): number {
    return this.perOrder + (quantity * price * this.commissionBps) / 10_000;
  }
}
