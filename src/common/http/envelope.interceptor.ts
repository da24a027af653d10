import {
  Injectable,
  StreamableFile,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { map, type Observable } from 'rxjs';
import { successEnvelope, type ApiEnvelope } from './api-envelope.js';
import { RESPONSE_MESSAGE } from './response-message.decorator.js';

/**
 * Wraps what a controller returns in `{ status: 'success', data, message }`. A `StreamableFile` (a download,
 * a CSV export) is a body of its own media type and passes through untouched.
 */
@Injectable()
export class EnvelopeInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<ApiEnvelope | StreamableFile> {
    if (context.getType() !== 'http') return next.handle() as Observable<ApiEnvelope>;
    const message = this.reflector.get<string | undefined>(RESPONSE_MESSAGE, context.getHandler()) ?? 'OK';
    return next
      .handle()
      .pipe(
        map((data: unknown) =>
          data instanceof StreamableFile ? data : successEnvelope(data ?? null, message),
        ),
      );
  }
}
