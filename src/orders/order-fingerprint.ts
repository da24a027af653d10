import type { PlaceOrderDto } from './dto/place-order.dto.js';

/** What makes two requests "the same order": every field that changes what the broker is asked to do. */
export function orderFingerprint(account: string, dto: PlaceOrderDto): string {
  return JSON.stringify([
    account,
    dto.symbol,
    dto.side,
    dto.type,
    dto.quantity,
    dto.price ?? null,
    dto.stopPrice ?? null,
    ...(dto.trailingAmount === undefined ? [] : [dto.trailingAmount]),
    dto.timeInForce,
    dto.takeProfit ?? null,
    dto.stopLoss ?? null,
    dto.strategy ?? null,
  ]);
}
