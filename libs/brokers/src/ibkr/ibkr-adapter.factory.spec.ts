import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { toIbkrConfig } from './ibkr-adapter.factory.js';
import { IBKR_DEFAULTS } from './ibkr-config.js';
import { IbkrOptions } from './ibkr-options.js';
import { ibkrVenue } from './ibkr.venue.js';

const options = (plain: object): IbkrOptions =>
  plainToInstance(IbkrOptions, plain, { exposeDefaultValues: true });
const problems = (plain: object): string[] =>
  validateSync(options(plain)).flatMap((error) => [
    error.property,
    ...(error.children ?? []).map((c) => c.property),
  ]);

describe('IB options and config', () => {
  it('works with no options at all: TWS paper on loopback, client id 1, the demo contracts', () => {
    expect(problems({})).toEqual([]);
    const config = toIbkrConfig(options({}), 'ib');
    expect(config).toMatchObject({
      account: 'ib',
      host: '127.0.0.1',
      port: 7497,
      clientId: 1,
      maxRequestsPerSecond: 40,
    });
    expect(config.accountCode).toBeUndefined();
    expect(config.contracts.map((spec) => spec.symbol)).toEqual(['AAPL', 'EURUSD', 'ESZ6', 'BTCUSD']);
    expect(config.contracts[1]?.contract).toEqual({
      symbol: 'EUR',
      secType: 'CASH',
      exchange: 'IDEALPRO',
      currency: 'USD',
    });
    expect(config.contracts[2]?.contract).toMatchObject({
      symbol: 'ES',
      secType: 'FUT',
      lastTradeDateOrContractMonth: '202612',
    });
    expect(config.commissionWaitMs).toBe(IBKR_DEFAULTS.commissionWaitMs);
  });

  it('refuses more than 50 requests a second, a bad port and an unknown security type', () => {
    expect(problems({ maxRequestsPerSecond: 51 })).toContain('maxRequestsPerSecond');
    expect(problems({ port: 0 })).toContain('port');
    expect(
      problems({
        contracts: [
          { symbol: 'SPY', contract: { symbol: 'SPY', secType: 'OPT', exchange: 'SMART', currency: 'USD' } },
        ],
      }),
    ).toContain('contracts');
  });

  it('takes configured contracts and account code, and refuses a symbol given twice', () => {
    const contract = {
      symbol: 'MSFT',
      secType: 'STK',
      exchange: 'SMART',
      primaryExch: 'NASDAQ',
      currency: 'USD',
      conId: 272093,
    };
    const plain = { accountCode: 'DU7654321', contracts: [{ symbol: 'MSFT', contract }] };
    expect(problems(plain)).toEqual([]);
    const config = toIbkrConfig(options(plain), 'ib');
    expect(config.accountCode).toBe('DU7654321');
    expect(config.contracts).toEqual([{ symbol: 'MSFT', contract }]);
    expect(() =>
      toIbkrConfig(
        options({
          contracts: [
            { symbol: 'MSFT', contract },
            { symbol: 'MSFT', contract },
          ],
        }),
        'ib',
      ),
    ).toThrow(/twice/);
  });

  it('is the venue of kind ibkr, with no secrets to resolve', () => {
    expect(ibkrVenue).toMatchObject({
      kind: 'ibkr',
      label: 'Interactive Brokers',
      optionsClass: IbkrOptions,
    });
    expect(ibkrVenue.resolveSecrets).toBeUndefined();
  });
});
