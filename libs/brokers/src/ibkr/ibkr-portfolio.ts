import type { Contract, IBApi } from '@stoqey/ib';
import { dec, toDecimalString } from '../decimal/index.js';
import type { AccountSummary, Position } from '../domain/index.js';
import { BrokerConnectionError, BrokerTimeoutError } from '../errors/index.js';
import type { IbkrContractBook } from './ibkr-contract-book.js';
import type { IbkrRequests } from './ibkr-requests.js';
import type { IbkrWire } from './ibkr-wire.js';

/** The account summary tags the adapter maps; UnrealizedPnL/RealizedPnL are not tags (reqPnL has them). */
export const IBKR_SUMMARY_TAGS = [
  'NetLiquidation',
  'TotalCashValue',
  'BuyingPower',
  'InitMarginReq',
  'MaintMarginReq',
  'AvailableFunds',
] as const;

interface Holding {
  readonly symbol: string;
  readonly quantity: string;
  readonly averagePrice: string;
  readonly multiplier: string;
  readonly updatedAt: string;
}

const text = (value: number | undefined): string =>
  value === undefined || !Number.isFinite(value) ? '0' : toDecimalString(dec(value));

/**
 * Positions (the reqPositions stream, kept open and asked again for a fresh snapshot), the account
 * summary (one reqAccountSummary per call, cancelled at its end: TWS allows two at a time) and the
 * account's PnL (a reqPnL stream kept open), all for the one account code this adapter trades.
 */
export class IbkrPortfolio {
  private readonly holdings = new Map<string, Holding>();
  private snapshotWaiters: (() => void)[] = [];
  private pnlReqId: number | undefined;
  private pnl = { unrealized: '0', realized: '0' };

  constructor(
    wire: IbkrWire,
    private readonly requests: IbkrRequests,
    private readonly api: () => IBApi,
    private readonly contracts: IbkrContractBook,
    private readonly accountCode: () => string,
    private readonly markOf: (symbol: string) => string | undefined,
    private readonly timeoutMs: number,
    private readonly publish: (position: Position) => void,
    /** Asks for quotes of a held symbol, so its mark follows the market. */
    private readonly watch: (symbol: string) => void = () => undefined,
  ) {
    wire.on('position', (account, contract, pos, avgCost) =>
      this.onPosition(account, contract, pos, avgCost),
    );
    wire.on('positionEnd', () => {
      for (const waiter of this.snapshotWaiters.splice(0)) waiter();
    });
    wire.on('pnl', (reqId, _daily, unrealized, realized) => {
      if (reqId !== this.pnlReqId) return;
      if (unrealized !== undefined) this.pnl.unrealized = text(unrealized);
      if (realized !== undefined) this.pnl.realized = text(realized);
    });
  }

  /** Opens the position and PnL streams on a fresh socket, or after TWS lost them (1101). */
  subscribe(): void {
    const api = this.api();
    api.reqPositions();
    if (this.pnlReqId !== undefined) {
      try {
        api.cancelPnL(this.pnlReqId);
      } catch {
        // The old stream died with its socket.
      }
    }
    this.pnlReqId = this.requests.nextId();
    api.reqPnL(this.pnlReqId, this.accountCode(), null);
  }

  /** A fresh snapshot: asks TWS again, so a fill just reported is in it. */
  async positions(): Promise<Position[]> {
    const api = this.api();
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.snapshotWaiters = this.snapshotWaiters.filter((waiter) => waiter !== done);
        reject(
          new BrokerTimeoutError(`TWS did not list positions within ${this.timeoutMs} ms`, {
            broker: 'ibkr',
          }),
        );
      }, this.timeoutMs);
      timer.unref();
      const done = (): void => {
        clearTimeout(timer);
        resolve();
      };
      this.snapshotWaiters.push(done);
      api.reqPositions();
    });
    return [...this.holdings.values()].map((holding) => this.toPosition(holding));
  }

  async summary(): Promise<AccountSummary> {
    const account = this.accountCode();
    const values = await this.requests.run<Map<string, { value: string; currency: string }>>(
      'the account summary',
      (reqId, control) => {
        const found = new Map<string, { value: string; currency: string }>();
        control.listen(
          this.requests.on('accountSummary', (id, code, tag, value, currency) => {
            if (id === reqId && code === account) found.set(tag, { value, currency });
          }),
        );
        control.listen(
          this.requests.on('accountSummaryEnd', (id) => {
            if (id !== reqId) return;
            this.cancelSummary(reqId);
            control.resolve(found);
          }),
        );
      },
      (api, reqId) => api.reqAccountSummary(reqId, 'All', IBKR_SUMMARY_TAGS.join(',')),
      BrokerConnectionError,
    );
    if (!values.has('NetLiquidation')) {
      throw new BrokerConnectionError(`TWS sent no account summary for ${account}`, { broker: 'ibkr' });
    }
    const amount = (tag: string): string => {
      const value = values.get(tag)?.value;
      return value !== undefined && value !== '' && Number.isFinite(Number(value))
        ? toDecimalString(dec(value))
        : '0';
    };
    const equity = amount('NetLiquidation');
    return {
      account,
      currency: values.get('NetLiquidation')?.currency || 'USD',
      // The port's balance is what equity is without the open positions' unrealized PnL. IB's
      // TotalCashValue is not that: buying stock spends cash, so cash + unrealized misses the holdings.
      balance: toDecimalString(dec(equity).minus(this.pnl.unrealized)),
      equity,
      marginUsed: amount('InitMarginReq'),
      marginFree: amount('AvailableFunds'),
      unrealizedPnl: this.pnl.unrealized,
      realizedPnl: this.pnl.realized,
      updatedAt: new Date().toISOString(),
    };
  }

  private cancelSummary(reqId: number): void {
    try {
      this.api().cancelAccountSummary(reqId);
    } catch {
      // Gone with its socket: nothing to cancel.
    }
  }

  private onPosition(account: string, contract: Contract, pos: number, avgCost: number | undefined): void {
    if (account !== this.accountCode()) return;
    const symbol = this.contracts.symbolOf(contract);
    if (!pos) {
      const held = this.holdings.get(symbol);
      this.holdings.delete(symbol);
      if (held)
        this.publish(this.toPosition({ ...held, quantity: '0', updatedAt: new Date().toISOString() }));
      return;
    }
    const multiplier = this.contracts.byContract(contract)?.multiplier ?? text(contract.multiplier || 1);
    // IB's average cost of a future or option includes its multiplier; a price per unit does not.
    const averagePrice = avgCost === undefined ? '0' : toDecimalString(dec(avgCost).div(multiplier));
    const holding = {
      symbol,
      quantity: text(pos),
      averagePrice,
      multiplier,
      updatedAt: new Date().toISOString(),
    };
    const before = this.holdings.get(symbol);
    this.holdings.set(symbol, holding);
    if (!before) this.watch(symbol);
    if (before?.quantity !== holding.quantity || before.averagePrice !== holding.averagePrice) {
      this.publish(this.toPosition(holding));
    }
  }

  private toPosition(holding: Holding): Position {
    const quantity = dec(holding.quantity);
    const mark = this.markOf(holding.symbol) ?? holding.averagePrice;
    const unrealized = dec(mark).minus(holding.averagePrice).times(quantity).times(holding.multiplier);
    return {
      symbol: holding.symbol,
      side: quantity.gt(0) ? 'long' : quantity.lt(0) ? 'short' : 'flat',
      quantity: toDecimalString(quantity),
      averagePrice: holding.averagePrice,
      markPrice: mark,
      unrealizedPnl: toDecimalString(unrealized),
      realizedPnl: '0',
      marginUsed: '0',
      updatedAt: holding.updatedAt,
    };
  }
}
