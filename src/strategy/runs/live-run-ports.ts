import type { Logger } from '@nestjs/common';
import type { Observable } from 'rxjs';
import type { AccountSummary, BrokerEvent, Candle, ConnectionStatus, Instrument } from '#brokers';
import type { OrderView } from '../../orders/dto/order.view.js';
import type { PlaceOrderDto } from '../../orders/dto/place-order.dto.js';
import type { SignalOutcomes } from '../signals/signal-outcomes.js';
import type { StrategyRunRecord } from './strategy-run-record.js';
import type { StrategyRunRepository } from './strategy-run.repository.js';

/** What one live run reaches outside itself: the account, the order service, storage and the stream. */
export interface LiveRunPorts {
  readonly instrument: Instrument;
  /** Closed bars before the run (or its resumption) for the warm-up, oldest first. */
  readonly warmup: readonly Candle[];
  /** Every broker event of every account; the run picks its account's ticks and connection. */
  readonly events: Observable<BrokerEvent>;
  /** Every stored order change; the run picks its own orders. */
  readonly orderChanges: Observable<OrderView>;
  readonly accountStatus: () => ConnectionStatus;
  readonly accountSummary: () => Promise<AccountSummary>;
  readonly placeOrder: (order: PlaceOrderDto) => Promise<OrderView>;
  readonly cancelOrder: (orderId: string) => Promise<OrderView>;
  readonly repository: StrategyRunRepository;
  readonly signals: SignalOutcomes;
  /** Called after every change of the run's state is stored. */
  readonly onChange: (run: StrategyRunRecord) => void;
  readonly logger: Logger;
}
