import type { TwsAccount } from '../account/tws-account.js';
import type { TwsInstrumentRegistry } from '../market/tws-instrument-registry.js';
import type { TwsPlaceOrder } from '../protocol/incoming/tws-place-order.js';
import type { TwsSession } from '../session/tws-session.js';
import { dec, roundToStep, toDecimalString } from '../../paper-engine.js';
import { checkCashQuantity, checkOrderTerms, type TwsRefusal } from './tws-order-checks.js';
import type { TwsOrderIds } from '../session/tws-client-order-ids.js';
import type { TwsOrderMessenger } from './tws-order-messages-out.js';
import { isLive, type TwsOrderRecord, type TwsOrderType } from './tws-order-record.js';
import type { TwsOrderWork } from './tws-order-work.js';

/** Where the book finds accounts and the clock. */
export interface TwsOrderBookDeps {
  readonly registry: TwsInstrumentRegistry;
  readonly accounts: readonly TwsAccount[];
  readonly ids: TwsOrderIds;
  readonly messenger: TwsOrderMessenger;
  readonly work: TwsOrderWork;
  readonly now: () => number;
}

/**
 * Every order TWS holds, by client id and order id: placement (TWS's checks, the transmit flag, a
 * bracket's legs held until the last is transmitted) and cancellation. What happens to an order once it
 * works is {@link TwsOrderWork}'s.
 */
export class TwsOrderBook {
  private readonly byClientOrder = new Map<string, TwsOrderRecord>();
  private nextPermId = 1_640_000_000;
  private readonly queuedRefusals: TwsRefusal[] = [];

  constructor(private readonly deps: TwsOrderBookDeps) {}

  get(clientId: number, orderId: number): TwsOrderRecord | undefined {
    return this.byClientOrder.get(`${clientId}:${orderId}`);
  }

  /** Live orders, of one client or of all, in placement order. */
  live(clientId?: number): TwsOrderRecord[] {
    return [...this.byClientOrder.values()].filter(
      (order) =>
        isLive(order) && order.transmitted && (clientId === undefined || order.clientId === clientId),
    );
  }

  async place(session: TwsSession, clientId: number, placed: TwsPlaceOrder): Promise<void> {
    const { ids } = this.deps;
    const existing = this.get(clientId, placed.orderId);
    if (existing && isLive(existing))
      return this.refuse(
        session,
        placed.orderId,
        105,
        'Order being modified does not match original order: modification is not simulated.',
      );
    if (!ids.isFresh(clientId, placed.orderId))
      return this.refuse(session, placed.orderId, 103, `Duplicate order id`);
    const instrument = this.deps.registry.resolve(placed.contract);
    if (!instrument)
      return this.refuse(
        session,
        placed.orderId,
        200,
        'No security definition has been found for the request',
      );
    const account = this.accountFor(placed.account);
    if (typeof account === 'string') return this.refuse(session, placed.orderId, 436, account);
    const cashRefusal = checkCashQuantity(placed, instrument);
    if (cashRefusal) return this.refuse(session, placed.orderId, cashRefusal.code, cashRefusal.message);
    const request =
      placed.cashQty === undefined
        ? placed
        : { ...placed, totalQuantity: await this.sizeFor(account, instrument, placed) };
    const refusal = checkOrderTerms(request, instrument) ?? this.queuedRefusals.shift();
    if (refusal) return this.refuse(session, request.orderId, refusal.code, refusal.message);
    const parent = request.parentId === 0 ? undefined : this.get(clientId, request.parentId);
    if (request.parentId !== 0 && (!parent || !isLive(parent)))
      return this.refuse(session, request.orderId, 10006, `Missing parent order ${request.parentId}.`);
    ids.use(clientId, request.orderId);
    const order: TwsOrderRecord = {
      orderId: request.orderId,
      clientId,
      permId: this.nextPermId++,
      account,
      instrument,
      action: request.action as TwsOrderRecord['action'],
      quantity: request.totalQuantity!,
      orderType: request.orderType as TwsOrderType,
      lmtPrice: request.orderType === 'LMT' || request.orderType === 'STP LMT' ? request.lmtPrice : undefined,
      auxPrice: request.auxPrice,
      trailingPercent: request.trailingPercent,
      trailStopPrice: request.trailStopPrice,
      tif: request.tif,
      ocaGroup: request.ocaGroup,
      ocaType: request.ocaType,
      orderRef: request.orderRef,
      parentId: request.parentId,
      outsideRth: request.outsideRth,
      placedAt: this.deps.now(),
      transmitted: false,
      announced: false,
      state: 'PreSubmitted',
      filled: '0',
      avgFillPrice: '0',
      lastFillPrice: '0',
      commission: '0',
    };
    this.byClientOrder.set(`${clientId}:${order.orderId}`, order);
    // An order sent with transmit unset or false stays in TWS, unsent, until a later leg of its group
    // is transmitted: that is how a bracket's legs go out together.
    if (request.transmit !== true) return Promise.resolve();
    return this.transmitGroup(order);
  }

  cancel(session: TwsSession, clientId: number, orderId: number): Promise<void> {
    const order = this.get(clientId, orderId);
    if (!order || !order.transmitted)
      return this.refuse(
        session,
        orderId,
        10147,
        `OrderId ${orderId} that needs to be cancelled is not found.`,
      );
    if (!isLive(order))
      return this.refuse(
        session,
        orderId,
        10148,
        `OrderId ${orderId} that needs to be cancelled cannot be cancelled, state: ${order.state}.`,
      );
    return this.deps.work.cancel(order, '');
  }

  /** Test hook: the next order that passes TWS's checks is refused with this code and text instead. */
  refuseNext(refusal: TwsRefusal): void {
    this.queuedRefusals.push(refusal);
  }

  /** REQ_GLOBAL_CANCEL: every live order of every client. */
  async cancelAll(): Promise<void> {
    for (const order of this.live()) if (isLive(order)) await this.deps.work.cancel(order, '');
  }

  /** Transmits `order`, the parent it belongs to and the held siblings, parent first. */
  private async transmitGroup(order: TwsOrderRecord): Promise<void> {
    const rootId = order.parentId === 0 ? order.orderId : order.parentId;
    const group = [...this.byClientOrder.values()].filter(
      (other) =>
        other.clientId === order.clientId &&
        !other.transmitted &&
        isLive(other) &&
        (other.orderId === rootId || other.parentId === rootId),
    );
    group.sort((a, b) => (a.parentId === 0 ? -1 : b.parentId === 0 ? 1 : a.orderId - b.orderId));
    for (const leg of group) {
      leg.transmitted = true;
      const parent = leg.parentId === 0 ? undefined : this.get(leg.clientId, leg.parentId);
      await this.deps.work.start(leg, parent);
    }
  }

  /** The size a cash amount buys at the current ask, rounded down to the contract's size increment. */
  private async sizeFor(
    account: TwsAccount,
    instrument: TwsOrderRecord['instrument'],
    placed: TwsPlaceOrder,
  ): Promise<string> {
    const { ask } = await account.engine.getTicker(instrument.localSymbol);
    return toDecimalString(roundToStep(dec(placed.cashQty!).div(ask), instrument.sizeIncrement, 'down'));
  }

  /** The account an order names, or the only one there is; a text explaining why not otherwise. */
  private accountFor(code: string): TwsAccount | string {
    const { accounts } = this.deps;
    if (code === '') {
      return accounts.length === 1
        ? accounts[0]!
        : 'You must specify an allocation (either a single account, group, or profile).';
    }
    return accounts.find((account) => account.code === code) ?? `The account code ${code} is not valid.`;
  }

  private refuse(session: TwsSession, orderId: number, code: number, message: string): Promise<void> {
    this.deps.messenger.refused(session, orderId, code, message);
    return Promise.resolve();
  }
}
