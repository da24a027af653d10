import type { TwsInstrumentRegistry } from '../market/tws-instrument-registry.js';
import { encodeAccountSummary, encodeAccountSummaryEnd } from '../protocol/outgoing/index.js';
import { TwsFieldReader } from '../protocol/tws-field-reader.js';
import type { TwsRequestHandler } from '../session/tws-request-handler.js';
import type { TwsSession } from '../session/tws-session.js';
import type { TwsAccount } from './tws-account.js';
import { parseTags, summaryValues, type TwsSummaryValue } from './tws-account-summary-rows.js';
import { currentFigures } from './tws-account-values.js';

const REQ_ACCOUNT_SUMMARY = 62;
const CANCEL_ACCOUNT_SUMMARY = 63;
/** TWS keeps two account summary subscriptions open per client at most. */
const MAX_SUMMARIES = 2;

/**
 * reqAccountSummary [62, 1, reqId, group, tags] and cancelAccountSummary [63, 1, reqId]: one
 * ACCOUNT_SUMMARY per (account, tag) and ACCOUNT_SUMMARY_END, then, where real TWS re-sends changed values
 * every 3 minutes, the simulator re-sends the changed ones (and the end) whenever an account's engine
 * reports an account change (a fill), so tests need not wait. Group "All" is the only group (no FA groups).
 */
export function accountSummaryHandlers(
  accounts: readonly TwsAccount[],
  registry: TwsInstrumentRegistry,
): [number, TwsRequestHandler][] {
  async function valuesOf(account: TwsAccount, tags: readonly string[]): Promise<TwsSummaryValue[]> {
    return summaryValues(account, await currentFigures(account, registry), tags);
  }

  async function subscribe(session: TwsSession, reqId: number, group: string, tags: string[]): Promise<void> {
    if (session.subscriptions.has('accountSummary', reqId)) {
      session.error(reqId, 322, "Error processing request.-'bW' : cause - Duplicate ticker id");
      return;
    }
    if (session.subscriptions.count('accountSummary') >= MAX_SUMMARIES) {
      session.error(
        reqId,
        322,
        'Error processing request: Maximum number of account summary requests exceeded',
      );
      return;
    }
    if (group.toLowerCase() !== 'all') {
      session.error(
        reqId,
        321,
        `Error validating request.-'bR' : cause - Group '${group}' is not a known group`,
      );
      return;
    }
    const sent = new Map<string, string>();
    const send = (account: TwsAccount, rows: readonly TwsSummaryValue[], changedOnly: boolean): number => {
      let count = 0;
      for (const row of rows) {
        const key = `${account.code}|${row.tag}|${row.currency}`;
        if (changedOnly && sent.get(key) === row.value) continue;
        sent.set(key, row.value);
        session.send(encodeAccountSummary({ reqId, account: account.code, ...row }));
        count++;
      }
      return count;
    };
    const first = await Promise.all(accounts.map((account) => valuesOf(account, tags)));
    if (!session.open) return;
    accounts.forEach((account, index) => send(account, first[index] ?? [], false));
    session.send(encodeAccountSummaryEnd(reqId));
    const streams = accounts.map((account) =>
      account.engine.events.subscribe((event) => {
        if (event.type !== 'account') return;
        void valuesOf(account, tags)
          .then((rows) => {
            if (session.subscriptions.has('accountSummary', reqId) && send(account, rows, true) > 0)
              session.send(encodeAccountSummaryEnd(reqId));
          })
          .catch(() => undefined);
      }),
    );
    session.subscriptions.add('accountSummary', reqId, () =>
      streams.forEach((stream) => stream.unsubscribe()),
    );
  }

  return [
    [
      REQ_ACCOUNT_SUMMARY,
      (fields, session) => {
        const reader = new TwsFieldReader(fields, 'REQ_ACCOUNT_SUMMARY');
        reader.skip(2);
        const reqId = reader.int();
        const group = reader.string();
        return subscribe(session, reqId, group, parseTags(reader.string()));
      },
    ],
    [
      CANCEL_ACCOUNT_SUMMARY,
      (fields, session) => {
        const reader = new TwsFieldReader(fields, 'CANCEL_ACCOUNT_SUMMARY');
        reader.skip(2);
        session.subscriptions.cancel('accountSummary', reader.int());
      },
    ],
  ];
}
