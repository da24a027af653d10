import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Socket } from 'socket.io';
import { errorEnvelope } from '../../common/http/api-envelope.js';
import { mapException } from '../../common/errors/map-exception.js';

/**
 * The gateway's side of the error mapping: a failed message is answered in the envelope through its
 * acknowledgement (or an `exception` event when the client sent none), with the HTTP status it would have.
 */
@Catch()
export class WsEnvelopeFilter implements ExceptionFilter {
  private readonly logger = new Logger('StreamExceptions');

  catch(exception: unknown, host: ArgumentsHost): void {
    const [socket, , ack] = host.getArgs<[Socket, unknown, unknown]>();
    const { status, body } = mapException(exception, this.logger);
    const envelope = errorEnvelope(body.message, { statusCode: status, details: body.data });
    if (typeof ack === 'function') (ack as (response: unknown) => void)(envelope);
    else socket.emit('exception', envelope);
  }
}
