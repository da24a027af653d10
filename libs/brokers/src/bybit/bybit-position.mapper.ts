import { dec, toDecimalString } from '../decimal/index.js';
import type { Position } from '../domain/index.js';

/** A linear position from REST (`avgPrice`) or the `position` topic (`entryPrice`). */
export interface BybitPositionShape {
  readonly symbol: string;
  readonly side: string;
  readonly size: string;
  readonly avgPrice?: string;
  readonly entryPrice?: string;
  readonly markPrice: string;
  readonly unrealisedPnl: string;
  readonly cumRealisedPnl: string;
  readonly positionIM?: string;
  readonly updatedTime: string;
}

const orZero = (value: string | undefined): string => (value === undefined || value === '' ? '0' : value);

export function toPosition(position: BybitPositionShape): Position {
  const size = dec(orZero(position.size));
  const short = position.side === 'Sell';
  const side = size.eq(0) ? 'flat' : short ? 'short' : 'long';
  const updated = Number(position.updatedTime);
  return {
    symbol: position.symbol,
    side,
    quantity: toDecimalString(short ? size.neg() : size),
    averagePrice: orZero(position.avgPrice ?? position.entryPrice),
    markPrice: orZero(position.markPrice),
    unrealizedPnl: orZero(position.unrealisedPnl),
    realizedPnl: orZero(position.cumRealisedPnl),
    marginUsed: orZero(position.positionIM),
    updatedAt: (Number.isFinite(updated) && updated > 0 ? new Date(updated) : new Date()).toISOString(),
  };
}
