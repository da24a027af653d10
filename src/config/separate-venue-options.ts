/** The config file with each account's broker options taken out, and those options by account index. */
export interface SeparatedVenueOptions {
  /** The file as written, but each account without its venue options keys: what ConfigFile validates. */
  readonly file: unknown;
  /** `accounts[i]`'s options keys of venue kinds (`paper`, `bybit`), as written. */
  readonly options: readonly ReadonlyMap<string, unknown>[];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Takes every key named like a venue kind out of each account of the parsed file, leaving the parsed
 * value itself untouched: the file's schema knows only what all accounts share, and each venue's options
 * are validated by that venue's own class.
 */
export function separateVenueOptions(file: unknown, kinds: ReadonlySet<string>): SeparatedVenueOptions {
  if (!isPlainObject(file) || !Array.isArray(file.accounts)) return { file, options: [] };
  const options: Map<string, unknown>[] = [];
  const accounts = file.accounts.map((account: unknown, index) => {
    const own = new Map<string, unknown>();
    options[index] = own;
    if (!isPlainObject(account)) return account;
    const common: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(account)) {
      if (kinds.has(key)) own.set(key, value);
      else common[key] = value;
    }
    return common;
  });
  return { file: { ...file, accounts }, options };
}
