import { setImmediate as nextTurn } from 'node:timers/promises';
import { parse, PGlite, protocol, type Results } from '@electric-sql/pglite';

type BackendMessages = Awaited<ReturnType<PGlite['execProtocolStream']>>;

/**
 * PGlite whose queries each let the event loop turn once before they run. PGlite executes a query
 * synchronously on the main thread (PostgreSQL compiled to WASM), and queued queries follow one another
 * through promise callbacks alone: under a flood of orders the queue drains back to back and Node polls no
 * socket until it is empty, so even GET /health waited seconds. Waiting for setImmediate inside the query
 * lock lets the requests that arrived meanwhile in between two queries; each query still blocks while it
 * runs, which is why a busy desk belongs on PostgreSQL (DATABASE_URL).
 */
export class EventLoopFriendlyPGlite extends PGlite {
  /** Statements parsed under a name: their text and the types of their parameters. */
  private readonly prepared = new Map<string, { readonly text: string; readonly types: number[] }>();

  override _runExclusiveQuery<T>(query: () => Promise<T>): Promise<T> {
    return super._runExclusiveQuery(async () => {
      await nextTurn();
      return query();
    });
  }

  /**
   * Runs a statement kept under `name`: parsed and planned once, then only bound and executed. query()
   * parses and plans its text on every call, which for the order batch cost more than running it. The
   * messages are PostgreSQL's extended protocol, as query() sends them, with a statement name.
   */
  async queryPrepared<Row>(name: string, text: string, params: readonly unknown[]): Promise<Results<Row>> {
    return this.runExclusive(async () => {
      const messages: BackendMessages = [];
      try {
        const known = this.prepared.get(name);
        if (known && known.text !== text) throw new Error(`statement ${name} was prepared with another text`);
        const types = known?.types ?? (await this.prepare(name, text));
        const values = params.map((value, index) => {
          if (value === null || value === undefined) return null;
          const serialize = this.serializers[types[index] ?? 0];
          if (serialize) return serialize(value);
          if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint')
            return String(value);
          throw new Error(`statement ${name}: no serializer for parameter ${index + 1}`);
        });
        messages.push(...(await this.send(protocol.serialize.bind({ statement: name, values }))));
        messages.push(...(await this.send(protocol.serialize.describe({ type: 'P' }))));
        messages.push(...(await this.send(protocol.serialize.execute({}))));
      } finally {
        messages.push(...(await this.send(protocol.serialize.sync())));
      }
      if (!this.isInTransaction()) await this.syncToFs();
      const [result] = parse.parseResults(messages, this.parsers) as Results<Row>[];
      if (!result) throw new Error(`statement ${name} answered no result`);
      return result;
    });
  }

  private async prepare(name: string, text: string): Promise<number[]> {
    try {
      await this.send(protocol.serialize.parse({ name, text }));
      const types = parse.parseDescribeStatementResults(
        await this.send(protocol.serialize.describe({ type: 'S', name })),
      );
      this.prepared.set(name, { text, types });
      return types;
    } catch (error) {
      // A statement parsed but not described would refuse the next attempt to parse it under its name:
      // leave the failed exchange (Sync), then close the statement, which the caller's Sync runs.
      await this.send(protocol.serialize.sync(), false).catch(() => undefined);
      await this.send(protocol.serialize.close({ type: 'S', name }), false).catch(() => undefined);
      throw error;
    }
  }

  private send(message: Uint8Array, throwOnError = true): Promise<BackendMessages> {
    return this.execProtocolStream(message, { syncToFs: false, throwOnError });
  }
}
