import type { TwsInstrumentRegistry } from '../market/tws-instrument-registry.js';
import type { TwsRequestHandler } from '../session/tws-request-handler.js';
import type { TwsAccount } from './tws-account.js';
import { accountSummaryHandlers } from './tws-account-summary-handlers.js';
import { accountUpdatesHandlers } from './tws-account-updates-handlers.js';
import { pnlHandlers } from './tws-pnl-handlers.js';
import { positionHandlers } from './tws-position-handlers.js';

/** Every account request: positions, account summary, account updates and P&L. */
export function accountHandlers(
  accounts: readonly TwsAccount[],
  registry: TwsInstrumentRegistry,
  now: () => number,
): [number, TwsRequestHandler][] {
  return [
    ...positionHandlers(accounts, registry),
    ...accountSummaryHandlers(accounts, registry),
    ...accountUpdatesHandlers(accounts, registry, now),
    ...pnlHandlers(accounts, registry),
  ];
}
