import { dirname } from 'node:path';
import { Logger } from '@nestjs/common';
import type { BrokerVenue, VenueContext } from '#brokers';
import { StartupError } from '../common/startup-error.js';
import type { DataDirOwnership } from '../persistence/data-dir-ownership.js';
import { ensureDirectory } from '../persistence/ensure-directory.js';

/**
 * What the app gives `venue` to build the adapter of `account`: a Nest logger named `<label>:<account>`,
 * the data dir, and files readied under the data dir lock (a file outside the data dir needs no lock).
 */
export function venueContext(
  venue: BrokerVenue<object>,
  account: string,
  dataDir: string,
  ownership: DataDirOwnership,
): VenueContext {
  const logger = new Logger(`${venue.label}:${account}`);
  return {
    account,
    log: (level, message) => logger[level](message),
    dataDir,
    prepareFile: (path, purpose) => {
      if (ownership.contains(path)) ownership.claim();
      try {
        ensureDirectory(dirname(path));
      } catch (error) {
        throw new StartupError(
          `account "${account}": the ${purpose} ${path} cannot be written: ${(error as Error).message}`,
          { cause: error },
        );
      }
    },
  };
}
