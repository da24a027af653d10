import type { SchemaObject } from '@nestjs/swagger';
import { BROKER_VENUES } from '#brokers';

/**
 * The body of POST /accounts as OpenAPI describes it: an account as the config file writes one, its
 * broker's options under the broker's name. The options are checked by the venue's own schema (the same
 * as at start-up), so each venue's object is open here.
 */
export const ACCOUNT_DEFINITION_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['name', 'broker'],
  properties: {
    name: { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]{0,63}$', example: 'bybit-desk' },
    broker: { type: 'string', enum: BROKER_VENUES.map((venue) => venue.kind) },
    autoConnect: { type: 'boolean', default: true },
    risk: {
      type: 'object',
      additionalProperties: true,
      description: 'Pre-trade risk limits, as in the config file',
    },
    ...Object.fromEntries(
      BROKER_VENUES.map((venue) => [
        venue.kind,
        {
          type: 'object',
          additionalProperties: true,
          description: `${venue.label} options, as under \`${venue.kind}:\` in the config file; secrets inline`,
        },
      ]),
    ),
  },
  example: {
    name: 'bybit-desk',
    broker: 'bybit',
    bybit: { apiKey: 'your-bybit-api-key', apiSecret: 'your-bybit-api-secret', testnet: true },
  },
};

/** PATCH /accounts/:name: any of the same fields; the broker's options merge field by field, null removes. */
export const ACCOUNT_PATCH_SCHEMA: SchemaObject = {
  ...ACCOUNT_DEFINITION_SCHEMA,
  required: [],
  example: { bybit: { apiSecret: 'the-rotated-api-secret' } },
};
