import { Injectable } from '@nestjs/common';
import type { SignalProposal } from '#backtest/strategy/signal-review.js';
import type { StrategyDefinition } from '#backtest/strategy/strategy.js';
import { AccountRegistry } from '../../broker/account-registry.js';
import { BrokerService } from '../../broker/broker.service.js';
import { ValidationFailedError } from '../../common/errors/app-error.js';
import type { OrderView } from '../../orders/dto/order.view.js';
import { OrderService } from '../../orders/order.service.js';
import { StrategyCatalog } from '../catalog/strategy-catalog.js';
import type { TriggerSignalDto } from '../dto/trigger-signal.dto.js';
import { signalClientOrderId } from './signal-client-order-id.js';
import { type SignalOutcomeInput, SignalOutcomes, type SignalSource } from './signal-outcomes.js';
import { signalRefusalReason } from './signal-refusal-reason.js';
import { SignalRefusedError } from './signal-refused.error.js';
import { type SizedSignal, sizeFromEquity, sizeTowardTarget } from './signal-sizing.js';

/**
 * Turns a signal into the order it describes and places it through the order service, so it passes the
 * same risk checks, kill switch, idempotency and state machine as POST /trade. The strategy's
 * `reviewSignal` hook sees it first. The order carries the strategy's name; its client order id comes
 * from the signal id, so a repeated signal is the same order. Every outcome is recorded.
 */
@Injectable()
export class SignalService {
  constructor(
    private readonly catalog: StrategyCatalog,
    private readonly registry: AccountRegistry,
    private readonly broker: BrokerService,
    private readonly orders: OrderService,
    private readonly outcomes: SignalOutcomes,
  ) {}

  async trigger(
    strategy: string,
    signal: TriggerSignalDto,
    source: SignalSource = 'trigger',
  ): Promise<OrderView> {
    const seen: SignalOutcomeInput = {
      strategy,
      source,
      signalId: signal.signalId,
      account: signal.account ?? null,
      symbol: signal.symbol,
    };
    let definition: StrategyDefinition;
    try {
      definition = this.catalog.get(strategy);
    } catch (error) {
      // Counted under one label: a name from the request would let any caller mint metric series.
      this.outcomes.refused(
        { ...seen, strategy: 'unknown' },
        'unknown_strategy',
        (error as Error).message,
        error,
      );
      throw error;
    }
    try {
      const order = await this.place(definition, signal);
      this.outcomes.accepted({ ...seen, account: order.account }, order.id);
      return order;
    } catch (error) {
      this.outcomes.refused(seen, signalRefusalReason(error), (error as Error).message, error);
      throw error;
    }
  }

  private async place(definition: StrategyDefinition, sent: TriggerSignalDto): Promise<OrderView> {
    const signal = { ...sent, ...this.review(definition, sent) };
    if (signal.targetPosition !== undefined && (signal.side !== undefined || signal.quantity !== undefined)) {
      throw new ValidationFailedError('targetPosition replaces side and quantity: give one or the other');
    }
    if (signal.quantity !== undefined && signal.percentOfEquity !== undefined) {
      throw new ValidationFailedError('give quantity or percentOfEquity, not both');
    }
    const account = this.registry.resolveAccount(signal.account).config.name;
    const sized = await this.size(signal, account);
    return this.orders.place({
      account,
      symbol: signal.symbol,
      side: sized.side,
      type: signal.price === undefined ? 'market' : 'limit',
      quantity: sized.quantity,
      price: signal.price,
      takeProfit: signal.takeProfit,
      stopLoss: signal.stopLoss,
      timeInForce: 'gtc',
      strategy: definition.name,
      clientOrderId: signalClientOrderId(definition.name, account, signal.signalId),
    });
  }

  /** The signal as the strategy's hook leaves it; it may change what is traded, never where or whose. */
  private review(definition: StrategyDefinition, signal: TriggerSignalDto): SignalProposal {
    const proposal: SignalProposal = {
      symbol: signal.symbol,
      side: signal.side,
      quantity: signal.quantity,
      percentOfEquity: signal.percentOfEquity,
      targetPosition: signal.targetPosition,
      price: signal.price,
      takeProfit: signal.takeProfit,
      stopLoss: signal.stopLoss,
    };
    if (!definition.reviewSignal) return proposal;
    const review = definition.reviewSignal(proposal);
    if ('refuse' in review) {
      throw new SignalRefusedError(`${definition.name} refused the signal: ${review.refuse}`, {
        reason: review.refuse,
      });
    }
    return { ...review.accept, symbol: signal.symbol };
  }

  private async size(signal: SignalProposal & { account?: string }, account: string): Promise<SizedSignal> {
    if (signal.targetPosition !== undefined) {
      const held = (await this.broker.getPositions(account)).find((each) => each.symbol === signal.symbol);
      return sizeTowardTarget(signal.targetPosition, held?.quantity ?? '0', signal.symbol);
    }
    const side = signal.side;
    if (side === undefined) throw new ValidationFailedError('side or targetPosition is required');
    if (signal.percentOfEquity === undefined) {
      if (signal.quantity === undefined)
        throw new ValidationFailedError('quantity or percentOfEquity is required');
      return { side, quantity: signal.quantity };
    }
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
