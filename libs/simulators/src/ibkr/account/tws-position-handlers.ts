import type { Position } from '../../paper-engine.js';
import { twsContractOf, type TwsInstrumentRegistry } from '../market/tws-instrument-registry.js';
import { encodePosition, encodePositionEnd } from '../protocol/outgoing/index.js';
import type { TwsRequestHandler } from '../session/tws-request-handler.js';
import type { TwsSession } from '../session/tws-session.js';
import type { TwsAccount } from './tws-account.js';
import { multiplierOf } from './tws-account-values.js';

const REQ_POSITIONS = 61;
const CANCEL_POSITIONS = 64;
/** A session holds one positions subscription: reqPositions has no request id. */
const POSITIONS_ID = 0;

/**
 * POSITION of one engine position. avgCost is the average price times the multiplier, as IB reports it
 * (a future's cost per contract); the engine's average price leaves the commission out, where IB's
 * includes it.
 */
export function positionMessage(
  account: TwsAccount,
  position: Position,
  registry: TwsInstrumentRegistry,
): readonly string[] | undefined {
  const instrument = registry.byLocal(position.symbol);
  if (!instrument) return undefined;
  const avgCost = multiplierOf(registry, position.symbol).times(position.averagePrice);
  return encodePosition({
    account: account.code,
    contract: twsContractOf(instrument),
    position: position.quantity,
    avgCost: avgCost.toString(),
  });
}

/**
 * reqPositions [61, 1]: POSITION for every open position of every managed account, POSITION_END, then a
 * POSITION for every change (0 when a position closes) until cancelPositions [64, 1]. Asked again, TWS
 * sends the whole list again; the stream stays one.
 */
export function positionHandlers(
  accounts: readonly TwsAccount[],
  registry: TwsInstrumentRegistry,
): [number, TwsRequestHandler][] {
  async function subscribe(session: TwsSession): Promise<void> {
    session.subscriptions.cancel('positions', POSITIONS_ID);
    const held = await Promise.all(accounts.map((account) => account.engine.getPositions()));
    if (!session.open) return;
    accounts.forEach((account, index) => {
      for (const position of held[index] ?? []) {
        const message = positionMessage(account, position, registry);
        if (message) session.send(message);
      }
    });
    session.send(encodePositionEnd());
    const streams = accounts.map((account) =>
      account.engine.events.subscribe((event) => {
        if (event.type !== 'position') return;
        const message = positionMessage(account, event.position, registry);
        if (message) session.send(message);
      }),
    );
    session.subscriptions.add('positions', POSITIONS_ID, () =>
      streams.forEach((stream) => stream.unsubscribe()),
    );
  }

  return [
    [REQ_POSITIONS, (_fields, session) => subscribe(session)],
    [CANCEL_POSITIONS, (_fields, session) => void session.subscriptions.cancel('positions', POSITIONS_ID)],
  ];
}
