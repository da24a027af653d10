import type Big from 'big.js';
import { BybitError } from '../bybit-error.js';
import { RET } from '../bybit-ret-codes.js';
import type { BybitInstrument } from '../market/bybit-instrument.js';
import { isMultipleOf, toDecimalString } from '../../paper-engine.js';
import { type BybitParams, decimalString, paramsError, present } from '../rest/bybit-params.js';
import type { BybitSide, BybitTriggerBy } from './bybit-order.js';

const TRIGGER_BY: readonly string[] = ['LastPrice', 'MarkPrice', 'IndexPrice'];

/** Reference prices the checks need: Bybit's LastPrice and the mark, per instrument. */
export interface PriceReference {
  last(instrument: BybitInstrument): Big;
  mark(instrument: BybitInstrument): Big;
}

/**
 * A linear conditional order: `triggerPrice` with the `triggerDirection` it expects, which must still
 * be ahead of the market (110092 / 110093, docs/v5/error.mdx).
 */
export function conditional(
  params: BybitParams,
  instrument: BybitInstrument,
  prices: PriceReference,
): { price: Big; direction: 1 | 2; by: BybitTriggerBy } | null {
  const price = decimalString(params, 'triggerPrice', () => paramsError('triggerPrice invalid'));
  if (!price) return null;
  if (price.lte(0) || !isMultipleOf(price, instrument.tickSize)) throw paramsError('triggerPrice invalid');
  const direction = present(params, 'triggerDirection');
  if (direction !== 1 && direction !== 2) throw paramsError('TriggerDirection invalid');
  const by = triggerByParam(params, 'triggerBy');
  const current = by === 'LastPrice' ? prices.last(instrument) : prices.mark(instrument);
  const shown = `trigger_price[${toDecimalString(price)}]`;
  if (direction === 1 && price.lte(current)) {
    throw new BybitError(
      RET.EXPECT_RISING,
      `expect Rising, but ${shown} <= current[${toDecimalString(current)}]??${by}`,
    );
  }
  if (direction === 2 && price.gte(current)) {
    throw new BybitError(
      RET.EXPECT_FALLING,
      `expect Falling, but ${shown} >= current[${toDecimalString(current)}]??${by}`,
    );
  }
  return { price, direction, by };
}

function triggerByParam(params: BybitParams, name: string): BybitTriggerBy {
  const value = present(params, name);
  if (value === undefined) return 'LastPrice';
  if (typeof value !== 'string' || !TRIGGER_BY.includes(value)) throw paramsError(`${name} invalid`);
  return value as BybitTriggerBy;
}

/**
 * TP/SL attached to a linear order, in Full mode: on the profitable and the losing side of the price
 * the order is expected to fill at. Not with reduceOnly (docs: "When reduceOnly is true, take
 * profit/stop loss cannot be set").
 */
export function takeProfitStopLoss(
  params: BybitParams,
  instrument: BybitInstrument,
  side: BybitSide,
  base: Big,
  reduceOnly: boolean,
): {
  takeProfit: Big | null;
  stopLoss: Big | null;
  tpTriggerBy: BybitTriggerBy;
  slTriggerBy: BybitTriggerBy;
} | null {
  const takeProfit = exitPrice(params, 'takeProfit', instrument);
  const stopLoss = exitPrice(params, 'stopLoss', instrument);
  if (!takeProfit && !stopLoss) return null;
  if (reduceOnly) throw paramsError('reduce-only order can not set takeProfit/stopLoss');
  const buy = side === 'Buy';
  const baseShown = `base_price:${toDecimalString(base)}??LastPrice`;
  if (takeProfit && (buy ? takeProfit.lte(base) : takeProfit.gte(base))) {
    throw paramsError(
      `TakeProfit:${toDecimalString(takeProfit)} set for ${side} position should be ${buy ? 'higher' : 'lower'} than ${baseShown}`,
    );
  }
  if (stopLoss && (buy ? stopLoss.gte(base) : stopLoss.lte(base))) {
    throw paramsError(
      `StopLoss:${toDecimalString(stopLoss)} set for ${side} position should be ${buy ? 'lower' : 'higher'} than ${baseShown}`,
    );
  }
  return {
    takeProfit,
    stopLoss,
    tpTriggerBy: triggerByParam(params, 'tpTriggerBy'),
    slTriggerBy: triggerByParam(params, 'slTriggerBy'),
  };
}

function exitPrice(params: BybitParams, name: string, instrument: BybitInstrument): Big | null {
  const price = decimalString(params, name, () => paramsError(`${name} invalid`));
  if (!price) return null;
  if (price.lte(0) || !isMultipleOf(price, instrument.tickSize)) throw paramsError(`${name} invalid`);
  return price;
}
