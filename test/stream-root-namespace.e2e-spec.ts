import { io } from 'socket.io-client';
import { serviceAvailable, testRedisUrl } from './support/services.js';

/** This suite's own Redis database (see testRedisUrl). */
const REDIS_URL = testRedisUrl(3);
import { StreamClient } from './support/stream-client.js';
import { ADMIN_KEY, startTestApp, type TestApp } from './support/test-app.js';

const adapters: { name: string; env: Record<string, string> }[] = [{ name: 'one process', env: {} }];
if (await serviceAvailable('Redis', REDIS_URL))
  adapters.push({ name: 'the Redis adapter', env: { REDIS_URL } });

/** Connects to the Socket.IO root namespace `/`; resolves with the refusal, or rejects if it connected. */
function connectToRoot(url: string, auth: Record<string, string>): Promise<Error & { data?: unknown }> {
  const socket = io(`${url}/`, { auth, transports: ['websocket'], reconnection: false });
  return new Promise((resolve, reject) => {
    socket.once('connect_error', (error: Error & { data?: unknown }) => {
      socket.close();
      resolve(error);
    });
    socket.once('connect', () => {
      socket.close();
      reject(new Error('the root namespace accepted the connection'));
    });
  });
}

/** Only /ws/broker serves clients: Socket.IO's root namespace `/` refuses everyone, key or not. */
describe.each(adapters)('the Socket.IO root namespace, with $name', ({ env }) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env });
  });
  afterAll(() => t.close());

  it.each([
    ['no key', {}],
    ['an unknown key', { token: 'er_not_a_key_at_all_000000000' }],
    ['the admin key', { token: ADMIN_KEY }],
  ])('refuses a client with %s, with the envelope /ws/broker refusals carry', async (_case, auth) => {
    const refusal = await connectToRoot(t.url, auth);
    const message = 'The root namespace serves nothing: connect to /ws/broker';
    expect(refusal.message).toBe(message);
    expect(refusal.data).toEqual({ status: 'error', message, data: { code: 'not_found' } });
  });

  it('still serves /ws/broker to a key with the read scope', async () => {
    const client = await StreamClient.connect(t.url, ADMIN_KEY);
    try {
      expect(client.socket.connected).toBe(true);
    } finally {
      client.close();
    }
  });
});
