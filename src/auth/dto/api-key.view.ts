import { ApiProperty } from '@nestjs/swagger';
import { API_KEY_SCOPES, type ApiKeyScope } from '../api-key-scope.js';
import type { ApiKeyRecord } from '../api-key-record.js';

/** An API key as listed: never the secret, never its hash. */
export class ApiKeyView {
  @ApiProperty({ example: 'key_3f9a1c0b2d4e5f60' })
  id!: string;

  @ApiProperty({ example: 'trading-ui' })
  name!: string;

  @ApiProperty({ enum: API_KEY_SCOPES, isArray: true })
  scopes!: ApiKeyScope[];

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'er_AbC1',
    description:
      'For a key Edgerunner generated: `er_` and the first 4 characters of its random part, to tell ' +
      'keys apart. null for a key someone chose (the EDGERUNNER_API_KEY admin key): none of its ' +
      'characters is ever shown.',
  })
  prefix!: string | null;

  @ApiProperty({ example: '2026-01-02T03:04:05.678Z' })
  createdAt!: string;

  @ApiProperty({ type: String, nullable: true, example: null })
  revokedAt!: string | null;

  static from(record: ApiKeyRecord): ApiKeyView {
    const { id, name, scopes, prefix, createdAt, revokedAt } = record;
    return Object.assign(new ApiKeyView(), { id, name, scopes: [...scopes], prefix, createdAt, revokedAt });
  }
}

export class CreatedApiKeyView extends ApiKeyView {
  @ApiProperty({ example: 'er_…', description: 'The key itself. Shown once: store it now.' })
  key!: string;
}
