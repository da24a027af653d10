import { Injectable } from '@nestjs/common';
import { and, asc, desc, eq, gte, lt, lte } from 'drizzle-orm';
import { InjectDatabase, type Database } from '../persistence/database.js';
import { equitySnapshots } from '../persistence/schema/index.js';
import { EquitySnapshotRepository, type EquitySnapshot } from './equity-snapshot.repository.js';

type Row = typeof equitySnapshots.$inferSelect;

function toSnapshot(row: Row): EquitySnapshot {
  return {
    account: row.account,
    balance: row.balance,
    equity: row.equity,
    unrealizedPnl: row.unrealizedPnl,
    realizedPnl: row.realizedPnl,
    marginUsed: row.marginUsed,
    at: row.at.toISOString(),
  };
}

@Injectable()
export class DrizzleEquitySnapshotRepository extends EquitySnapshotRepository {
  constructor(@InjectDatabase() private readonly db: Database) {
    super();
  }

  async insert(snapshot: EquitySnapshot): Promise<void> {
    await this.db.insert(equitySnapshots).values({ ...snapshot, at: new Date(snapshot.at) });
  }

  async range(account: string, from: Date, to: Date): Promise<EquitySnapshot[]> {
    const rows = await this.db
      .select()
      .from(equitySnapshots)
      .where(
        and(eq(equitySnapshots.account, account), gte(equitySnapshots.at, from), lte(equitySnapshots.at, to)),
      )
      .orderBy(asc(equitySnapshots.at), asc(equitySnapshots.id));
    return rows.map(toSnapshot);
  }

  async lastBefore(account: string, before: Date): Promise<EquitySnapshot | undefined> {
    const [row] = await this.db
      .select()
      .from(equitySnapshots)
      .where(and(eq(equitySnapshots.account, account), lt(equitySnapshots.at, before)))
      .orderBy(desc(equitySnapshots.at), desc(equitySnapshots.id))
      .limit(1);
    return row ? toSnapshot(row) : undefined;
  }
}
