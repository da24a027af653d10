import { encodeManagedAccounts, encodeNextValidId } from '../protocol/outgoing/index.js';
import { TwsFieldReader, TwsRequestError } from '../protocol/tws-field-reader.js';
import type { TwsOrderIds } from './tws-client-order-ids.js';
import type { TwsHandlerTable } from './tws-request-handler.js';
import type { TwsSession } from './tws-session.js';

const START_API = 71;

/** The farm notices TWS sends every client that starts: information, not errors. */
const FARM_NOTICES: readonly [number, string][] = [
  [2104, 'Market data farm connection is OK:usfarm'],
  [2106, 'HMDS data farm connection is OK:ushmds'],
  [2158, 'Sec-def data farm connection is OK:secdefnj'],
];

export interface TwsClientRegistryDeps {
  readonly accounts: readonly string[];
  readonly ids: TwsOrderIds;
  /** After START_API's answers: TWS sends the client its open orders. */
  readonly onStarted: (session: TwsSession) => void;
}

/**
 * The connected clients, by client id (one session per id, as TWS allows), and the dispatch of their
 * requests: nothing but START_API before it, then the handler of each message id.
 */
export class TwsClientRegistry {
  private readonly sessions = new Set<TwsSession>();
  private readonly byClientId = new Map<number, TwsSession>();
  private linkDown = false;

  constructor(private readonly deps: TwsClientRegistryDeps) {}

  add(session: TwsSession): void {
    this.sessions.add(session);
    session.setLinkLost(this.linkDown);
  }

  remove(session: TwsSession): void {
    this.sessions.delete(session);
    if (session.clientId !== undefined && this.byClientId.get(session.clientId) === session)
      this.byClientId.delete(session.clientId);
  }

  sessionOf(clientId: number): TwsSession | undefined {
    return this.byClientId.get(clientId);
  }

  async dispatch(session: TwsSession, fields: readonly string[], handlers: TwsHandlerTable): Promise<void> {
    if (!session.open) return;
    const id = Number(fields[0]);
    try {
      if (id === START_API) return this.start(session, fields);
      // TWS reads nothing from a client before START_API names it.
      if (!session.started) return;
      const handler = handlers.get(id);
      if (!handler) {
        session.notice(320, `Error reading request: message id ${fields[0]} is not supported`);
        return;
      }
      await handler(fields, session);
    } catch (error) {
      if (!(error instanceof TwsRequestError)) throw error;
      session.notice(error.code, error.message);
    }
  }

  /** 1100 to every client; order messages are lost from now on. */
  linkLost(): void {
    this.linkDown = true;
    for (const session of this.sessions) {
      session.setLinkLost(true);
      if (session.started)
        session.notice(1100, 'Connectivity between IB and Trader Workstation has been lost.');
    }
  }

  /** 1102 or 1101; on 1101 market data and kept-up-to-date bars are gone and must be requested again. */
  linkRestored(dataKept: boolean): void {
    this.linkDown = false;
    for (const session of this.sessions) {
      session.setLinkLost(false);
      if (!session.started) continue;
      if (!dataKept) {
        session.subscriptions.cancelKind('marketData');
        session.subscriptions.cancelKind('historicalUpdates');
      }
      session.notice(
        dataKept ? 1102 : 1101,
        `Connectivity between IB and Trader Workstation has been restored - data ${dataKept ? 'maintained' : 'lost'}.`,
      );
    }
  }

  /** Breaks every connection; answers how many there were. */
  dropAll(): number {
    const count = this.sessions.size;
    for (const session of [...this.sessions]) session.drop();
    return count;
  }

  /** START_API [71, 2, clientId, optionalCapabilities]: admits the client id or refuses it (326). */
  private start(session: TwsSession, fields: readonly string[]): void {
    if (session.started) return;
    const reader = new TwsFieldReader(fields, 'START_API');
    reader.skip(2);
    const clientId = reader.optionalInt();
    if (clientId === undefined)
      throw new TwsRequestError(321, 'Error validating request: START_API needs a client id');
    const holder = this.byClientId.get(clientId);
    if (holder && holder.open) {
      session.notice(
        326,
        'Unable to connect as the client id is already in use. Retry with a unique client id.',
      );
      session.close();
      return;
    }
    session.clientId = clientId;
    this.byClientId.set(clientId, session);
    session.send(encodeManagedAccounts(this.deps.accounts));
    session.send(encodeNextValidId(this.deps.ids.nextValid(clientId)));
    for (const [code, message] of FARM_NOTICES) session.notice(code, message);
    if (this.linkDown) session.notice(1100, 'Connectivity between IB and Trader Workstation has been lost.');
    this.deps.onStarted(session);
  }
}
