import type Big from 'big.js';
import type { BybitInstrument } from '../market/bybit-instrument.js';
import { dec, type Position } from '../../paper-engine.js';
import type { BybitTriggerBy } from './bybit-order.js';

/** What the account knows of one instrument's position beyond the engine's live figures. */
export interface BybitPositionState {
  readonly instrument: BybitInstrument;
  /** Signed: negative is short. */
  size: Big;
  avgPrice: Big;
  /** The engine's cumulative realized PnL of this instrument (before fees). */
  grossRealized: Big;
  /** Realized PnL net of fees since the account opened: Bybit's `cumRealisedPnl`. */
  cumRealised: Big;
  /** Realized PnL net of fees of the current position: Bybit's `curRealisedPnl`. */
  curRealised: Big;
  /** Full-mode TP/SL set on the position by a filled order. */
  takeProfit: Big | null;
  stopLoss: Big | null;
  tpTriggerBy: BybitTriggerBy;
  slTriggerBy: BybitTriggerBy;
  createdTime: number;
  updatedTime: number;
  seq: number;
}

/** The change one fill made to a position. */
export interface PositionChange {
  readonly state: BybitPositionState;
  /** Size before the fill (signed). */
  readonly before: Big;
  /** PnL the fill realized, before its fee. */
  readonly realized: Big;
}

/** Positions per instrument, fed by the engine's position events. */
export class BybitPositionBook {
  private readonly states = new Map<string, BybitPositionState>();

  constructor(private readonly clock: () => number) {}

  /** The position of `instrument`, flat when it never traded. */
  of(instrument: BybitInstrument): BybitPositionState {
    let state = this.states.get(instrument.paperSymbol);
    if (!state) {
      const now = this.clock();
      state = {
        instrument,
        size: dec(0),
        avgPrice: dec(0),
        grossRealized: dec(0),
        cumRealised: dec(0),
        curRealised: dec(0),
        takeProfit: null,
        stopLoss: null,
        tpTriggerBy: 'LastPrice',
        slTriggerBy: 'LastPrice',
        createdTime: now,
        updatedTime: now,
        seq: 0,
      };
      this.states.set(instrument.paperSymbol, state);
    }
    return state;
  }

  /** Positions that traded at least once, in first-trade order. */
  all(): BybitPositionState[] {
    return [...this.states.values()];
  }

  /** Books the engine's position after a fill that cost `fee`; `seq` is the fill's. */
  apply(instrument: BybitInstrument, position: Position, fee: Big, seq: number): PositionChange {
    const state = this.of(instrument);
    const before = state.size;
    const realized = dec(position.realizedPnl).minus(state.grossRealized);
    const now = this.clock();
    if (before.eq(0)) {
      state.curRealised = dec(0);
      state.createdTime = now;
    }
    state.size = dec(position.quantity);
    state.avgPrice = state.size.eq(0) ? dec(0) : dec(position.averagePrice);
    state.grossRealized = dec(position.realizedPnl);
    state.cumRealised = state.cumRealised.plus(realized).minus(fee);
    state.curRealised = state.curRealised.plus(realized).minus(fee);
    state.updatedTime = now;
    state.seq = seq;
    return { state, before, realized };
  }
}
