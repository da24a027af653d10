import {
  Global,
  Inject,
  Logger,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
  type Provider,
} from '@nestjs/common';
import { DATABASE } from './database.js';
import { openDatabase, type DatabaseOptions, type OpenDatabase } from './open-database.js';

const OPEN_DATABASE = Symbol('OPEN_DATABASE');

export interface PersistenceModuleAsyncOptions {
  readonly imports?: DynamicModule['imports'];
  readonly inject?: (string | symbol | (abstract new (...args: never[]) => unknown))[];
  readonly useFactory: (...args: never[]) => DatabaseOptions | Promise<DatabaseOptions>;
}

/** The database, opened and migrated once at start-up, closed at shutdown. */
@Global()
@Module({})
export class PersistenceModule implements OnApplicationShutdown {
  constructor(@Inject(OPEN_DATABASE) private readonly database: OpenDatabase) {}

  static forRootAsync(options: PersistenceModuleAsyncOptions): DynamicModule {
    const open: Provider = {
      provide: OPEN_DATABASE,
      inject: options.inject ?? [],
      useFactory: async (...args: never[]) => {
        const logger = new Logger('Database');
        return openDatabase({
          ...(await options.useFactory(...args)),
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
      providers: [open, database],
      exports: [DATABASE],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.database.close();
  }
}
