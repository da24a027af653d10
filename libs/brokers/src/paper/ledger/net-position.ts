import type Big from 'big.js';
import { ZERO } from '../market/paper-quote.js';

/**
 * Scale of the cost taken off a position when part of it is closed. The cost basis stays an exact
 * decimal (what is removed is exactly what is subtracted), so closing a position completely always
 * realizes exactly proceeds minus cost, whatever the rounding of the partial closes before.
 */
const COST_SCALE = 12;
/** Decimal places of a displayed average price. */
const AVERAGE_SCALE = 10;

/**
 * A net position: signed quantity (negative is short) and signed cost basis (Σ signed quantity × price
 * of the open part). Adding updates the average, reducing realizes PnL against it, and a fill through
 * zero closes the old side and opens the rest at the fill price.
 */
export class NetPosition {
  quantity: Big = ZERO;
  cost: Big = ZERO;
  /** Gross PnL realized in this symbol since the account started (fees are counted apart). */
  realizedPnl: Big = ZERO;

  /** Applies a fill of signed quantity `delta` (buy > 0) at `price`; returns the PnL it realized. */
  apply(delta: Big, price: Big): Big {
    if (delta.eq(0)) return ZERO;
    if (this.quantity.eq(0) || this.quantity.gt(0) === delta.gt(0)) {
      this.quantity = this.quantity.plus(delta);
      this.cost = this.cost.plus(delta.times(price));
      return ZERO;
    }
    const held = this.quantity.abs();
    const closing = delta.abs().lt(held) ? delta : delta.gt(0) ? held : held.neg();
    const costRemoved = closing.abs().eq(held)
      ? this.cost
      : this.cost.times(closing.abs()).div(held).round(COST_SCALE);
    // Closing proceeds are −closing × price; what those units cost is costRemoved.
    const realized = closing.neg().times(price).minus(costRemoved);
    this.quantity = this.quantity.plus(closing);
    this.cost = this.cost.minus(costRemoved);
    const opening = delta.minus(closing);
    if (!opening.eq(0)) {
      this.quantity = opening;
      this.cost = opening.times(price);
    }
    this.realizedPnl = this.realizedPnl.plus(realized);
    return realized;
  }

  /** Average entry price of the open quantity; zero when flat. */
  averagePrice(): Big {
    return this.quantity.eq(0) ? ZERO : this.cost.div(this.quantity).round(AVERAGE_SCALE);
  }

  /** What closing everything at `mark` would realize. */
  unrealizedPnl(mark: Big): Big {
    return this.quantity.times(mark).minus(this.cost);
  }
}
