import { asc, eq } from 'drizzle-orm';
import type { CredentialCipher } from '../../common/secrets/credential-cipher.js';
import type { Database } from '../../persistence/database.js';
import { brokerAccounts } from '../../persistence/schema/index.js';
import type { StoredAccount } from './stored-account.js';
import { StoredAccountRepository } from './stored-account.repository.js';

type Row = typeof brokerAccounts.$inferSelect;

/** Sealed for its own row: the account's name is authenticated with it, so a swapped value does not open. */
function sealedRow(account: StoredAccount, cipher: CredentialCipher): Row {
  return {
    name: account.name,
    broker: account.broker,
    settings: account.settings,
    sealedOptions: cipher.seal(JSON.stringify(account.options), account.name),
    keyId: cipher.keyId,
    createdAt: account.createdAt,
    updatedAt: account.updatedAt,
  };
}

function openedRow(row: Row, cipher: CredentialCipher): StoredAccount {
  return {
    name: row.name,
    broker: row.broker,
    settings: row.settings as Record<string, unknown>,
    options: JSON.parse(cipher.open(row.sealedOptions, row.name)) as Record<string, unknown>,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Stored accounts on PostgreSQL (PGlite or a server), their options sealed by the cipher. */
export class DrizzleStoredAccountRepository extends StoredAccountRepository {
  constructor(
    private readonly db: Database,
    private readonly cipher: CredentialCipher,
  ) {
    super();
  }

  /** Throws the cipher's error for a row sealed under another key, or altered. */
  async list(): Promise<StoredAccount[]> {
    const rows = await this.db.select().from(brokerAccounts).orderBy(asc(brokerAccounts.createdAt));
    return rows.map((row) => openedRow(row, this.cipher));
  }

  async find(name: string): Promise<StoredAccount | undefined> {
    const [row] = await this.db.select().from(brokerAccounts).where(eq(brokerAccounts.name, name));
    return row && openedRow(row, this.cipher);
  }

  async insert(account: StoredAccount): Promise<boolean> {
    const inserted = await this.db
      .insert(brokerAccounts)
      .values(sealedRow(account, this.cipher))
      .onConflictDoNothing()
      .returning({ name: brokerAccounts.name });
    return inserted.length > 0;
  }

  async update(account: StoredAccount): Promise<boolean> {
    const { name, createdAt: _createdAt, ...changes } = sealedRow(account, this.cipher);
    const updated = await this.db
      .update(brokerAccounts)
      .set(changes)
      .where(eq(brokerAccounts.name, name))
      .returning({ name: brokerAccounts.name });
    return updated.length > 0;
  }

  async remove(name: string): Promise<boolean> {
    const removed = await this.db
      .delete(brokerAccounts)
      .where(eq(brokerAccounts.name, name))
      .returning({ name: brokerAccounts.name });
    return removed.length > 0;
  }

  /**
   * Every stored account opened with `from` and sealed again under `to`, in one transaction: a failure
   * leaves every row as it was. Returns how many were re-sealed; rows already under `to` are left.
   */
  static async reseal(db: Database, from: CredentialCipher, to: CredentialCipher): Promise<number> {
    return db.transaction(async (tx) => {
      const rows = await tx.select().from(brokerAccounts).for('update');
      let resealed = 0;
      for (const row of rows) {
        if (row.keyId === to.keyId) continue;
        const plain = from.open(row.sealedOptions, row.name);
        await tx
          .update(brokerAccounts)
          .set({ sealedOptions: to.seal(plain, row.name), keyId: to.keyId })
          .where(eq(brokerAccounts.name, row.name));
        resealed += 1;
      }
      return resealed;
    });
  }
}
