import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { AccountRegistry } from '../../broker/account-registry.js';
import {
  KILL_SWITCH_ENGAGED,
  KillSwitchEngaged,
  type CancelReport,
} from '../../risk/kill-switch-engaged.event.js';
import { OrderStateApplier } from '../order-state.applier.js';
import { cancelOpenOrders } from './cancel-open-orders.js';

/**
 * Cancels an account's open orders when its kill switch engages, each cancel applied through the one
 * state machine and recorded in `order_events` as `kill_switch` with who turned it and why.
 */
@Injectable()
export class KillSwitchCanceller {
  constructor(
    private readonly registry: AccountRegistry,
    private readonly applier: OrderStateApplier,
  ) {}

  // Errors reach the kill switch's caller: a suppressed one would answer "nothing cancelled".
  @OnEvent(KILL_SWITCH_ENGAGED, { suppressErrors: false })
  async cancelAll(event: KillSwitchEngaged): Promise<CancelReport> {
    const adapter = this.registry.resolve(event.account);
    const open = await adapter.getOpenOrders();
    const forget = open.map((order) =>
      this.applier.attributeCancel(event.account, order.brokerOrderId, 'kill_switch', event.cause),
    );
    try {
      // The broker's own word on each order; a cancel it reports carries the kill switch's cause (above),
      // while one that filled meanwhile is recorded as the broker's fill, not as the switch's doing.
      return await cancelOpenOrders(adapter, open, (order) =>
        this.applier.applyBrokerOrder(event.account, order, 'broker'),
      );
    } finally {
      // After the last report queued so far, so a push already on its way still finds the cause.
      await this.applier.settled();
      forget.forEach((release) => release());
    }
  }
}
