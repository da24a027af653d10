import { Module } from '@nestjs/common';
import { BUILT_IN_STRATEGIES } from '#backtest/strategies/index.js';
import { STRATEGY_DEFINITIONS, StrategyCatalog } from './strategy-catalog.js';

/** The strategies by name: the API serves and triggers them, backtest jobs run them wherever they run. */
@Module({
  providers: [{ provide: STRATEGY_DEFINITIONS, useValue: BUILT_IN_STRATEGIES }, StrategyCatalog],
  exports: [StrategyCatalog],
})
export class StrategyCatalogModule {}
