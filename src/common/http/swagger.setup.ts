import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { BEARER_AUTH } from '../swagger/bearer-auth.js';
import { API_VERSION_HEADER, CURRENT_API_VERSION, REQUEST_ID_HEADER } from './api-version.js';

/** Swagger UI at /docs and the OpenAPI document at /docs-json. */
export function setupSwagger(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Edgerunner')
    .setDescription(
      'One REST API over paper, Bybit, IBKR and MT5 accounts. Every response is the envelope ' +
        '`{ status, data, message }`; prices, quantities and money are decimal strings; times are UTC ISO 8601. ' +
        `Send \`${API_VERSION_HEADER}\` to pin the API version (default ${CURRENT_API_VERSION}); every response carries ` +
        `it, and \`${REQUEST_ID_HEADER}\` names the request in the logs.\n\n` +
        'Live updates: the Socket.IO namespace `/ws/broker` (connect with `auth: { token: <read key> }`; ' +
        'messages `subscribe`, `unsubscribe`, `resync` with `{ accounts?, channels?, symbols? }`; channels ' +
        '`orders`, `positions`, `pnl`, `account`, `prices`; every event `{ channel, account, type, seq, epoch, ts, data }`, ' +
        'a snapshot first, then deltas numbered one by one). See the README for the protocol.',
    )
    .setVersion(CURRENT_API_VERSION)
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An Edgerunner API key' }, BEARER_AUTH)
    .addGlobalParameters({
      name: API_VERSION_HEADER,
      in: 'header',
      required: false,
      schema: { type: 'string', enum: [CURRENT_API_VERSION], default: CURRENT_API_VERSION },
    })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
