import { Injectable, Logger } from '@nestjs/common';
import { AccountRegistry } from '../../broker/account-registry.js';
import { BrokerService } from '../../broker/broker.service.js';
import { ValidationFailedError } from '../../common/errors/app-error.js';
import type { OrderView } from '../../orders/dto/order.view.js';
import { OrderService } from '../../orders/order.service.js';
import { StrategyCatalog } from '../catalog/strategy-catalog.js';
import type { TriggerSignalDto } from '../dto/trigger-signal.dto.js';
import { signalClientOrderId } from './signal-client-order-id.js';
import { type SizedSignal, sizeFromEquity, sizeTowardTarget } from './signal-sizing.js';

/**
 * Turns a signal into the order it describes and places it through the order service, so it passes the
 * same risk checks, kill switch, idempotency and state machine as POST /trade. The order carries the
 * strategy's name; its client order id comes from the signal id, so a repeated signal is the same order.
 */
@Injectable()
export class SignalService {
  private readonly logger = new Logger(SignalService.name);

  constructor(
    private readonly catalog: StrategyCatalog,
    private readonly registry: AccountRegistry,
    private readonly broker: BrokerService,
    private readonly orders: OrderService,
  ) {}

  async trigger(strategy: string, signal: TriggerSignalDto): Promise<OrderView> {
    this.catalog.get(strategy);
    if (signal.targetPosition !== undefined && (signal.side !== undefined || signal.quantity !== undefined)) {
      throw new ValidationFailedError('targetPosition replaces side and quantity: give one or the other');
    }
    if (signal.quantity !== undefined && signal.percentOfEquity !== undefined) {
      throw new ValidationFailedError('give quantity or percentOfEquity, not both');
    }
    const account = this.registry.resolveAccount(signal.account).config.name;
    const sized = await this.size(signal, account);
    const order = await this.orders.place({
      account,
      symbol: signal.symbol,
      side: sized.side,
      type: signal.price === undefined ? 'market' : 'limit',
      quantity: sized.quantity,
      price: signal.price,
      takeProfit: signal.takeProfit,
      stopLoss: signal.stopLoss,
      timeInForce: 'gtc',
      strategy,
      clientOrderId: signalClientOrderId(strategy, account, signal.signalId),
    });
    this.logger.log(`Signal ${signal.signalId} of ${strategy} became order ${order.id} (${order.status})`);
    return order;
  }

  private async size(signal: TriggerSignalDto, account: string): Promise<SizedSignal> {
    if (signal.targetPosition !== undefined) {
      const held = (await this.broker.getPositions(account)).find((each) => each.symbol === signal.symbol);
      return sizeTowardTarget(signal.targetPosition, held?.quantity ?? '0', signal.symbol);
    }
    const side = signal.side!;
    if (signal.percentOfEquity === undefined) return { side, quantity: signal.quantity! };
    const { equity } = await this.broker.getAccountSummary(account);
    const price = signal.price ?? (await this.quotedPrice(signal.symbol, side, account));
    return sizeFromEquity(signal.percentOfEquity, equity, price, side);
  }

  /** The side of the quote a market order takes: the ask for a buy, the bid for a sell. */
  private async quotedPrice(symbol: string, side: 'buy' | 'sell', account: string): Promise<string> {
    const ticker = await this.broker.getTicker(symbol, account);
    return side === 'buy' ? ticker.ask : ticker.bid;
  }
}
