import { createHmac } from 'node:crypto';
import type { RestClientV5 } from 'bybit-api';

/** HMAC-SHA256 in hex with node:crypto: what bybit-api signs with by default, without the Web Crypto round trip. */
export const signWithHmac = (message: string, secret: string): Promise<string> =>
  Promise.resolve(createHmac('sha256', secret).update(message).digest('hex'));

/**
 * bybit-api's own clock sync, forced. Its automatic sync (`enable_time_sync`) starts an interval timer it
 * never clears, which keeps a process alive after the adapter is gone; `syncTime(true)` is the documented
 * way to sync with it off ("use force: true if automatic time sync is disabled"), declared private in the
 * typings only. Returns the offset now applied to every signed request, in ms.
 */
export async function syncRestClock(client: RestClientV5): Promise<number> {
  const clock = client as unknown as { syncTime(force: boolean): Promise<void>; timeOffset: number | null };
  await clock.syncTime(true);
  return clock.timeOffset ?? 0;
}
