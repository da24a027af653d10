import { applyDecorators, HttpStatus, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { BaseResponse } from './base-response.dto.js';

export interface EnvelopeResponseOptions {
  readonly status?: HttpStatus;
  readonly isArray?: boolean;
  readonly description?: string;
}

/** Documents a route's success response as the envelope with `data` typed as `model`. */
export function ApiEnvelopeResponse(model: Type, options: EnvelopeResponseOptions = {}): MethodDecorator {
  const item = { $ref: getSchemaPath(model) };
  return applyDecorators(
    ApiExtraModels(BaseResponse, model),
    ApiResponse({
      status: options.status ?? HttpStatus.OK,
      description: options.description,
      schema: {
        allOf: [
          { $ref: getSchemaPath(BaseResponse) },
          { properties: { data: options.isArray ? { type: 'array', items: item } : item } },
        ],
      },
    }),
  );
}

/** Documents the error envelope for the given statuses. */
export function ApiErrorResponses(...statuses: HttpStatus[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(BaseResponse),
    ...statuses.map((status) => ApiResponse({ status, schema: { $ref: getSchemaPath(BaseResponse) } })),
  );
}
