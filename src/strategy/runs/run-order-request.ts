import { dec, type Instrument, roundToStep } from '#brokers';
import type { StrategyOrderRequest } from '#backtest/strategy/strategy-order.js';
import type { PlaceOrderDto } from '../../orders/dto/place-order.dto.js';
import type { RunSizing } from './strategy-run-record.js';

/** What the order's size and prices are worked out from, as the bar closes. */
export interface RunOrderInputs {
  readonly account: string;
  readonly strategy: string;
  readonly instrument: Instrument;
  readonly sizing: RunSizing;
  readonly equity: number;
  /** The close of the bar the strategy just saw: what percent-of-equity sizing divides by, as a backtest does. */
  readonly lastClose: number;
}

/** The number as a decimal string on `step`: strategies compute prices in floats, brokers take the grid. */
function onGrid(value: number, step: string, direction: 'nearest' | 'down'): string {
  return roundToStep(dec(value.toPrecision(15)), step, direction).toFixed();
}

/** The quantity the run trades for `request`: the strategy's, or the run's sizing rule, down to the lot. */
export function runOrderQuantity(request: StrategyOrderRequest, inputs: RunOrderInputs): string {
  const { sizing, instrument } = inputs;
  let quantity: number;
  if (request.quantity !== undefined) quantity = request.quantity;
  else if (sizing.kind === 'fixed') return sizing.quantity;
  else quantity = (inputs.equity * sizing.percent) / 100 / inputs.lastClose;
  return onGrid(quantity, instrument.lotSize, 'down');
}

/**
 * The POST /trade order a strategy's request becomes, or the reason it cannot be one. Orders stay good
 * till cancelled, as a backtest's resting orders do.
 */
export function runOrderRequest(
  clientOrderId: string,
  request: StrategyOrderRequest,
  inputs: RunOrderInputs,
): PlaceOrderDto | { readonly refused: string } {
  const quantity = runOrderQuantity(request, inputs);
  if (!Number.isFinite(Number(quantity)) || dec(quantity).lte(0)) {
    return { refused: `the size rounds to nothing at the lot size ${inputs.instrument.lotSize}` };
  }
  const tick = inputs.instrument.tickSize;
  const price = (value: number | undefined): string | undefined =>
    value === undefined ? undefined : onGrid(value, tick, 'nearest');
  const type = request.type ?? 'market';
  return {
    account: inputs.account,
    symbol: inputs.instrument.symbol,
    side: request.side,
    type,
    quantity,
    price: type === 'limit' || type === 'stop_limit' ? price(request.limitPrice) : undefined,
    stopPrice: type === 'stop' || type === 'stop_limit' ? price(request.stopPrice) : undefined,
    takeProfit: price(request.takeProfit),
    stopLoss: price(request.stopLoss),
    timeInForce: 'gtc',
    strategy: inputs.strategy,
    clientOrderId,
  };
}
