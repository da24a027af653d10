import type { TwsAccount } from '../account/tws-account.js';
import { twsContractOf } from '../market/tws-instrument-registry.js';
import type { TwsOrderStatus, TwsOrderView } from '../protocol/outgoing/index.js';
import type { TwsInstrumentConfig } from '../tws-simulator-config.js';
import { dec, toDecimalString } from '../../paper-engine.js';

/** TWS's order states, as ORDER_STATUS and OPEN_ORDER spell them. */
export type TwsOrderState =
  'PreSubmitted' | 'Submitted' | 'PendingCancel' | 'Cancelled' | 'Filled' | 'Inactive';

export const TWS_ORDER_TYPES = ['MKT', 'LMT', 'STP', 'STP LMT', 'TRAIL'] as const;
export type TwsOrderType = (typeof TWS_ORDER_TYPES)[number];

/** One order TWS holds, from its placement on: the client's terms and what became of them. */
export interface TwsOrderRecord {
  readonly orderId: number;
  readonly clientId: number;
  readonly permId: number;
  readonly account: TwsAccount;
  readonly instrument: TwsInstrumentConfig;
  readonly action: 'BUY' | 'SELL' | 'SSHORT';
  readonly quantity: string;
  readonly orderType: TwsOrderType;
  readonly lmtPrice?: string;
  /** STP and STP LMT: the trigger; TRAIL: the trailing amount. */
  readonly auxPrice?: string;
  readonly trailingPercent?: string;
  readonly tif: string;
  readonly ocaGroup: string;
  readonly ocaType: number;
  readonly orderRef: string;
  readonly parentId: number;
  readonly outsideRth: boolean;
  readonly placedAt: number;
  transmitted: boolean;
  /** Whether the client was told of it: its first OPEN_ORDER goes out before any fill. */
  announced: boolean;
  state: TwsOrderState;
  filled: string;
  avgFillPrice: string;
  lastFillPrice: string;
  commission: string;
  /** The paper engine's id once the order works there (a TRAIL only after it triggers). */
  paperId?: string;
  /** TRAIL: the stop price it trails at now. */
  trailStopPrice?: string;
  /** Why it ended, for the ERR_MSG that follows a cancel or a reject. */
  reason?: string;
}

export function isLive(order: TwsOrderRecord): boolean {
  return order.state !== 'Cancelled' && order.state !== 'Filled' && order.state !== 'Inactive';
}

export function remainingOf(order: TwsOrderRecord): string {
  return toDecimalString(dec(order.quantity).minus(order.filled));
}

export function toOrderView(order: TwsOrderRecord): TwsOrderView {
  return {
    orderId: order.orderId,
    clientId: order.clientId,
    permId: order.permId,
    contract: twsContractOf(order.instrument),
    action: order.action,
    totalQuantity: order.quantity,
    orderType: order.orderType,
    lmtPrice: order.lmtPrice,
    auxPrice: order.auxPrice,
    tif: order.tif,
    ocaGroup: order.ocaGroup,
    ocaType: order.ocaType,
    account: order.account.code,
    orderRef: order.orderRef,
    parentId: order.parentId,
    outsideRth: order.outsideRth,
    trailStopPrice: order.trailStopPrice,
    trailingPercent: order.trailingPercent,
    transmit: order.transmitted,
    status: order.state,
    commission: dec(order.commission).gt(0) ? order.commission : undefined,
    commissionCurrency: dec(order.commission).gt(0) ? order.account.currency : undefined,
  };
}

export function toOrderStatus(order: TwsOrderRecord): TwsOrderStatus {
  return {
    orderId: order.orderId,
    status: order.state,
    filled: order.filled,
    remaining: remainingOf(order),
    avgFillPrice: order.avgFillPrice,
    permId: order.permId,
    parentId: order.parentId,
    lastFillPrice: order.lastFillPrice,
    clientId: order.clientId,
  };
}
