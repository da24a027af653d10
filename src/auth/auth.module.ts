import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeyGuard } from './api-key.guard.js';
import { ApiKeyService } from './api-key.service.js';
import { ApiKeyStore } from './api-key.store.js';
import { ApiKeysController } from './api-keys.controller.js';
import { DrizzleApiKeyStore } from '../persistence/repositories/drizzle-api-key.store.js';

@Module({
  controllers: [ApiKeysController],
  providers: [
    ApiKeyService,
    ApiKeyGuard,
    { provide: APP_GUARD, useExisting: ApiKeyGuard },
    { provide: ApiKeyStore, useClass: DrizzleApiKeyStore },
  ],
  exports: [ApiKeyService],
})
export class AuthModule {}
