import type { AccountSummary, ConnectionStatus, DecimalString, Position, Ticker } from '#brokers';

/** `account` channel: connection state and the broker's account summary. */
export interface AccountStateView {
  readonly status: ConnectionStatus;
  /** Set while reconciliation fails: the account takes no new orders. */
  readonly degradedReason: string | null;
  /** Null until the broker has answered once. */
  readonly summary: AccountSummary | null;
  /** The last poll's failure, cleared by the next success. */
  readonly lastPollError: string | null;
  readonly updatedAt: string;
}

/** `positions` channel: every open position of the account. */
export interface PositionsView {
  readonly positions: readonly Position[];
}

/** One position's share of the PnL, marked to the latest price. */
export interface PositionPnl {
  readonly symbol: string;
  readonly quantity: DecimalString;
  readonly markPrice: DecimalString;
  readonly unrealizedPnl: DecimalString;
}

/** `pnl` channel: the account marked to the latest prices. */
export interface PnlView {
  readonly currency: string;
  readonly balance: DecimalString;
  readonly equity: DecimalString;
  readonly unrealizedPnl: DecimalString;
  readonly realizedPnl: DecimalString;
  /** Equity now minus equity at the start of the UTC day. */
  readonly dailyPnl: DecimalString;
  readonly dayStartEquity: DecimalString;
  readonly positions: readonly PositionPnl[];
  readonly updatedAt: string;
}

/** `prices` channel, one symbol. */
export interface PriceView {
  readonly ticker: Ticker;
}
