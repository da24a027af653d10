import { UnprocessableError } from '../../common/errors/app-error.js';

/** The strategy's hook refused the signal (HTTP 422); `details.reason` is the strategy's own reason. */
export class SignalRefusedError extends UnprocessableError {}
