/**
 * Order ids per client id, kept across sessions as TWS keeps them: a new order's id must exceed every id
 * the client used before (else 103), and NEXT_VALID_ID names the lowest id it may use next. A test can
 * roll that answer back below ids already used, as a gateway restart does; the ids stay used.
 */
export class TwsOrderIds {
  private readonly highest = new Map<number, number>();
  private readonly rolledBack = new Map<number, number>();

  constructor(private readonly firstOrderId: number) {}

  /** What NEXT_VALID_ID tells `clientId` now. */
  nextValid(clientId: number): number {
    const rolled = this.rolledBack.get(clientId);
    if (rolled !== undefined) return rolled;
    return Math.max(this.firstOrderId, (this.highest.get(clientId) ?? 0) + 1);
  }

  /** Whether `orderId` is new for `clientId`: above every id it used. */
  isFresh(clientId: number, orderId: number): boolean {
    return orderId > (this.highest.get(clientId) ?? 0);
  }

  use(clientId: number, orderId: number): void {
    this.highest.set(clientId, Math.max(orderId, this.highest.get(clientId) ?? 0));
    this.rolledBack.delete(clientId);
  }

  /** Test hook: NEXT_VALID_ID answers `orderId` until the client places an order. */
  rollBack(clientId: number, orderId: number): void {
    this.rolledBack.set(clientId, orderId);
  }
}
