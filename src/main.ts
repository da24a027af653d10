import 'reflect-metadata';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module.js';
import type { Configuration } from './config/configuration.js';
import { ConfigurationError } from './config/configuration-error.js';
import { readEnvironment } from './config/read-environment.js';
import { configureApp, createFastifyAdapter } from './configure-app.js';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(readEnvironment()),
    createFastifyAdapter(),
    {
      bufferLogs: true,
    },
  );
  configureApp(app);
  const { port, host } = app
    .get<ConfigService<Configuration, true>>(ConfigService)
    .get('server', { infer: true });
  await app.listen(port, host);
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigurationError) {
    process.stderr.write(`Edgerunner cannot start: ${error.message}\n`);
  } else {
    process.stderr.write(
      `Edgerunner failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
