import { UnavailableError } from '../common/errors/app-error.js';

/** The database did not commit a batch of order writes: none of the batch was stored (a 503). */
export class OrderStorageError extends UnavailableError {}
