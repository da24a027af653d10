import { checkAccountDefinition } from './check-account-definition.js';

const SECRETS = { environment: { BYBIT_KEY: 'from-env' }, production: false };

describe('checkAccountDefinition', () => {
  it('checks one account as the config file would, its options under its broker with defaults', () => {
    const { account, problems } = checkAccountDefinition(
      { name: 'desk', broker: 'bybit', bybit: { apiKey: 'k', apiSecret: 's' } },
      SECRETS,
    );
    expect(problems).toEqual([]);
    expect(account).toEqual(
      expect.objectContaining({
        name: 'desk',
        broker: 'bybit',
        autoConnect: true,
        bybit: expect.objectContaining({ apiKey: 'k', apiSecret: 's', testnet: false }),
      }),
    );
  });

  it('names each bad field from the account, without the config file list prefix', () => {
    const { account, problems } = checkAccountDefinition(
      { name: 'Desk!', broker: 'bybit', paper: {}, bybit: { recvWindowMs: 1, extra: 1 } },
      SECRETS,
    );
    expect(account).toBeUndefined();
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^name: /),
        'paper: paper options on a bybit account',
        expect.stringMatching(/^bybit\.recvWindowMs: /),
        expect.stringMatching(/^bybit\.extra: /),
        expect.stringMatching(/^bybit\.apiKey: /),
      ]),
    );
  });

  it('refuses variable names where the context refuses them, saying why', () => {
    const { problems } = checkAccountDefinition(
      { name: 'desk', broker: 'bybit', bybit: { apiKeyEnv: 'BYBIT_KEY', apiSecret: 's' } },
      { ...SECRETS, variablesRefused: 'inline only' },
    );
    expect(problems).toEqual(['bybit.apiKeyEnv: inline only']);
  });
});
