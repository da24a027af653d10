import type Big from 'big.js';
import { toDecimalString } from '../../decimal/index.js';
import type { BrokerEvent, Fill } from '../../domain/index.js';
import type { CandleHistory } from '../candles/candle-history.js';
import { feeFor, type PaperLedger } from './paper-ledger.js';
import { type PaperOrder, toBrokerOrder } from '../matching/paper-order.js';

export interface ExecutionBookerOptions {
  readonly account: string;
  readonly currency: string;
  readonly makerFeeBps: number;
  readonly takerFeeBps: number;
  /** The instrument's own fees, when it overrides the account's. */
  readonly instrumentFees: (symbol: string) => {
    readonly makerFeeBps?: number;
    readonly takerFeeBps?: number;
  };
  /** Prefix of execution ids, unique per run so ids never repeat across restarts. */
  readonly idPrefix: string;
  readonly ledger: PaperLedger;
  readonly history: CandleHistory;
  readonly emit: (event: BrokerEvent) => void;
  /** Called with each execution once booked, before its events: for the fill history and the journal. */
  readonly booked: (fill: Fill) => void;
}

/** Books the paper venue's executions in the ledger and the candles, numbers them, and announces them. */
export class ExecutionBooker {
  private sequence = 0;

  constructor(private readonly options: ExecutionBookerOptions) {}

  /**
   * Books one execution of `order` (whose fill state is already updated) and emits, in this order, the
   * order, the fill, the position and the account. The fee is charged in the account currency, at the
   * instrument's rate when it has one, else the account's.
   */
  book(order: PaperOrder, quantity: Big, price: Big, liquidity: 'maker' | 'taker', nowMs: number): Fill {
    const { account, ledger, emit } = this.options;
    const own = this.options.instrumentFees(order.symbol);
    const bps =
      liquidity === 'maker'
        ? (own.makerFeeBps ?? this.options.makerFeeBps)
        : (own.takerFeeBps ?? this.options.takerFeeBps);
    const fee = feeFor(quantity, price, bps);
    ledger.applyFill(order.symbol, order.side, quantity, price, fee, nowMs);
    this.options.history.addVolume(order.symbol, quantity, nowMs);
    this.sequence += 1;
    const fill: Fill = {
      executionId: `${this.options.idPrefix}-${this.sequence}`,
      brokerOrderId: order.brokerOrderId,
      clientOrderId: order.clientOrderId,
      symbol: order.symbol,
      side: order.side,
      quantity: toDecimalString(quantity),
      price: toDecimalString(price),
      fee: toDecimalString(fee),
      feeCurrency: this.options.currency,
      liquidity,
      executedAt: new Date(nowMs).toISOString(),
    };
    this.options.booked(fill);
    emit({ type: 'order', account, order: toBrokerOrder(order) });
    emit({ type: 'fill', account, fill });
    emit({ type: 'position', account, position: ledger.position(order.symbol, nowMs) });
    emit({ type: 'account', account, summary: ledger.summary(nowMs) });
    return fill;
  }
}
