export const CONNECTION_STATUSES = ['connecting', 'connected', 'reconnecting', 'down'] as const;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];
