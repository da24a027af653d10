import { dec } from '../decimal/index.js';
import type { BrokerEvent, Fill } from '../domain/index.js';
import { UnknownSymbolError } from '../errors/index.js';
import { PAPER_JOURNAL_VERSION, PaperJournal } from './journal/paper-journal.js';
import { PaperUnitOfWork } from './journal/paper-unit-of-work.js';
import { restorePaperState } from './journal/restore-paper-state.js';
import { ExecutionBooker } from './ledger/execution-booker.js';
import { FillHistory } from './ledger/fill-history.js';
import { PaperLedger } from './ledger/paper-ledger.js';
import { PaperMarket } from './market/paper-market.js';
import { midPrice, type PaperQuote } from './market/paper-quote.js';
import { MatchingEngine } from './matching/matching-engine.js';
import { PAPER_CAPABILITIES } from './paper-capabilities.js';
import type { PaperAccountConfig } from './paper-config.js';
import { PaperInstruments } from './paper-instruments.js';
import type { PaperLogger } from './paper-logger.js';

/** One paper account's parts, wired together and restored from its journal: what PaperAdapter drives. */
export interface PaperAccountParts {
  readonly instruments: PaperInstruments;
  readonly market: PaperMarket;
  readonly ledger: PaperLedger;
  readonly engine: MatchingEngine;
  readonly fills: FillHistory;
  /** Every operation runs in it, so its changes are journaled before its events are delivered. */
  readonly unit: PaperUnitOfWork;
  /** The current quote of `symbol`; throws UnknownSymbolError for a symbol not configured. */
  quoteOf(symbol: string): PaperQuote;
}

/**
 * Builds a paper account (the composition root of the paper broker): the market, the ledger, the
 * matching engine and the journal, with the account resumed from the journal when it has one.
 * `deliver` hears every event once its operation is committed.
 *
 * @throws Error when the journal is corrupt (not just torn at the end) or names an unconfigured symbol.
 */
export function buildPaperAccount(
  config: PaperAccountConfig,
  clock: () => number,
  logger: PaperLogger,
  deliver: (event: BrokerEvent) => void,
): PaperAccountParts {
  const instruments = new PaperInstruments(config.instruments);
  const now = clock();
  const market = new PaperMarket(config, now);
  const quoteOf = (symbol: string): PaperQuote => {
    const quote = market.quote(symbol);
    if (!quote) throw new UnknownSymbolError(`unknown symbol ${symbol}`, { broker: 'paper' });
    return quote;
  };
  const ledger = new PaperLedger(config.account, config.currency, dec(config.startingCash), {
    mark: (symbol) => midPrice(quoteOf(symbol)),
    leverage: (symbol) => dec(instruments.get(symbol).leverage),
  });
  const fills = new FillHistory();

  /** A journal naming a symbol no longer configured cannot be valued or traded: refuse to start. */
  const requireJournaledSymbol = (symbol: string): void => {
    if (!instruments.has(symbol)) {
      throw new Error(
        `paper account ${config.account}: the journal holds ${symbol}, which is not configured; ` +
          'add the instrument back or start a new journal',
      );
    }
  };
  /** Books a journaled execution again: the ledger and the fill history rebuild from them. */
  const replayFill = (fill: Fill): void => {
    requireJournaledSymbol(fill.symbol);
    ledger.applyFill(
      fill.symbol,
      fill.side,
      dec(fill.quantity),
      dec(fill.price),
      dec(fill.fee),
      Date.parse(fill.executedAt),
    );
    fills.add(fill);
  };

  const journal = config.journalFile === undefined ? null : new PaperJournal(config.journalFile);
  const restored = journal ? restorePaperState(journal.file, replayFill, logger) : null;
  // Ids carry the run's start so that a restarted paper account never hands out an id twice; a run
  // starting in the same millisecond as the last journaled one (or under a clock set back) moves past it.
  const lastRunMs = restored?.lastRunMs ?? null;
  const runMs = lastRunMs === null ? now : Math.max(now, lastRunMs + 1);
  const runId = runMs.toString(36);
  const unit = new PaperUnitOfWork(journal, deliver);
  const emit = (event: BrokerEvent): void => unit.emit(event);
  const engine = new MatchingEngine({
    account: config.account,
    slippageBps: config.slippageBps,
    capabilities: PAPER_CAPABILITIES,
    ledger,
    executions: new ExecutionBooker({
      account: config.account,
      currency: config.currency,
      makerFeeBps: config.makerFeeBps,
      takerFeeBps: config.takerFeeBps,
      instrumentFees: (symbol) => instruments.get(symbol),
      idPrefix: `P-${config.account}-${runId}`,
      ledger,
      history: market.history,
      emit,
      booked: (fill) => {
        fills.add(fill);
        unit.fillBooked(fill);
      },
    }),
    instrument: (symbol) => instruments.get(symbol),
    quote: quoteOf,
    clock,
    emit,
    changed: (order) => unit.orderChanged(order),
    idPrefix: `PO-${config.account}-${runId}`,
  });
  for (const quote of market.quotes()) engine.onQuote(quote);
  if (restored) {
    for (const order of restored.orders) requireJournaledSymbol(order.symbol);
    engine.restore(restored.orders);
  }
  journal?.append([
    {
      type: 'run',
      version: PAPER_JOURNAL_VERSION,
      account: config.account,
      runId,
      startedAt: new Date(runMs).toISOString(),
    },
  ]);
  return { instruments, market, ledger, engine, fills, unit, quoteOf };
}
