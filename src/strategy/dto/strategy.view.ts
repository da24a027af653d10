import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';

/** One parameter of a strategy: its type, default and allowed values or range. */
export class ParameterSpecView {
  @ApiProperty({ enum: ['integer', 'number', 'boolean', 'enum'] })
  type!: string;

  @ApiProperty({ oneOf: [{ type: 'number' }, { type: 'boolean' }, { type: 'string' }], example: 10 })
  default!: number | boolean | string;

  @ApiPropertyOptional({ example: 2, description: 'integer and number: the smallest value accepted' })
  min?: number;

  @ApiPropertyOptional({ example: 500, description: 'integer and number: the largest value accepted' })
  max?: number;

  @ApiPropertyOptional({ type: [String], description: 'enum: the values accepted' })
  values?: string[];

  @ApiProperty({ example: 'Bars of the fast moving average' })
  description!: string;
}

/** A strategy GET /strategies lists, and POST /backtest/run accepts by `name`. */
export class StrategyView {
  @ApiProperty({ example: 'sma-crossover' })
  name!: string;

  @ApiProperty({ example: 'Long when the fast SMA crosses above the slow one, flat when it crosses below' })
  description!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(ParameterSpecView) },
    description: 'Each parameter by name',
  })
  parameters!: Record<string, ParameterSpecView>;

  @ApiProperty({
    example: 30,
    description:
      'Closed bars the strategy needs before its first signal, with the default parameters (a run needs more bars than this)',
  })
  warmupBars!: number;
}
