/**
 * The trade server's ticket counters: order and deal tickets only ever grow and never collide, and they
 * start high, as on a live server with years of history. They travel as strings (they may pass 2^53).
 */
export class Mt5Tickets {
  private order = 50_000_000n;
  private deal = 40_000_000n;
  private chart = 133_000_000_000_000_000n;

  nextOrder(): string {
    this.order += 1n;
    return this.order.toString();
  }

  nextDeal(): string {
    this.deal += 1n;
    return this.deal.toString();
  }

  nextChart(): string {
    this.chart += 1n;
    return this.chart.toString();
  }
}
