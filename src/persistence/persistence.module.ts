import {
  Global,
  Inject,
  Logger,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
  type Provider,
} from '@nestjs/common';
import { DataDirOwnership } from './data-dir-ownership.js';
import { DATABASE } from './database.js';
import { openDatabase, type DatabaseOptions, type OpenDatabase } from './open-database.js';

const DATABASE_OPTIONS = Symbol('DATABASE_OPTIONS');
const OPEN_DATABASE = Symbol('OPEN_DATABASE');

export interface PersistenceModuleAsyncOptions {
  readonly imports?: DynamicModule['imports'];
  readonly inject?: (string | symbol | (abstract new (...args: never[]) => unknown))[];
  readonly useFactory: (...args: never[]) => DatabaseOptions | Promise<DatabaseOptions>;
}

/**
 * The database, opened and migrated once at start-up, closed at shutdown; and the data dir's ownership,
 * claimed before the embedded database opens and released last, after everything in it is closed.
 */
@Global()
@Module({})
export class PersistenceModule implements OnApplicationShutdown {
  constructor(
    @Inject(OPEN_DATABASE) private readonly database: OpenDatabase,
    private readonly dataDir: DataDirOwnership,
  ) {}

  static forRootAsync(options: PersistenceModuleAsyncOptions): DynamicModule {
    const databaseOptions: Provider = {
      provide: DATABASE_OPTIONS,
      inject: options.inject ?? [],
      useFactory: options.useFactory,
    };
    const ownership: Provider = {
      provide: DataDirOwnership,
      inject: [DATABASE_OPTIONS],
      useFactory: ({ dataDir }: DatabaseOptions) => new DataDirOwnership(dataDir),
    };
    const open: Provider = {
      provide: OPEN_DATABASE,
      inject: [DATABASE_OPTIONS, DataDirOwnership],
      useFactory: (databaseOptions: DatabaseOptions, dataDir: DataDirOwnership) => {
        if (!databaseOptions.url && !databaseOptions.inMemory) dataDir.claim();
        const logger = new Logger('Database');
        return openDatabase({
          ...databaseOptions,
          onConnectionLost: (error) =>
            logger.warn(`A database connection was closed by the server (${error.message}); it is replaced`),
        });
      },
    };
    const database: Provider = {
      provide: DATABASE,
      inject: [OPEN_DATABASE],
      useFactory: (opened: OpenDatabase) => opened.db,
    };
    return {
      module: PersistenceModule,
      imports: options.imports ?? [],
      providers: [databaseOptions, ownership, open, database],
      exports: [DATABASE, DataDirOwnership],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    try {
      await this.database.close();
    } finally {
      this.dataDir.release();
    }
  }
}
