import type Big from 'big.js';
import { toDecimalString } from '../../paper-engine.js';
import type { BybitPositionState } from './bybit-position-book.js';

const s = (value: Big): string => toDecimalString(value);
const MARGIN_PLACES = 8;

/** Live figures of a position at the mark price `mark`. */
export interface PositionFigures {
  readonly side: 'Buy' | 'Sell' | '';
  readonly size: Big;
  readonly positionValue: Big;
  readonly unrealisedPnl: Big;
  /** Initial and maintenance margin on the entry value, and at the mark ("ByMp"). */
  readonly positionIM: Big;
  readonly positionIMByMp: Big;
  readonly positionMM: Big;
  readonly positionMMByMp: Big;
}

export function positionFigures(state: BybitPositionState, mark: Big): PositionFigures {
  const { instrument } = state;
  const size = state.size.abs();
  const entryValue = size.times(state.avgPrice);
  const markValue = size.times(mark);
  const rate = instrument.maintenanceMarginRate;
  return {
    side: state.size.gt(0) ? 'Buy' : state.size.lt(0) ? 'Sell' : '',
    size,
    positionValue: entryValue,
    unrealisedPnl: state.size.times(mark.minus(state.avgPrice)),
    positionIM: entryValue.div(instrument.leverage).round(MARGIN_PLACES),
    positionIMByMp: markValue.div(instrument.leverage).round(MARGIN_PLACES),
    positionMM: entryValue.times(rate).round(MARGIN_PLACES),
    positionMMByMp: markValue.times(rate).round(MARGIN_PLACES),
  };
}

/** The price at which closing the position pays back its taker fees both ways. */
function breakEvenPrice(state: BybitPositionState): string {
  if (state.size.eq(0)) return '0';
  const fee = state.instrument.takerFeeRate;
  const long = state.size.gt(0);
  const factor = long ? fee.plus(1).div(fee.neg().plus(1)) : fee.neg().plus(1).div(fee.plus(1));
  return s(state.avgPrice.times(factor).round(MARGIN_PLACES));
}

/** As `/v5/position/list` lists a linear position (docs/v5/position/position.mdx). */
export function toRestPosition(state: BybitPositionState, mark: Big): Record<string, unknown> {
  const figures = positionFigures(state, mark);
  return {
    positionIdx: 0,
    riskId: 1,
    riskLimitValue: '2000000',
    symbol: state.instrument.symbol,
    side: figures.side,
    size: s(figures.size),
    avgPrice: s(state.avgPrice),
    positionValue: s(figures.positionValue),
    tradeMode: 0,
    positionStatus: 'Normal',
    autoAddMargin: 0,
    adlRankIndicator: figures.size.eq(0) ? 0 : 2,
    leverage: s(state.instrument.leverage),
    breakEvenPrice: breakEvenPrice(state),
    positionBalance: s(figures.positionIM),
    markPrice: s(mark),
    liqPrice: '',
    bustPrice: '',
    positionMM: s(figures.positionMM),
    positionMMByMp: s(figures.positionMMByMp),
    positionIM: s(figures.positionIM),
    positionIMByMp: s(figures.positionIMByMp),
    tpslMode: 'Full',
    takeProfit: state.takeProfit ? s(state.takeProfit) : '0',
    stopLoss: state.stopLoss ? s(state.stopLoss) : '0',
    trailingStop: '0',
    unrealisedPnl: s(figures.unrealisedPnl),
    curRealisedPnl: s(state.curRealised),
    cumRealisedPnl: s(state.cumRealised),
    seq: state.seq,
    isReduceOnly: false,
    mmrSysUpdatedTime: '',
    leverageSysUpdatedTime: '',
    sessionAvgPrice: '',
    createdTime: String(state.createdTime),
    updatedTime: String(state.updatedTime),
  };
}

/**
 * As the `position` topic pushes it (docs/v5/websocket/private/position.mdx): `category`, and
 * `entryPrice` where REST says `avgPrice`.
 */
export function toWsPosition(state: BybitPositionState, mark: Big): Record<string, unknown> {
  const { avgPrice, ...rest } = toRestPosition(state, mark);
  return { category: 'linear', ...rest, entryPrice: avgPrice };
}
