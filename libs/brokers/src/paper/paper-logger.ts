/**
 * Where the paper broker reports what an operator should hear about but that must not stop it, such as
 * a torn last journal line, or a journal that can no longer be written.
 */
export type PaperLogger = (level: 'warn' | 'error', message: string) => void;

/** Node's process warnings: shown on stderr unless the host silences them. */
export const processWarningLogger: PaperLogger = (level, message) =>
  process.emitWarning(message, { type: level === 'error' ? 'PaperBrokerError' : 'PaperBrokerWarning' });
