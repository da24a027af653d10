import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { ApiKeyScope } from './api-key-scope.js';
import { BEARER_AUTH } from '../common/swagger/bearer-auth.js';

export const REQUIRED_SCOPE = 'edgerunner:required-scope';
export const PUBLIC_ROUTE = 'edgerunner:public-route';

/** The route needs an API key holding `scope` (admin ⊇ trade ⊇ read). */
export const RequireScope = (scope: ApiKeyScope): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(REQUIRED_SCOPE, scope),
    ApiBearerAuth(BEARER_AUTH),
    ApiUnauthorizedResponse({ description: 'Missing or unknown API key' }),
    ApiForbiddenResponse({ description: `The API key lacks the "${scope}" scope` }),
  );

/** The route needs no API key. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);
