import { dec } from '../decimal/index.js';
import type { AccountSummary, BrokerEvent, Instrument, Position } from '../domain/index.js';
import {
  DEAL_ENTRY,
  type AccountInfo,
  type SymbolInfo,
  type TradePosition,
} from './bridge/bridge-commands.js';
import { toInstrument } from './mt5-market-views.js';
import type { Mt5OrderReader } from './mt5-order-reader.js';
import { toAccountSummary, toPositions } from './mt5-portfolio-views.js';
import type { Mt5ServerClock } from './mt5-server-clock.js';
import type { Mt5Terminal } from './mt5-terminal.js';

const DAY_MS = 86_400_000;

/**
 * The account as the port reads it: positions, summary and symbols, with each symbol's info kept for the
 * session (its rules change only when the broker edits the symbol, which a new session picks up).
 */
export class Mt5AccountReader {
  private readonly symbolInfos = new Map<string, SymbolInfo>();

  constructor(
    private readonly account: string,
    private readonly terminal: Mt5Terminal,
    private readonly orders: Mt5OrderReader,
    private readonly clock: Mt5ServerClock,
    private readonly symbols: readonly string[],
  ) {}

  /** A new session: symbols are read again. */
  forgetSymbols(): void {
    this.symbolInfos.clear();
  }

  async symbolInfo(symbol: string): Promise<SymbolInfo> {
    const cached = this.symbolInfos.get(symbol);
    if (cached) return cached;
    const info = await this.terminal.symbolInfo(symbol);
    this.symbolInfos.set(symbol, info);
    return info;
  }

  /** The configured symbols, or every symbol in the terminal's Market Watch. */
  async instruments(): Promise<Instrument[]> {
    const infos = this.symbols.length
      ? await Promise.all(this.symbols.map((symbol) => this.symbolInfo(symbol)))
      : await this.terminal.symbols();
    for (const info of infos) this.symbolInfos.set(info.name, info);
    return infos.map(toInstrument);
  }

  async positions(): Promise<Position[]> {
    const [positions, info] = await Promise.all([this.terminal.positions(), this.terminal.accountInfo()]);
    return this.positionsWith(positions, info);
  }

  async summary(): Promise<AccountSummary> {
    return this.summaryWith(await this.terminal.accountInfo());
  }

  /** The symbol's position (flat when none is open), then the summary: one account_info read for both. */
  async afterTrade(symbol: string): Promise<BrokerEvent[]> {
    const [positions, info] = await Promise.all([this.terminal.positions(), this.terminal.accountInfo()]);
    const position = (await this.positionsWith(positions, info)).find((p) => p.symbol === symbol) ?? {
      symbol,
      side: 'flat',
      quantity: '0',
      averagePrice: '0',
      markPrice: '0',
      unrealizedPnl: '0',
      realizedPnl: '0',
      marginUsed: '0',
      updatedAt: new Date().toISOString(),
    };
    return [
      { type: 'position', account: this.account, position },
      { type: 'account', account: this.account, summary: await this.summaryWith(info) },
    ];
  }

  private async positionsWith(positions: readonly TradePosition[], info: AccountInfo): Promise<Position[]> {
    for (const symbol of new Set(positions.map((p) => p.symbol))) await this.symbolInfo(symbol);
    return toPositions(positions, this.symbolInfos, info, this.clock);
  }

  /** The summary, with what closing deals realized since the server's midnight (MT5's "today"). */
  private async summaryWith(info: AccountInfo): Promise<AccountSummary> {
    const serverNow = this.clock.toServerMs(Date.now());
    const midnightUtc = this.clock.toUtcMs(serverNow - (serverNow % DAY_MS));
    let realized = dec(0);
    for (const deal of await this.orders.executionsSince(midnightUtc)) {
      if (deal.entry === DEAL_ENTRY.IN) continue;
      realized = realized.plus(deal.profit).plus(deal.swap).plus(deal.commission).plus(deal.fee);
    }
    return toAccountSummary(this.account, info, realized, new Date().toISOString());
  }
}
