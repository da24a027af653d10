/**
 * A broker account added over the API, as written there: what every account has (`autoConnect`, `risk`)
 * and its broker's options, secrets included, which are sealed at rest and never leave the process.
 */
export interface StoredAccount {
  readonly name: string;
  readonly broker: string;
  readonly settings: Readonly<Record<string, unknown>>;
  readonly options: Readonly<Record<string, unknown>>;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** The account as the config file would write it: `{ name, broker, autoConnect, bybit: {...} }`. */
export function writtenDefinition(account: StoredAccount): Record<string, unknown> {
  return {
    ...account.settings,
    name: account.name,
    broker: account.broker,
    [account.broker]: account.options,
  };
}
