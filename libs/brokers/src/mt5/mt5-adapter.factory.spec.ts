import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { VenueOptionsError } from '../port/venue-options-error.js';
import { toMt5Config } from './mt5-adapter.factory.js';
import { Mt5Options } from './mt5-options.js';
import { mt5Venue } from './mt5.venue.js';

const TOKEN = 'a-real-looking-token-4f9c2e';
const options = (plain: object): Mt5Options =>
  plainToInstance(Mt5Options, plain, { exposeDefaultValues: true });
const problems = (plain: object): string[] => validateSync(options(plain)).map((error) => error.property);
const resolve = (plain: object, environment: Record<string, string> = {}, production = false): Mt5Options =>
  mt5Venue.resolveSecrets!(options(plain), { environment, production });

describe('MT5 options and config', () => {
  it('needs only a token: port 7788 on loopback, New York + 7 h server clock, Market Watch symbols', () => {
    expect(problems({ token: TOKEN })).toEqual([]);
    expect(toMt5Config(resolve({ token: TOKEN }), 'fx')).toMatchObject({
      account: 'fx',
      host: '127.0.0.1',
      port: 7788,
      token: TOKEN,
      serverClock: { zone: 'America/New_York', shiftHours: 7 },
      symbols: [],
    });
  });

  it('refuses an account with no token, a short one, or a bad magic, naming the field', () => {
    expect(problems({})).toContain('token');
    expect(problems({ token: 'short' })).toContain('token');
    expect(problems({ token: TOKEN, magic: '-1' })).toContain('magic');
    expect(problems({ token: TOKEN, serverShiftHours: 15 })).toContain('serverShiftHours');
  });

  it('reads the token from the variable tokenEnv names, and stops start-up when it is not set', () => {
    expect(problems({ tokenEnv: 'MT5_TOKEN' })).toEqual([]);
    expect(resolve({ tokenEnv: 'MT5_TOKEN' }, { MT5_TOKEN: TOKEN }).token).toBe(TOKEN);
    expect(() => resolve({ tokenEnv: 'MT5_TOKEN' })).toThrow(VenueOptionsError);
    expect(() => resolve({ tokenEnv: 'MT5_TOKEN' }, { MT5_TOKEN: 'too-short' })).toThrow(/at least 16/);
  });

  it('refuses a placeholder token in production only', () => {
    expect(() => resolve({ token: 'change-me-change-me-please' }, {}, true)).toThrow(/placeholder/);
    expect(resolve({ token: 'change-me-change-me-please' }).token).toBe('change-me-change-me-please');
  });

  it('refuses a server zone the runtime does not know, naming the account', () => {
    expect(() => toMt5Config(resolve({ token: TOKEN, serverZone: 'Mars/Olympus' }), 'fx')).toThrow(
      /MT5 account "fx".*Mars\/Olympus/,
    );
  });
});
