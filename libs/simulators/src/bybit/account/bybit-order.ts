import type Big from 'big.js';
import { dec } from '../../paper-engine.js';
import type { BybitCategory } from '../bybit-simulator-config.js';
import type { BybitInstrument } from '../market/bybit-instrument.js';

/** docs/v5/enum.mdx `orderStatus`. */
export type BybitOrderStatus =
  | 'New'
  | 'PartiallyFilled'
  | 'Untriggered'
  | 'Triggered'
  | 'Rejected'
  | 'PartiallyFilledCanceled'
  | 'Filled'
  | 'Cancelled'
  | 'Deactivated';

export type BybitSide = 'Buy' | 'Sell';
export type BybitOrderType = 'Market' | 'Limit';
export type BybitTimeInForce = 'GTC' | 'IOC' | 'FOK' | 'PostOnly';
/** '' for a plain order; `Stop` for a conditional one; TakeProfit/StopLoss for a position's exits. */
export type BybitStopOrderType = '' | 'Stop' | 'TakeProfit' | 'StopLoss';
/** What a conditional order compares its trigger with (docs/v5/enum.mdx `triggerBy`). */
export type BybitTriggerBy = 'LastPrice' | 'MarkPrice' | 'IndexPrice';

const OPEN: ReadonlySet<BybitOrderStatus> = new Set(['New', 'PartiallyFilled', 'Untriggered', 'Triggered']);

/** Open statuses: the order may still fill or be cancelled. */
export function isOpenStatus(status: BybitOrderStatus): boolean {
  return OPEN.has(status);
}

/**
 * The simulator's record of one order: what was asked, plus its life so far. Plain orders live in the
 * paper engine (`paperOrderId`); a conditional order or a TP/SL waits here, untriggered, and reaches
 * the engine when its trigger price trades.
 */
export interface BybitOrder {
  /** Creation order within the account: the cursor of paged lists. */
  readonly sequence: number;
  readonly orderId: string;
  readonly orderLinkId: string;
  readonly category: BybitCategory;
  readonly instrument: BybitInstrument;
  readonly side: BybitSide;
  readonly orderType: BybitOrderType;
  /** The limit price; null for Market. */
  readonly price: Big | null;
  /** As asked: a spot market Buy by value counts quote coin (`marketUnit` quoteCoin). */
  qty: Big;
  readonly marketUnit: '' | 'baseCoin' | 'quoteCoin';
  readonly timeInForce: BybitTimeInForce;
  readonly triggerPrice: Big | null;
  /** 1 rise, 2 fall; 0 for a plain order. */
  readonly triggerDirection: 0 | 1 | 2;
  readonly triggerBy: BybitTriggerBy | '';
  readonly stopOrderType: BybitStopOrderType;
  /** TP/SL attached to an entry: set on the position once it fills. */
  readonly takeProfit: Big | null;
  readonly stopLoss: Big | null;
  readonly tpTriggerBy: BybitTriggerBy | '';
  readonly slTriggerBy: BybitTriggerBy | '';
  readonly reduceOnly: boolean;
  readonly closeOnTrigger: boolean;
  readonly createType: string;
  readonly lastPriceOnCreated: Big;
  status: BybitOrderStatus;
  cancelType: string;
  rejectReason: string;
  cumExecQty: Big;
  cumExecValue: Big;
  cumExecFee: Big;
  /** The engine's order once placed there (at creation, or when the trigger fired). */
  paperOrderId: string | null;
  /** Base-coin quantity handed to the engine (differs from `qty` for a market Buy by value). */
  paperQty: Big | null;
  /** Why the next engine cancel happens, set just before asking for it. */
  pendingCancelType: string | null;
  readonly createdTime: number;
  updatedTime: number;
}

/** What every order starts with, whoever makes it (a request, or a TP/SL leg): nothing executed yet. */
export function unexecuted(nowMs: number) {
  return {
    cancelType: 'UNKNOWN',
    rejectReason: 'EC_NoError',
    cumExecQty: dec(0),
    cumExecValue: dec(0),
    cumExecFee: dec(0),
    paperOrderId: null,
    paperQty: null,
    pendingCancelType: null,
    createdTime: nowMs,
    updatedTime: nowMs,
  } satisfies Partial<BybitOrder>;
}

/** True for an order waiting on its trigger: it is not in the engine and holds no margin. */
export function isConditional(order: BybitOrder): boolean {
  return order.stopOrderType !== '';
}
