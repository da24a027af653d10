import type { TwsInstrumentRegistry } from '../market/tws-instrument-registry.js';
import { encodeAccountDownloadEnd, encodeAccountUpdateTime } from '../protocol/outgoing/index.js';
import { TwsFieldReader } from '../protocol/tws-field-reader.js';
import type { TwsRequestHandler } from '../session/tws-request-handler.js';
import type { TwsSession } from '../session/tws-session.js';
import type { TwsAccount } from './tws-account.js';
import { currentFigures } from './tws-account-values.js';
import { accountValueMessage, accountValueRows, portfolioMessage } from './tws-portfolio-rows.js';

const REQ_ACCOUNT_DATA = 6;
/** reqAccountUpdates has no request id: one account at a time per client. */
const UPDATES_ID = 0;

const pad = (value: number): string => String(value).padStart(2, '0');

/** ACCT_UPDATE_TIME's "HH:mm", in the simulator's TWS zone (UTC). */
function updateTime(ms: number): string {
  const date = new Date(ms);
  return `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
}

/**
 * reqAccountUpdates [6, 2, subscribe, acctCode]: every ACCT_VALUE, a PORTFOLIO_VALUE per position,
 * ACCT_UPDATE_TIME and ACCT_DOWNLOAD_END; then, on each change the account's engine reports, the
 * PORTFOLIO_VALUE of the changed position and the account values that changed with the time (TWS sends
 * changes as they happen, and the portfolio every 3 minutes). subscribe 0 stops it. A client follows one
 * account: subscribing to another replaces the first, with notice 2100. "" names the only account.
 */
export function accountUpdatesHandlers(
  accounts: readonly TwsAccount[],
  registry: TwsInstrumentRegistry,
  now: () => number,
): [number, TwsRequestHandler][] {
  const followed = new WeakMap<TwsSession, string>();

  async function follow(session: TwsSession, account: TwsAccount): Promise<void> {
    const previous = followed.get(session);
    if (session.subscriptions.cancel('accountUpdates', UPDATES_ID) && previous !== account.code)
      session.notice(
        2100,
        'New account data requested from TWS. API client has been unsubscribed from account data.',
      );
    followed.set(session, account.code);
    const sent = new Map<string, string>();
    const sendValues = async (changedOnly: boolean): Promise<void> => {
      const rows = accountValueRows(account, await currentFigures(account, registry));
      if (!session.subscriptions.has('accountUpdates', UPDATES_ID) && changedOnly) return;
      for (const row of rows) {
        const key = `${row[0]}|${row[2]}`;
        if (changedOnly && sent.get(key) === row[1]) continue;
        sent.set(key, row[1]);
        session.send(accountValueMessage(account, row));
      }
      session.send(encodeAccountUpdateTime(updateTime(now())));
    };
    await sendValues(false);
    const positions = await account.engine.getPositions();
    if (!session.open) return;
    for (const position of positions) {
      const message = portfolioMessage(account, position, registry);
      if (message) session.send(message);
    }
    session.send(encodeAccountDownloadEnd(account.code));
    const stream = account.engine.events.subscribe((event) => {
      if (event.type === 'position') {
        const message = portfolioMessage(account, event.position, registry);
        if (message) session.send(message);
      } else if (event.type === 'account') void sendValues(true).catch(() => undefined);
    });
    session.subscriptions.add('accountUpdates', UPDATES_ID, () => stream.unsubscribe());
  }

  return [
    [
      REQ_ACCOUNT_DATA,
      (fields, session) => {
        const reader = new TwsFieldReader(fields, 'REQ_ACCOUNT_DATA');
        reader.skip(2);
        const subscribe = reader.bool();
        const code = reader.string().trim();
        if (!subscribe) {
          session.subscriptions.cancel('accountUpdates', UPDATES_ID);
          return;
        }
        const account =
          code === '' && accounts.length === 1 ? accounts[0] : accounts.find((known) => known.code === code);
        if (!account) {
          session.notice(321, `Error validating request.-'bM' : cause - Account ${code} is not managed`);
          return;
        }
        return follow(session, account);
      },
    ],
  ];
}
