export type StrategySide = 'buy' | 'sell';
export type StrategyOrderType = 'market' | 'limit' | 'stop' | 'stop_limit';
export type StrategyOrderStatus = 'open' | 'filled' | 'cancelled' | 'rejected';

/**
 * What a strategy asks for. `quantity` left out takes the run's sizing rule (fixed quantity or a percent of
 * equity). `takeProfit` / `stopLoss` make it a bracket: once the entry fills, a limit and a stop on the
 * other side are placed for the filled quantity, and when one of them fills the other is cancelled.
 */
export interface StrategyOrderRequest {
  readonly side: StrategySide;
  readonly symbol?: string;
  readonly quantity?: number;
  readonly type?: StrategyOrderType;
  readonly limitPrice?: number;
  readonly stopPrice?: number;
  readonly takeProfit?: number;
  readonly stopLoss?: number;
  /** A free label carried to the order and its fills (for example "entry" or "exit"). */
  readonly tag?: string;
}

export interface StrategyOrder {
  readonly id: string;
  readonly symbol: string;
  readonly side: StrategySide;
  readonly type: StrategyOrderType;
  readonly quantity: number;
  readonly filledQuantity: number;
  readonly limitPrice: number | null;
  readonly stopPrice: number | null;
  readonly status: StrategyOrderStatus;
  /** The bracket entry this exit leg belongs to. */
  readonly parentId: string | null;
  readonly tag: string | null;
  /** Why the order was rejected, when it was. */
  readonly reason: string | null;
}

export interface StrategyFill {
  readonly orderId: string;
  readonly symbol: string;
  readonly side: StrategySide;
  readonly quantity: number;
  readonly price: number;
  readonly fee: number;
  /** Milliseconds since the epoch. */
  readonly time: number;
}
