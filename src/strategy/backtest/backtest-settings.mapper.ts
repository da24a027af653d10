import { DEFAULT_BACKTEST_SETTINGS, type BacktestSettings } from '#backtest/engine/backtest-settings.js';
import type { RunBacktestDto } from '../dto/run-backtest.dto.js';

/** The engine's settings from a request: what it leaves out takes the engine's defaults. */
export function toBacktestSettings(body: RunBacktestDto): BacktestSettings {
  const defaults = DEFAULT_BACKTEST_SETTINGS;
  const sizing = body.sizing;
  return {
    startingCash: body.cash === undefined ? defaults.startingCash : Number(body.cash),
    commission: body.commission
      ? { perOrder: Number(body.commission.perOrder), bps: body.commission.bps }
      : defaults.commission,
    slippage: body.slippage ? { kind: body.slippage.kind, amount: body.slippage.amount } : defaults.slippage,
    sizing:
      sizing === undefined
        ? defaults.sizing
        : sizing.kind === 'fixed'
          ? { kind: 'fixed', quantity: Number(sizing.quantity) }
          : { kind: 'percent_of_equity', percent: sizing.percent ?? 100 },
    marketFill: body.marketFill ?? defaults.marketFill,
  };
}
