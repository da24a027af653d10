import { type BrokerEvent, dec } from '../../paper-engine.js';
import type { TwsInstrumentRegistry } from '../market/tws-instrument-registry.js';
import { encodePnl, encodePnlSingle } from '../protocol/outgoing/index.js';
import { TwsFieldReader } from '../protocol/tws-field-reader.js';
import type { TwsSubscriptionKind } from '../session/tws-subscriptions.js';
import type { TwsRequestHandler } from '../session/tws-request-handler.js';
import type { TwsSession } from '../session/tws-session.js';
import type { TwsAccount } from './tws-account.js';
import { multiplierOf } from './tws-account-values.js';

const REQ_PNL = 92;
const CANCEL_PNL = 93;
const REQ_PNL_SINGLE = 94;
const CANCEL_PNL_SINGLE = 95;

const money = (value: string): string => dec(value).toFixed(2);

/**
 * Streams one P&L message: now, and again whenever the account's engine reports a tick, a position or an
 * account change and the message differs from the last one sent (TWS sends about once a second).
 */
async function stream(
  session: TwsSession,
  kind: TwsSubscriptionKind,
  reqId: number,
  account: TwsAccount,
  compute: () => Promise<readonly string[]>,
): Promise<void> {
  let last = (await compute()).join('\u0000');
  if (!session.open) return;
  session.send(last.split('\u0000'));
  const watched = new Set<BrokerEvent['type']>(['tick', 'position', 'account']);
  const subscription = account.engine.events.subscribe((event) => {
    if (!watched.has(event.type)) return;
    void compute()
      .then((message) => {
        const text = message.join('\u0000');
        if (text === last || !session.subscriptions.has(kind, reqId)) return;
        last = text;
        session.send(message);
      })
      .catch(() => undefined);
  });
  session.subscriptions.add(kind, reqId, () => subscription.unsubscribe());
}

/**
 * reqPnL [92, reqId, account, modelCode] and reqPnLSingle [94, reqId, account, modelCode, conId], and
 * their cancels. The engine has no trading day, so dailyPnL is the P&L since the simulator started
 * (unrealized + realized). PNL_SINGLE's value is position × mark × multiplier. An account or conId the
 * simulator does not know gets no answer at all, as TWS does for an invalid conId.
 */
export function pnlHandlers(
  accounts: readonly TwsAccount[],
  registry: TwsInstrumentRegistry,
): [number, TwsRequestHandler][] {
  const accountOf = (code: string) => accounts.find((account) => account.code === code);
  const duplicate = (session: TwsSession, reqId: number) =>
    session.error(reqId, 322, "Error processing request.-'bW' : cause - Duplicate ticker id");

  const cancel =
    (kind: TwsSubscriptionKind, name: string): TwsRequestHandler =>
    (fields, session) => {
      const reader = new TwsFieldReader(fields, name);
      reader.skip(1);
      session.subscriptions.cancel(kind, reader.int());
    };

  return [
    [
      REQ_PNL,
      (fields, session) => {
        const reader = new TwsFieldReader(fields, 'REQ_PNL');
        reader.skip(1);
        const reqId = reader.int();
        const account = accountOf(reader.string().trim());
        reader.skip(1); // modelCode: no models
        if (!account) return;
        if (session.subscriptions.has('pnl', reqId)) return duplicate(session, reqId);
        return stream(session, 'pnl', reqId, account, async () => {
          const summary = await account.engine.getAccountSummary();
          const daily = dec(summary.unrealizedPnl).plus(summary.realizedPnl).toFixed(2);
          return encodePnl({
            reqId,
            dailyPnL: daily,
            unrealizedPnL: money(summary.unrealizedPnl),
            realizedPnL: money(summary.realizedPnl),
          });
        });
      },
    ],
    [CANCEL_PNL, cancel('pnl', 'CANCEL_PNL')],
    [
      REQ_PNL_SINGLE,
      (fields, session) => {
        const reader = new TwsFieldReader(fields, 'REQ_PNL_SINGLE');
        reader.skip(1);
        const reqId = reader.int();
        const account = accountOf(reader.string().trim());
        reader.skip(1); // modelCode
        const conId = reader.optionalInt();
        const instrument = registry.instruments.find((known) => known.conId === conId);
        if (!account || !instrument) return;
        if (session.subscriptions.has('pnlSingle', reqId)) return duplicate(session, reqId);
        const symbol = instrument.localSymbol;
        const multiplier = multiplierOf(registry, symbol);
        return stream(session, 'pnlSingle', reqId, account, async () => {
          const position = (await account.engine.getPositions()).find((held) => held.symbol === symbol);
          if (!position)
            return encodePnlSingle({
              reqId,
              position: '0',
              dailyPnL: '0.00',
              unrealizedPnL: '0.00',
              realizedPnL: '0.00',
              value: '0.00',
            });
          const unrealized = dec(position.unrealizedPnl);
          const realized = dec(position.realizedPnl);
          return encodePnlSingle({
            reqId,
            position: position.quantity,
            dailyPnL: unrealized.plus(realized).toFixed(2),
            unrealizedPnL: unrealized.toFixed(2),
            realizedPnL: realized.toFixed(2),
            value: multiplier.times(position.quantity).times(position.markPrice).toFixed(2),
          });
        });
      },
    ],
    [CANCEL_PNL_SINGLE, cancel('pnlSingle', 'CANCEL_PNL_SINGLE')],
  ];
}
