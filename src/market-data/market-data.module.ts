import { Module } from '@nestjs/common';
import { BrokerModule } from '../broker/broker.module.js';
import { BrokerBarsLoader } from './broker-bars.loader.js';
import { CsvBodyParser } from './csv-body.parser.js';
import { MarketDataController } from './market-data.controller.js';
import { MarketDataService } from './market-data.service.js';
import { StoredBarsModule } from './stored-bars.module.js';

/**
 * Bars for backtests: accounts' broker history cached in `candles`, and uploaded CSV datasets.
 * MarketDataService.loadBars is what backtest jobs call.
 */
@Module({
  imports: [BrokerModule, StoredBarsModule],
  controllers: [MarketDataController],
  providers: [MarketDataService, BrokerBarsLoader, CsvBodyParser],
  exports: [MarketDataService],
})
export class MarketDataModule {}
