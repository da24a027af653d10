import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiPayloadTooLargeResponse, ApiTags } from '@nestjs/swagger';
import { RequireScope } from '../auth/auth.decorators.js';
import { ValidationFailedError } from '../common/errors/app-error.js';
import { ResponseMessage } from '../common/http/response-message.decorator.js';
import { ApiEnvelopeResponse, ApiErrorResponses } from '../common/swagger/api-envelope-response.decorator.js';
import { CSV_BODY_LIMIT_BYTES } from './csv-body.parser.js';
import { BAR_TIME_FORMATS } from './csv/parse-bar-time.js';
import { MAX_LISTED_PROBLEMS } from './csv/parse-bar-csv.js';
import { DatasetListQuery } from './dto/dataset-list.query.js';
import { DatasetPageView, DatasetView } from './dto/dataset.view.js';
import { UploadDatasetQuery } from './dto/upload-dataset.query.js';
import { MarketDataService } from './market-data.service.js';

const UPLOAD_DESCRIPTION =
  'The body is a CSV file (Content-Type: text/csv, at most ' +
  `${CSV_BODY_LIMIT_BYTES / 1024 / 1024} MB): a header row naming time,open,high,low,close and optionally ` +
  `volume, then one bar a line, in any order. time is ${BAR_TIME_FORMATS}; times are UTC and each must ` +
  'open a bar of the timeframe. Any bad line (a repeated time, high below low, a price not above 0, a ' +
  `number that is not finite, a time off the grid) refuses the whole file with a 400 listing the first ` +
  `${MAX_LISTED_PROBLEMS} bad lines by number (the header is line 1); nothing is stored.`;

@ApiTags('market-data')
@Controller('market-data')
export class MarketDataController {
  constructor(private readonly marketData: MarketDataService) {}

  @Post('upload')
  @HttpCode(HttpStatus.CREATED)
  @RequireScope('trade')
  @ApiOperation({
    summary: 'Upload a CSV of bars as a dataset to backtest on',
    description: UPLOAD_DESCRIPTION,
  })
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: {
      type: 'string',
      example: 'time,open,high,low,close,volume\n2024-01-02T00:00:00Z,100,101,99,100.5,1200\n',
    },
  })
  @ApiEnvelopeResponse(DatasetView, { status: HttpStatus.CREATED })
  @ApiErrorResponses(HttpStatus.BAD_REQUEST)
  @ApiPayloadTooLargeResponse({ description: `The file is over ${CSV_BODY_LIMIT_BYTES / 1024 / 1024} MB` })
  @ResponseMessage('Dataset stored')
  upload(@Query() query: UploadDatasetQuery, @Body() csv: unknown): Promise<DatasetView> {
    // Any other content type reaches here parsed as something else (JSON, say), or not at all.
    if (typeof csv !== 'string')
      throw new ValidationFailedError('The body must be a CSV file sent as Content-Type: text/csv');
    return this.marketData.createDataset({ ...query, csv });
  }

  @Get('datasets')
  @RequireScope('read')
  @ApiOperation({ summary: 'Uploaded datasets, newest first, paged with a cursor' })
  @ApiEnvelopeResponse(DatasetPageView)
  @ApiErrorResponses(HttpStatus.BAD_REQUEST)
  list(@Query() query: DatasetListQuery): Promise<DatasetPageView> {
    return this.marketData.listDatasets(query.limit, query.cursor);
  }

  @Get('datasets/:id')
  @RequireScope('read')
  @ApiOperation({ summary: 'One dataset' })
  @ApiEnvelopeResponse(DatasetView)
  @ApiErrorResponses(HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND)
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<DatasetView> {
    return this.marketData.getDataset(id);
  }

  @Delete('datasets/:id')
  @RequireScope('trade')
  @ApiOperation({ summary: 'Delete a dataset and its bars' })
  @ApiEnvelopeResponse(DatasetView)
  @ApiErrorResponses(HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND)
  @ResponseMessage('Dataset deleted')
  remove(@Param('id', new ParseUUIDPipe()) id: string): Promise<DatasetView> {
    return this.marketData.deleteDataset(id);
  }
}
