import 'reflect-metadata';
import { ConfigurationError } from './config/configuration-error.js';
import { readEnvironment } from './config/read-environment.js';
import { startServer } from './start-server.js';

startServer(readEnvironment()).catch((error: unknown) => {
  if (error instanceof ConfigurationError) {
    process.stderr.write(`Edgerunner cannot start: ${error.message}\n`);
  } else {
    process.stderr.write(
      `Edgerunner failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
