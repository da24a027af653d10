import {
  dec,
  toDecimalString,
  type AccountSummary,
  type ConnectionStatus,
  type Position,
  type Ticker,
} from '#brokers';
import type { AccountStateView, PnlView, PositionsView, PriceView } from './live-views.js';

const utcDay = (iso: string): string => iso.slice(0, 10);

/** The middle of bid and ask: the mark every position and the equity are valued at between polls. */
function mid(ticker: Ticker): string {
  return toDecimalString(dec(ticker.bid).plus(ticker.ask).div(2));
}

/**
 * One account's current state, merged from the broker's pushes and from polling: the summary, positions
 * marked to the latest quotes, and the start-of-day equity for daily PnL. Plain data, no I/O.
 */
export class AccountLiveState {
  private status: ConnectionStatus = 'down';
  private degradedReason: string | null = null;
  private summary: AccountSummary | null = null;
  private lastPollError: string | null = null;
  private readonly positions = new Map<string, Position>();
  private readonly tickers = new Map<string, Ticker>();
  private day: { day: string; startEquity: string } | undefined;
  private updatedAt: string;

  constructor(
    readonly account: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.updatedAt = now().toISOString();
  }

  /** Equity from before today, read from storage at start so a restart keeps the day's baseline. */
  seedDayStart(day: string, startEquity: string): void {
    this.day = { day, startEquity };
  }

  setConnection(status: ConnectionStatus, degradedReason: string | null): boolean {
    if (status === this.status && degradedReason === this.degradedReason) return false;
    this.status = status;
    this.degradedReason = degradedReason;
    this.touch();
    return true;
  }

  setPollError(error: string | null): boolean {
    if (error === this.lastPollError) return false;
    this.lastPollError = error;
    this.touch();
    return true;
  }

  applySummary(summary: AccountSummary): void {
    // The day rolls before the new figure lands: the new day starts from the last equity of the old one.
    this.rollDay(summary.equity);
    this.summary = summary;
    this.touch();
  }

  applyPosition(position: Position): void {
    if (dec(position.quantity).eq(0)) this.positions.delete(position.symbol);
    else this.positions.set(position.symbol, this.marked(position));
    this.touch();
  }

  /** Replaces every position: what a poll read is the whole truth. */
  replacePositions(positions: readonly Position[]): void {
    this.positions.clear();
    for (const position of positions) this.applyPosition(position);
  }

  /** Records the quote and marks the symbol's position to it; true when PnL moved. */
  applyTick(ticker: Ticker): boolean {
    this.tickers.set(ticker.symbol, ticker);
    const position = this.positions.get(ticker.symbol);
    if (!position) return false;
    const marked = this.marked(position);
    if (marked.unrealizedPnl === position.unrealizedPnl) return false;
    this.positions.set(ticker.symbol, marked);
    this.touch();
    return true;
  }

  accountView(): AccountStateView {
    return {
      status: this.status,
      degradedReason: this.degradedReason,
      summary: this.summary,
      lastPollError: this.lastPollError,
      updatedAt: this.updatedAt,
    };
  }

  positionsView(): PositionsView {
    return { positions: [...this.positions.values()] };
  }

  /** Null until the broker has reported the account once. */
  pnlView(): PnlView | null {
    if (!this.summary) return null;
    const unrealized = [...this.positions.values()].reduce(
      (sum, position) => sum.plus(position.unrealizedPnl),
      dec(0),
    );
    const equity = dec(this.summary.balance).plus(unrealized);
    const equityText = toDecimalString(equity);
    this.rollDay(equityText);
    const startEquity = this.day?.startEquity ?? equityText;
    return {
      currency: this.summary.currency,
      balance: this.summary.balance,
      equity: equityText,
      unrealizedPnl: toDecimalString(unrealized),
      realizedPnl: this.summary.realizedPnl,
      dailyPnl: toDecimalString(equity.minus(startEquity)),
      dayStartEquity: startEquity,
      positions: [...this.positions.values()].map(({ symbol, quantity, markPrice, unrealizedPnl }) => ({
        symbol,
        quantity,
        markPrice,
        unrealizedPnl,
      })),
      updatedAt: this.updatedAt,
    };
  }

  /** The latest quote of each symbol asked for (all when `symbols` is undefined). */
  pricesView(symbols?: readonly string[]): PriceView[] {
    const wanted = symbols ?? [...this.tickers.keys()];
    return wanted.flatMap((symbol) => {
      const ticker = this.tickers.get(symbol);
      return ticker ? [{ ticker }] : [];
    });
  }

  private marked(position: Position): Position {
    const ticker = this.tickers.get(position.symbol);
    if (!ticker) return position;
    const markPrice = mid(ticker);
    const unrealizedPnl = toDecimalString(
      dec(markPrice).minus(position.averagePrice).times(position.quantity),
    );
    return { ...position, markPrice, unrealizedPnl };
  }

  /** A new UTC day starts from the last equity seen before it. */
  private rollDay(equity: string): void {
    const day = utcDay(this.now().toISOString());
    if (!this.day) this.day = { day, startEquity: equity };
    else if (this.day.day < day) this.day = { day, startEquity: this.lastEquity() ?? equity };
  }

  private lastEquity(): string | undefined {
    return this.summary?.equity;
  }

  private touch(): void {
    this.updatedAt = this.now().toISOString();
  }
}
