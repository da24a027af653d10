import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module.js';
import { StartupError } from './common/startup-error.js';
import type { Configuration } from './config/configuration.js';
import { configureApp, createFastifyAdapter } from './configure-app.js';

/** Why the server could not listen, in terms of the PORT and HOST it was given. */
function listenFailure(error: unknown, port: number, host: string): StartupError {
  const code = (error as NodeJS.ErrnoException).code;
  const message =
    code === 'EADDRINUSE'
      ? `port ${port} on ${host} is already in use (PORT): another server is listening there`
      : code === 'EACCES'
        ? `port ${port} on ${host} needs privileges this user lacks (PORT)`
        : code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND'
          ? `${host} is not an address of this machine (HOST)`
          : `cannot listen on ${host}:${port}: ${(error as Error).message}`;
  return new StartupError(message, { cause: error });
}

/** Builds the app from `environment`, configures it as everywhere, and listens on its PORT and HOST. */
export async function startServer(
  environment: Record<string, string | undefined>,
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(environment),
    createFastifyAdapter(),
    // A failed start rejects, for main.ts to say why in one line; by default Nest prints the stack of
    // every error in turn (the buffered start-up logs included) and exits on its own.
    { bufferLogs: true, abortOnError: false, autoFlushLogs: false },
  );
  await configureApp(app);
  app.flushLogs();
  const { port, host } = app
    .get<ConfigService<Configuration, true>>(ConfigService)
    .get('server', { infer: true });
  // Closed on any failure, so that the database, the brokers and the data dir lock are let go first.
  const closeAndThrow = async (error: unknown): Promise<never> => {
    await app.close().catch(() => undefined);
    throw error;
  };
  // Initialised apart from listening, so a failing start-up hook (a key pepper that does not match) is
  // reported as itself, not as a failure to listen.
  await app.init().catch(closeAndThrow);
  await app.listen(port, host).catch((error: unknown) => closeAndThrow(listenFailure(error, port, host)));
  return app;
}
