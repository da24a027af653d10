import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiProduces, getSchemaPath } from '@nestjs/swagger';
import { BaseResponse } from '../common/swagger/base-response.dto.js';
import { FILL_CSV_HEADER } from './csv/fill-csv.js';
import { FillPageView } from './dto/fill.view.js';

/** GET /trades answers either the envelope with a page (JSON) or the whole log as CSV: both documented. */
export function ApiTradeLogResponse(): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(BaseResponse, FillPageView),
    ApiProduces('application/json', 'text/csv'),
    ApiOkResponse({
      description:
        'JSON: one page in the envelope. CSV (?format=csv or Accept: text/csv): every matching fill, ' +
        'not paged, as an attachment; errors are still JSON envelopes.',
      content: {
        'application/json': {
          schema: {
            allOf: [
              { $ref: getSchemaPath(BaseResponse) },
              { properties: { data: { $ref: getSchemaPath(FillPageView) } } },
            ],
          },
        },
        'text/csv': { schema: { type: 'string', example: FILL_CSV_HEADER } },
      },
    }),
  );
}
