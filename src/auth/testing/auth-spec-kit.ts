import type { ConfigService } from '@nestjs/config';
import type { Configuration, ServerConfig } from '../../config/configuration.js';
import { openDatabase, type OpenDatabase } from '../../persistence/open-database.js';
import { DrizzleApiKeyStore } from '../drizzle-api-key.store.js';
import { ApiKeyHasher } from '../api-key-hasher.js';
import { ApiKeyService } from '../api-key.service.js';

/** A pepper as long as the configuration asks for. */
export const SPEC_PEPPER = 'spec-pepper-0123456789abcdef-0123456789';

/** The ConfigService of a server configured with `server` over quiet defaults. */
export function configWith(server: Partial<ServerConfig>): ConfigService<Configuration, true> {
  const full: ServerConfig = {
    port: 0,
    host: '127.0.0.1',
    dataDir: '/nonexistent',
    logLevel: 'silent',
    databaseUrl: undefined,
    redisUrl: undefined,
    backtestWorker: true,
    apiKey: undefined,
    keyPepper: SPEC_PEPPER,
    masterKey: undefined,
    production: false,
    ...server,
  };
  return { get: () => full } as unknown as ConfigService<Configuration, true>;
}

export async function hasherWith(server: Partial<ServerConfig> = {}): Promise<ApiKeyHasher> {
  const hasher = new ApiKeyHasher(configWith(server));
  await hasher.onModuleInit();
  return hasher;
}

/** The key service on the real store, over an in-memory PGlite database migrated like the app's. */
export interface AuthSpecKit {
  readonly database: OpenDatabase;
  readonly store: DrizzleApiKeyStore;
  readonly hasher: ApiKeyHasher;
  readonly keys: ApiKeyService;
}

export async function startAuthSpecKit(server: Partial<ServerConfig> = {}): Promise<AuthSpecKit> {
  const database = await openDatabase({ dataDir: '', inMemory: true });
  const store = new DrizzleApiKeyStore(database.db);
  const hasher = await hasherWith(server);
  return { database, store, hasher, keys: new ApiKeyService(store, hasher) };
}
