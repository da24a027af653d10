import { Mt5BridgeListener } from './mt5-bridge-listener.js';
import { dialTerminal, HELLO } from './testing/fake-terminal.js';

const TOKEN = 'a-long-enough-bridge-token-42';

describe('Mt5BridgeListener', () => {
  let listener: Mt5BridgeListener;
  let port: number;
  const logs: string[] = [];
  const lost: string[] = [];
  const ready: string[] = [];
  const replacements: boolean[] = [];

  beforeEach(async () => {
    logs.length = 0;
    lost.length = 0;
    ready.length = 0;
    replacements.length = 0;
    listener = new Mt5BridgeListener({
      host: '127.0.0.1',
      port: 0,
      token: TOKEN,
      requestTimeoutMs: 500,
      log: (level, message) => logs.push(`${level} ${message}`),
      onReady: (_session, hello, replaced) => {
        ready.push(hello.login);
        replacements.push(replaced);
      },
      onEvent: () => undefined,
      onLost: (reason) => lost.push(reason),
    });
    port = await listener.start();
  });
  afterEach(() => listener.stop());

  it('welcomes the account token and hands out the session', async () => {
    const waiting = listener.nextSession(2000);
    const terminal = await dialTerminal(port);
    terminal.send({ ...HELLO, token: TOKEN });
    expect(await terminal.next('welcome')).toMatchObject({ type: 'welcome', protocol: 1 });
    expect(await waiting).toBe(true);
    expect(listener.session?.ready).toBe(true);
    expect(ready).toEqual([HELLO.login]);
    expect(logs.some((line) => line.includes(`${HELLO.login}@${HELLO.server}`))).toBe(true);
  });

  it('refuses a wrong token, logs the refusal without either token, and hands out nothing', async () => {
    const terminal = await dialTerminal(port);
    terminal.send({ ...HELLO, token: 'guessed-token-of-some-length' });
    expect(await terminal.next('refused')).toEqual({ type: 'refused', reason: 'wrong token' });
    await terminal.closed;
    expect(listener.session).toBeUndefined();
    expect(ready).toEqual([]);
    expect(lost).toEqual([]);
    expect(logs.some((line) => line.startsWith('warn') && line.includes('refused: wrong token'))).toBe(true);
    expect(logs.join('\n')).not.toContain('guessed-token');
    expect(logs.join('\n')).not.toContain(TOKEN);
  });

  it('refuses a token that is a prefix of the right one (lengths differ)', async () => {
    const terminal = await dialTerminal(port);
    terminal.send({ ...HELLO, token: TOKEN.slice(0, -1) });
    expect(await terminal.next('refused')).toEqual({ type: 'refused', reason: 'wrong token' });
  });

  it('lets a terminal that dials in again replace its old session, and reports only the live one lost', async () => {
    const first = await dialTerminal(port);
    first.send({ ...HELLO, token: TOKEN });
    await first.next('welcome');
    const second = await dialTerminal(port);
    second.send({ ...HELLO, token: TOKEN });
    await second.next('welcome');
    await first.closed;
    expect(lost).toEqual([]);
    // The adapter hears it as a reconnect, to replay what the dead connection may have missed.
    expect(replacements).toEqual([false, true]);
    expect(listener.session?.ready).toBe(true);
    second.socket.destroy();
    await second.closed;
    // The server's side of the socket hears the close a moment after the terminal's.
    for (let attempt = 0; attempt < 250 && lost.length === 0; attempt += 1)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(lost).toEqual(['the terminal closed the connection']);
    expect(listener.session).toBeUndefined();
  });

  it('says no session arrived when none dials in within the time', async () => {
    expect(await listener.nextSession(50)).toBe(false);
  });
});
