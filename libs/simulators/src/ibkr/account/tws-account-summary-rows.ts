import type { TwsAccount } from './tws-account.js';
import { type TwsAccountFigure, type TwsAccountFigures, TWS_MONEY_FIGURES } from './tws-account-values.js';

/** One value of reqAccountSummary before it is addressed to a request. */
export interface TwsSummaryValue {
  readonly tag: string;
  readonly value: string;
  readonly currency: string;
}

/** The summary tags the simulator answers with a figure in the account currency. */
const MONEY_TAGS: readonly TwsAccountFigure[] = TWS_MONEY_FIGURES;

/**
 * The rows of `$LEDGER` (base currency), `$LEDGER:<currency>` and `$LEDGER:ALL` (every currency and BASE):
 * the engine books one currency, so the ledger has that one (and BASE, its copy).
 */
function ledgerRows(figures: TwsAccountFigures, currency: string): TwsSummaryValue[] {
  return [
    { tag: 'CashBalance', value: figures.TotalCashValue, currency },
    { tag: 'TotalCashBalance', value: figures.TotalCashValue, currency },
    { tag: 'AccruedCash', value: '0.00', currency },
    { tag: 'NetLiquidationByCurrency', value: figures.NetLiquidation, currency },
    { tag: 'UnrealizedPnL', value: figures.UnrealizedPnL, currency },
    { tag: 'RealizedPnL', value: figures.RealizedPnL, currency },
    { tag: 'ExchangeRate', value: '1.00', currency },
  ];
}

/**
 * The values one account answers for a tags list, in the order asked. Tags the simulator does not know are
 * left out (TWS too answers only the tags it has for the account).
 */
export function summaryValues(
  account: TwsAccount,
  figures: TwsAccountFigures,
  tags: readonly string[],
): TwsSummaryValue[] {
  const rows: TwsSummaryValue[] = [];
  for (const tag of tags) {
    if ((MONEY_TAGS as readonly string[]).includes(tag))
      rows.push({ tag, value: figures[tag as TwsAccountFigure], currency: account.currency });
    else if (tag === 'Cushion') rows.push({ tag, value: figures.Cushion, currency: '' });
    else if (tag === 'AccountType') rows.push({ tag, value: 'INDIVIDUAL', currency: '' });
    else if (tag === '$LEDGER' || tag === `$LEDGER:${account.currency}`)
      rows.push(...ledgerRows(figures, account.currency));
    else if (tag === '$LEDGER:ALL')
      rows.push(...ledgerRows(figures, account.currency), ...ledgerRows(figures, 'BASE'));
  }
  return rows;
}

/** The tags of a request: comma-separated, trimmed, each once. */
export function parseTags(csv: string): string[] {
  return [
    ...new Set(
      csv
        .split(',')
        .map((tag) => tag.trim())
        .filter((tag) => tag !== ''),
    ),
  ];
}
