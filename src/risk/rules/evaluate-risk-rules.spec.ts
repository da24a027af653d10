import { dec, type OrderRequest } from '#brokers';
import { KILL_SWITCH_OFF } from '../kill-switch-state.js';
import { evaluateRiskRules, type RiskRuleInputs } from './evaluate-risk-rules.js';

const request: OrderRequest = {
  clientOrderId: 'c',
  symbol: 'BTCUSDT',
  side: 'buy',
  type: 'limit',
  price: '65000',
  quantity: '2',
  timeInForce: 'gtc',
};

const inputs = (fields: Partial<RiskRuleInputs>): RiskRuleInputs => ({
  limits: {},
  request,
  killSwitch: KILL_SWITCH_OFF,
  position: dec(0),
  openOrders: 0,
  referencePrice: '65000',
  daily: null,
  ...fields,
});

describe('evaluateRiskRules', () => {
  it('passes when no limit is set', () => {
    expect(evaluateRiskRules(inputs({}))).toBeNull();
  });

  it('reports the first broken rule, the kill switch before all', () => {
    const everything = inputs({
      limits: {
        allowedSymbols: ['ETHUSDT'],
        maxOrderQuantity: '1',
        maxOrderNotional: '1000',
        maxPositionQuantity: { '*': '1' },
        maxOpenOrders: 1,
        dailyLossLimit: '10',
      },
      openOrders: 1,
      daily: { limit: '10', day: '2026-01-02', pnl: '-20', tripped: true, trippedPnl: '-20' },
    });
    expect(
      evaluateRiskRules({ ...everything, killSwitch: { ...KILL_SWITCH_OFF, enabled: true } })?.rule,
    ).toBe('kill_switch');
    expect(evaluateRiskRules(everything)?.rule).toBe('allowed_symbols');
    const { allowedSymbols: _symbols, ...rest } = everything.limits;
    expect(evaluateRiskRules({ ...everything, limits: rest })?.rule).toBe('max_order_quantity');
  });

  it('lets a reducing order through a tripped daily limit', () => {
    const tripped = {
      limits: { dailyLossLimit: '10' },
      daily: { limit: '10', day: '2026-01-02', pnl: '-20', tripped: true, trippedPnl: '-20' },
    };
    expect(evaluateRiskRules(inputs({ ...tripped, position: dec(5) }))?.rule).toBe('daily_loss_limit');
    expect(evaluateRiskRules(inputs({ ...tripped, position: dec(-5) }))).toBeNull();
  });
});
