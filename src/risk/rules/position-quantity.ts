import { dec, type OrderRequest, type Position } from '#brokers';
import type Big from 'big.js';

/** The signed quantity held in `symbol` (negative is short), zero when there is no position. */
export function positionQuantity(positions: readonly Position[], symbol: string): Big {
  const position = positions.find((candidate) => candidate.symbol === symbol);
  return dec(position?.quantity ?? 0);
}

/** The order's quantity signed by its side: what the position moves by if it fully fills. */
export function signedOrderQuantity(request: Pick<OrderRequest, 'side' | 'quantity'>): Big {
  const quantity = dec(request.quantity);
  return request.side === 'buy' ? quantity : quantity.neg();
}
