import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import type { Configuration } from '../config/configuration.js';
import { ApiKeyGuard } from './api-key.guard.js';
import { ApiKeyService } from './api-key.service.js';
import { ApiKeyStore } from './api-key.store.js';
import { ApiKeysController } from './api-keys.controller.js';
import { FileApiKeyStore } from './file-api-key.store.js';

@Module({
  controllers: [ApiKeysController],
  providers: [
    ApiKeyService,
    ApiKeyGuard,
    { provide: APP_GUARD, useExisting: ApiKeyGuard },
    {
      provide: ApiKeyStore,
      inject: [ConfigService],
      useFactory: (config: ConfigService<Configuration, true>) =>
        new FileApiKeyStore(join(config.get('server', { infer: true }).dataDir, 'api-keys.json')),
    },
  ],
  exports: [ApiKeyService],
})
export class AuthModule {}
