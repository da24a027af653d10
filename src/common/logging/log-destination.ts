/**
 * Where log lines are written when a provider of this token exists (tests capture them so); without
 * one, pino writes to stdout. nestjs-pino keeps the first app's logger for the whole process.
 */
export const LOG_DESTINATION = Symbol('LOG_DESTINATION');
