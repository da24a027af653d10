/** Where the adapter reports what it sees: the app passes its own logger; never given secrets. */
export type BybitLogger = (level: 'debug' | 'log' | 'warn' | 'error', message: string) => void;

export const silentBybitLogger: BybitLogger = () => undefined;
