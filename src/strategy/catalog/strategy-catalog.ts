import { Inject, Injectable } from '@nestjs/common';
import type { StrategyDefinition } from '#backtest/strategy/strategy.js';
import { NotFoundError } from '../../common/errors/app-error.js';

/** The strategies this server can run, in the order GET /strategies lists them. */
export const STRATEGY_DEFINITIONS = Symbol('STRATEGY_DEFINITIONS');

/** Looks strategies up by name; an unknown name is a 404 wherever it is asked for. */
@Injectable()
export class StrategyCatalog {
  private readonly byName: ReadonlyMap<string, StrategyDefinition>;

  constructor(@Inject(STRATEGY_DEFINITIONS) private readonly definitions: readonly StrategyDefinition[]) {
    const byName = new Map<string, StrategyDefinition>();
    for (const definition of definitions) {
      // Two strategies under one name would make every lookup a guess: refuse to start.
      if (byName.has(definition.name)) throw new Error(`Two strategies are named "${definition.name}"`);
      byName.set(definition.name, definition);
    }
    this.byName = byName;
  }

  list(): readonly StrategyDefinition[] {
    return this.definitions;
  }

  get(name: string): StrategyDefinition {
    const definition = this.byName.get(name);
    if (!definition) {
      throw new NotFoundError(
        `Unknown strategy "${name}"; known strategies: ${[...this.byName.keys()].join(', ')}`,
        { strategy: name },
      );
    }
    return definition;
  }
}
