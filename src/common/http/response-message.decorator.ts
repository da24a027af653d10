import { SetMetadata } from '@nestjs/common';

export const RESPONSE_MESSAGE = 'edgerunner:response-message';

/** The envelope's `message` for a successful response of this route. */
export const ResponseMessage = (message: string): MethodDecorator => SetMetadata(RESPONSE_MESSAGE, message);
