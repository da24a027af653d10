import { isIbkrNotice } from './ibkr-error-codes.js';
import type { IbkrParts } from './ibkr-parts.js';

/** What TWS's own link to IB did (1100/2110 lost; 1101 back with data lost; 1102 back with data kept). */
export type IbkrLinkEvent = 'lost' | 'restored-data-lost' | 'restored-data-kept';

const LINK: Readonly<Record<number, IbkrLinkEvent>> = {
  1100: 'lost',
  2110: 'lost',
  1101: 'restored-data-lost',
  1102: 'restored-data-kept',
};

/**
 * Routes TWS's errors and notices: an error with a request id fails that request, one with an order id
 * goes to order entry, a connectivity notice to `onLink`; informational codes are only logged.
 */
export function routeIbkrMessages(
  parts: IbkrParts,
  onLink: (event: IbkrLinkEvent, code: number) => void,
): void {
  const { wire, requests, market, book, orders, log, config } = parts;
  wire.on('error', (error, code, id) => {
    const message = error.message;
    if (code === 505) {
      // The library could not decode a message: a TWS newer than this library, or a broken stream.
      log('error', `IB decoding error (505) for "${config.account}": ${message}`);
      return;
    }
    if (id >= 0 && requests.fail(id, code, message)) return;
    if (id >= 0 && market.fail(id, code, message)) return;
    if (id > 0 && book.has(id)) {
      orders.onError(id, code, message);
      return;
    }
    log(
      isIbkrNotice(code, message) ? 'debug' : 'warn',
      `IB ${code} (id ${id}) for "${config.account}": ${message}`,
    );
  });
  wire.on('info', (message, code) => {
    const link = LINK[code];
    if (link) {
      log('log', `IB "${config.account}": ${code} ${message}`);
      onLink(link, code);
      return;
    }
    log(
      isIbkrNotice(code, message) ? 'debug' : 'warn',
      `IB notice ${code} for "${config.account}": ${message}`,
    );
  });
}
