import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeyBootstrap } from './api-key-bootstrap.js';
import { ApiKeyGuard } from './api-key.guard.js';
import { ApiKeyHasher } from './api-key-hasher.js';
import { ApiKeyService } from './api-key.service.js';
import { ApiKeyStore } from './api-key.store.js';
import { ApiKeysController } from './api-keys.controller.js';
import { DrizzleApiKeyStore } from './drizzle-api-key.store.js';

@Module({
  controllers: [ApiKeysController],
  providers: [
    ApiKeyHasher,
    ApiKeyService,
    ApiKeyBootstrap,
    ApiKeyGuard,
    { provide: APP_GUARD, useExisting: ApiKeyGuard },
    { provide: ApiKeyStore, useClass: DrizzleApiKeyStore },
  ],
  exports: [ApiKeyService],
})
export class AuthModule {}
