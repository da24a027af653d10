import { Module } from '@nestjs/common';
import { BrokerModule } from '../broker/broker.module.js';
import { BrokerBarsLoader } from './broker-bars.loader.js';
import { CandleRepository } from './candle.repository.js';
import { CsvBodyParser } from './csv-body.parser.js';
import { DatasetRepository } from './dataset.repository.js';
import { DrizzleCandleRepository } from './drizzle-candle.repository.js';
import { DrizzleDatasetRepository } from './drizzle-dataset.repository.js';
import { MarketDataController } from './market-data.controller.js';
import { MarketDataService } from './market-data.service.js';

/**
 * Bars for backtests: accounts' broker history cached in `candles`, and uploaded CSV datasets.
 * MarketDataService.loadBars is what backtest jobs call.
 */
@Module({
  imports: [BrokerModule],
  controllers: [MarketDataController],
  providers: [
    MarketDataService,
    BrokerBarsLoader,
    CsvBodyParser,
    { provide: CandleRepository, useClass: DrizzleCandleRepository },
    { provide: DatasetRepository, useClass: DrizzleDatasetRepository },
  ],
  exports: [MarketDataService],
})
export class MarketDataModule {}
