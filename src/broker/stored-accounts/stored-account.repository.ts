import type { StoredAccount } from './stored-account.js';

/** The accounts added over the API; their broker options are sealed under the master key at rest. */
export abstract class StoredAccountRepository {
  abstract list(): Promise<StoredAccount[]>;
  abstract find(name: string): Promise<StoredAccount | undefined>;
  /** False when an account of that name is stored already. */
  abstract insert(account: StoredAccount): Promise<boolean>;
  /** False when no account of that name is stored. */
  abstract update(account: StoredAccount): Promise<boolean>;
  /** False when no account of that name is stored. */
  abstract remove(name: string): Promise<boolean>;
}
