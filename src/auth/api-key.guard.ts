import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError, UnauthenticatedError } from '../common/errors/app-error.js';
import type { ApiKeyPrincipal } from './api-key-record.js';
import { scopesGrant, type ApiKeyScope } from './api-key-scope.js';
import { ApiKeyService } from './api-key.service.js';
import { PUBLIC_ROUTE, REQUIRED_SCOPE } from './auth.decorators.js';

export interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  apiKey?: ApiKeyPrincipal;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** Every route needs a key unless marked @Public(); a route that names no scope needs `admin` (fail closed). */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeyService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const required =
      this.reflector.getAllAndOverride<ApiKeyScope | undefined>(REQUIRED_SCOPE, targets) ?? 'admin';

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const token = typeof header === 'string' ? BEARER.exec(header)?.[1] : undefined;
    if (!token) throw new UnauthenticatedError('Missing API key: send "Authorization: Bearer <key>"');
    const principal = await this.keys.authenticate(token);
    if (!principal) throw new UnauthenticatedError('Unknown or revoked API key');
    if (!scopesGrant(principal.scopes, required)) {
      throw new ForbiddenError(`This API key lacks the "${required}" scope`);
    }
    request.apiKey = principal;
    return true;
  }
}
