import { firstValueFrom, take, toArray } from 'rxjs';
import type { SignalProposal, SignalReview } from '#backtest/strategy/signal-review.js';
import type { StrategyDefinition } from '#backtest/strategy/strategy.js';
import type { AccountRegistry } from '../../broker/account-registry.js';
import type { BrokerService } from '../../broker/broker.service.js';
import type { OrderView } from '../../orders/dto/order.view.js';
import type { PlaceOrderDto } from '../../orders/dto/place-order.dto.js';
import type { OrderService } from '../../orders/order.service.js';
import { StrategyCatalog } from '../catalog/strategy-catalog.js';
import { SignalOutcomes } from './signal-outcomes.js';
import { SignalRefusedError } from './signal-refused.error.js';
import { SignalService } from './signal.service.js';

/** A strategy whose hook caps every signal at 1 and refuses anything in DOGE. */
const capped: StrategyDefinition = {
  name: 'capped',
  description: 'test',
  parameters: {},
  warmupBars: () => 0,
  create: () => ({ onBar: () => undefined }),
  reviewSignal: (signal: SignalProposal): SignalReview =>
    signal.symbol === 'DOGE'
      ? { refuse: 'no memecoins' }
      : { accept: { ...signal, quantity: Number(signal.quantity) > 1 ? '1' : signal.quantity } },
};

function service(): { signals: SignalService; placed: PlaceOrderDto[]; outcomes: SignalOutcomes } {
  const placed: PlaceOrderDto[] = [];
  const orders = {
    place: (dto: PlaceOrderDto) => {
      placed.push(dto);
      return Promise.resolve({ id: 'order-1', account: 'paper', quantity: dto.quantity } as OrderView);
    },
  } as unknown as OrderService;
  const registry = { resolveAccount: () => ({ config: { name: 'paper' } }) } as unknown as AccountRegistry;
  const outcomes = new SignalOutcomes();
  const signals = new SignalService(
    new StrategyCatalog([capped]),
    registry,
    {} as BrokerService,
    orders,
    outcomes,
  );
  return { signals, placed, outcomes };
}

describe('SignalService and the strategy hook', () => {
  it('trades the signal as the hook reshaped it, under the strategy name', async () => {
    const { signals, placed } = service();
    await signals.trigger('capped', { symbol: 'BTCUSDT', signalId: 's1', side: 'buy', quantity: '5' });
    expect(placed).toEqual([
      expect.objectContaining({ symbol: 'BTCUSDT', side: 'buy', quantity: '1', strategy: 'capped' }),
    ]);
  });

  it('refuses what the hook refuses, places nothing, and records the refusal with its reason', async () => {
    const { signals, placed, outcomes } = service();
    const recorded = firstValueFrom(outcomes.outcomes.pipe(take(2), toArray()));
    await expect(
      signals.trigger(
        'capped',
        { symbol: 'DOGE', signalId: 's2', side: 'buy', quantity: '5' },
        'tradingview',
      ),
    ).rejects.toThrow(new SignalRefusedError('capped refused the signal: no memecoins'));
    await expect(
      signals.trigger('nope', { symbol: 'BTCUSDT', signalId: 's3', side: 'buy', quantity: '1' }),
    ).rejects.toThrow(/Unknown strategy/);
    expect(placed).toEqual([]);
    expect(
      (await recorded).map(({ strategy, source, outcome, reason }) => ({
        strategy,
        source,
        outcome,
        reason,
      })),
    ).toEqual([
      { strategy: 'capped', source: 'tradingview', outcome: 'refused', reason: 'strategy_refused' },
      { strategy: 'unknown', source: 'trigger', outcome: 'refused', reason: 'unknown_strategy' },
    ]);
  });
});
