import { VenueOptionsError } from '../port/venue-options-error.js';
import { BybitOptions } from './bybit-options.js';
import { resolveBybitSecrets } from './bybit-secrets.js';

function options(fields: Partial<BybitOptions>): BybitOptions {
  return Object.assign(new BybitOptions(), fields);
}

function refusal(run: () => unknown): VenueOptionsError {
  try {
    run();
  } catch (error) {
    if (error instanceof VenueOptionsError) return error;
    throw error;
  }
  throw new Error('expected a VenueOptionsError');
}

describe('resolveBybitSecrets', () => {
  const environment = { BYBIT_KEY: 'key-1', BYBIT_SECRET: 'secret-1' };

  it('reads the key and secret from the variables the options name, keeping the rest', () => {
    const resolved = resolveBybitSecrets(
      options({ apiKeyEnv: 'BYBIT_KEY', apiSecretEnv: 'BYBIT_SECRET', testnet: true }),
      { environment, production: true },
    );
    expect(resolved).toEqual(
      expect.objectContaining({ apiKey: 'key-1', apiSecret: 'secret-1', testnet: true, category: 'linear' }),
    );
  });

  it('keeps inline credentials as they are', () => {
    const resolved = resolveBybitSecrets(options({ apiKey: 'k', apiSecret: 's' }), {
      environment: {},
      production: false,
    });
    expect(resolved).toEqual(expect.objectContaining({ apiKey: 'k', apiSecret: 's' }));
  });

  it.each([
    ['apiKeyEnv', { apiKeyEnv: 'NOT_SET_KEY', apiSecret: 's' }, 'NOT_SET_KEY'],
    ['apiSecretEnv', { apiKey: 'k', apiSecretEnv: 'EMPTY_SECRET' }, 'EMPTY_SECRET'],
  ])('refuses a missing variable named by %s, naming the field', (field, written, variable) => {
    const error = refusal(() =>
      resolveBybitSecrets(options(written), { environment: { EMPTY_SECRET: '' }, production: false }),
    );
    expect(error.field).toBe(field);
    expect(error.message).toBe(`environment variable ${variable} is not set`);
  });

  it('refuses a placeholder key or secret in production only', () => {
    const placeholder = options({ apiKey: 'your-key', apiSecret: 'a-real-secret' });
    const error = refusal(() => resolveBybitSecrets(placeholder, { environment: {}, production: true }));
    expect(error.field).toBe('');
    expect(error.message).toBe('the API key or secret looks like a placeholder');
    expect(() => resolveBybitSecrets(placeholder, { environment: {}, production: false })).not.toThrow();
  });

  it('refuses a placeholder read from a variable in production', () => {
    const error = refusal(() =>
      resolveBybitSecrets(options({ apiKey: 'k', apiSecretEnv: 'BYBIT_SECRET' }), {
        environment: { BYBIT_SECRET: 'change-me' },
        production: true,
      }),
    );
    expect(error.message).toMatch(/placeholder/);
  });
});
