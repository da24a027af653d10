import type { RequestMessage, ResponseMessage } from '#brokers/mt5/bridge/bridge-protocol.js';
import { MQL_ERROR, Mt5CommandError } from '../mt5-codes.js';
import type { Mt5OrderDesk } from '../trading/mt5-order-desk.js';
import type { Mt5TradeContext } from '../trading/mt5-trade-context.js';
import type { Mt5BridgeLink } from './mt5-bridge-link.js';
import { chartCommands } from './mt5-chart-commands.js';
import type { Mt5BridgeSession, Mt5CommandHandler } from './mt5-command-handler.js';
import { marketCommands } from './mt5-market-commands.js';
import { tradeCommands } from './mt5-trade-commands.js';

/** Routes each request to its command and writes the response; session state is per connection. */
export class Mt5CommandRouter {
  private readonly handlers: ReadonlyMap<string, Mt5CommandHandler>;
  private readonly sessions = new WeakMap<Mt5BridgeLink, Mt5BridgeSession>();

  constructor(context: Mt5TradeContext, desk: Mt5OrderDesk) {
    this.handlers = new Map<string, Mt5CommandHandler>([
      ...tradeCommands(context, desk),
      ...marketCommands(context),
      ...chartCommands(context),
    ]);
  }

  /** A new connection: request ids count from 1 again and no symbol is subscribed. */
  newSession(link: Mt5BridgeLink): void {
    let requestId = 0;
    this.sessions.set(link, { nextRequestId: () => ++requestId, subscriptions: new Set() });
  }

  subscriptions(link: Mt5BridgeLink): readonly string[] {
    return [...(this.sessions.get(link)?.subscriptions ?? [])];
  }

  async answer(link: Mt5BridgeLink, request: RequestMessage): Promise<ResponseMessage> {
    const { id } = request;
    const handler = this.handlers.get(request.command);
    const session = this.sessions.get(link);
    try {
      if (!handler || !session)
        throw new Mt5CommandError(MQL_ERROR.UNREADABLE, `Unknown command ${request.command}`);
      return { type: 'response', id, ok: true, result: await handler(request.params, session) };
    } catch (error) {
      if (!(error instanceof Mt5CommandError)) throw error;
      return { type: 'response', id, ok: false, error: { code: error.code, message: error.message } };
    }
  }
}
