import { Module } from '@nestjs/common';
import { CandleRepository } from './candle.repository.js';
import { DatasetRepository } from './dataset.repository.js';
import { DrizzleCandleRepository } from './drizzle-candle.repository.js';
import { DrizzleDatasetRepository } from './drizzle-dataset.repository.js';
import { StoredBarsReader } from './stored-bars.reader.js';

/**
 * The bars tables and the reader of what they hold, with no broker behind them: the market-data module
 * builds on it, and the backtest worker process imports it alone.
 */
@Module({
  providers: [
    { provide: CandleRepository, useClass: DrizzleCandleRepository },
    { provide: DatasetRepository, useClass: DrizzleDatasetRepository },
    StoredBarsReader,
  ],
  exports: [CandleRepository, DatasetRepository, StoredBarsReader],
})
export class StoredBarsModule {}
