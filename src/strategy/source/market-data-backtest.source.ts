import { Injectable } from '@nestjs/common';
import type { InstrumentRules } from '#backtest/engine/backtest-settings.js';
import { AccountRegistry } from '../../broker/account-registry.js';
import { MarketDataService } from '../../market-data/market-data.service.js';
import type { BacktestSource } from '../backtest/backtest-record.js';
import { BacktestDataSource, type BacktestFeed } from './backtest-data-source.js';

/** Bars from the market-data module: an account's history (cached after its first read) or a dataset. */
@Injectable()
export class MarketDataBacktestSource extends BacktestDataSource {
  constructor(
    private readonly marketData: MarketDataService,
    private readonly registry: AccountRegistry,
  ) {
    super();
  }

  async load(source: BacktestSource): Promise<BacktestFeed> {
    if (source.kind === 'dataset') {
      const dataset = await this.marketData.getDataset(source.datasetId);
      const series = await this.marketData.loadBars({
        kind: 'dataset',
        datasetId: source.datasetId,
        ...(source.from === undefined ? {} : { from: new Date(source.from) }),
        ...(source.to === undefined ? {} : { to: new Date(source.to) }),
      });
      return { series: [series], timeframe: dataset.timeframe };
    }
    // One symbol after another: they share the account's broker and its rate limits.
    const series = [];
    const instruments: Record<string, InstrumentRules> = {};
    const adapter = this.registry.resolve(source.account);
    for (const symbol of source.symbols) {
      // A backtest on an account rounds prices and quantities the way that broker would.
      const instrument = await adapter.getInstrument(symbol);
      instruments[symbol] = { tickSize: Number(instrument.tickSize), lotSize: Number(instrument.lotSize) };
      series.push(
        await this.marketData.loadBars({
          kind: 'account',
          account: source.account,
          symbol,
          timeframe: source.timeframe,
          from: new Date(source.from),
          to: new Date(source.to),
        }),
      );
    }
    return { series, timeframe: source.timeframe, instruments };
  }
}
