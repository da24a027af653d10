import 'reflect-metadata';
import { rotateMasterKey } from './broker/stored-accounts/rotate-master-key.js';
import { loadConfiguration } from './config/load-configuration.js';
import { readEnvironment } from './config/read-environment.js';
import { readNewMasterKey } from './config/read-master-key.js';
import { describeStartFailure } from './describe-start-failure.js';
import { acquireDataDirLock } from './persistence/data-dir-lock.js';
import { openDatabase } from './persistence/open-database.js';

/**
 * `npm run rotate-master-key`: re-encrypts every broker credential stored over the API under a new
 * master key. On the embedded database the server must be stopped (the data dir lock says so); on
 * PostgreSQL replicas may run, and take the new key at their next start.
 */
async function main(): Promise<void> {
  const environment = readEnvironment();
  const { server } = loadConfiguration(environment);
  const newKey = readNewMasterKey(environment);
  const lock = server.databaseUrl ? undefined : acquireDataDirLock(server.dataDir);
  const database = await openDatabase({ url: server.databaseUrl, dataDir: server.dataDir });
  try {
    const result = await rotateMasterKey(database.db, server, newKey);
    process.stdout.write(
      `Re-encrypted ${result.resealed} stored account(s) under master key ${result.toKeyId} ` +
        `(was ${result.fromKeyId}).\n`,
    );
    if (result.keyNowIn === 'EDGERUNNER_NEW_MASTER_KEY')
      process.stdout.write(
        'Now start every replica with EDGERUNNER_MASTER_KEY set to the value of EDGERUNNER_NEW_MASTER_KEY.\n',
      );
    else process.stdout.write(`The new key is in ${result.keyNowIn}; back it up.\n`);
  } finally {
    await database.close();
    lock?.release();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Cannot rotate the master key: ${describeStartFailure(error)}\n`);
  process.exit(1);
});
