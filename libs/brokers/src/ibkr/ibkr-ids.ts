/** Request ids start here, far above any order id a session reaches, so an error's id names one or the other. */
export const FIRST_REQUEST_ID = 1_000_000_000;

/** Ids of data requests (contract details, executions, history, quotes): never reused in a session. */
export class IbkrRequestIds {
  private last = FIRST_REQUEST_ID - 1;

  next(): number {
    this.last += 1;
    return this.last;
  }

  static isRequestId(id: number): boolean {
    return id >= FIRST_REQUEST_ID;
  }
}

/**
 * Order ids: each must exceed every id this client id used (TWS answers 103 otherwise). TWS's
 * nextValidId can roll back after a gateway restart below ids written but never seen by IB, so the
 * adapter keeps its own high-water mark of every id it sent or saw and takes the larger of the two.
 */
export class IbkrOrderIds {
  private highest = 0;
  private nextValid = 0;

  /** NEXT_VALID_ID from TWS (at the handshake and after reqIds). */
  acceptNextValid(orderId: number): void {
    this.nextValid = orderId;
  }

  /** An id seen in an order or execution message of this client. */
  seen(orderId: number): void {
    if (orderId > 0 && orderId < FIRST_REQUEST_ID) this.highest = Math.max(this.highest, orderId);
  }

  /** The id of the next order; counted as used at once. */
  take(): number {
    const id = Math.max(this.highest + 1, this.nextValid);
    this.highest = id;
    return id;
  }
}
