import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { catchError, type Observable, throwError } from 'rxjs';
import { ValidationFailedError } from '../../common/errors/app-error.js';
import { StrategyCatalog } from '../catalog/strategy-catalog.js';
import { SignalOutcomes } from './signal-outcomes.js';

interface TriggerRequest {
  readonly params?: { readonly name?: string };
  readonly body?: unknown;
}

/**
 * Records a trigger the validation pipe refused, which never reaches the signal service (what the service
 * refused it has recorded itself): a malformed
 * signal is logged and counted like every other refused one. (The pipe runs inside the interceptors, so its
 * error passes through here.)
 */
@Injectable()
export class MalformedSignalInterceptor implements NestInterceptor {
  constructor(
    private readonly catalog: StrategyCatalog,
    private readonly outcomes: SignalOutcomes,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (error instanceof ValidationFailedError && !this.outcomes.wasRecorded(error))
          this.record(context.switchToHttp().getRequest(), error);
        return throwError(() => error);
      }),
    );
  }

  private record(request: TriggerRequest, error: ValidationFailedError): void {
    const name = request.params?.name ?? '';
    const known = this.catalog.list().some((definition) => definition.name === name);
    const body = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Record<
      string,
      unknown
    >;
    const text = (value: unknown): string | null =>
      typeof value === 'string' && value.length <= 64 ? value : null;
    this.outcomes.refused(
      {
        // Counted under one label when unknown: a name from the request would mint metric series.
        strategy: known ? name : 'unknown',
        source: 'trigger',
        signalId: text(body.signalId),
        account: text(body.account),
        symbol: text(body.symbol),
      },
      'validation_failed',
      error.message,
    );
  }
}
