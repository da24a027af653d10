import { numeric, timestamp } from 'drizzle-orm/pg-core';

/** Exact decimals, read back as strings: money, prices and quantities never pass through a float. */
export const decimal = (name: string) => numeric(name);

/** UTC instants with milliseconds, as the API hands them out. */
export const instant = (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: 'date' });
