import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module.js';
import type { Configuration } from './config/configuration.js';
import { configureApp, createFastifyAdapter } from './configure-app.js';

/** Builds the app from `environment`, configures it as everywhere, and listens on its PORT and HOST. */
export async function startServer(
  environment: Record<string, string | undefined>,
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(environment),
    createFastifyAdapter(),
    { bufferLogs: true },
  );
  configureApp(app);
  const { port, host } = app
    .get<ConfigService<Configuration, true>>(ConfigService)
    .get('server', { infer: true });
  await app.listen(port, host);
  return app;
}
