import { StartupError } from './common/startup-error.js';
import { ConfigurationError } from './config/configuration-error.js';

/** The one line a failed start prints after "Edgerunner cannot start: ". */
export function describeStartFailure(error: unknown): string {
  if (error instanceof StartupError || error instanceof ConfigurationError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return `unexpected error: ${message.split('\n')[0] ?? ''}`;
}

/** Everything known about the failure, for LOG_LEVEL=debug: each error's stack, down its causes. */
export function describeStartFailureInDetail(error: unknown): string {
  const lines: string[] = [];
  let current: unknown = error;
  while (current instanceof Error) {
    lines.push(current.stack ?? current.message);
    current = current.cause;
  }
  if (current !== undefined) lines.push(JSON.stringify(current) ?? 'undefined');
  return lines.join('\ncaused by: ');
}
