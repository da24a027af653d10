import { ValidationFailedError } from '../../common/errors/app-error.js';
import type { RunBacktestDto } from '../dto/run-backtest.dto.js';
import type { BacktestSource } from './backtest-record.js';

/**
 * The data source a request names: a dataset, or an account's symbols over a range. `defaultAccount` is
 * the only configured account, when there is one. Both at once, or a range that ends before it starts, is
 * a 400.
 */
export function toBacktestSource(body: RunBacktestDto, defaultAccount: () => string): BacktestSource {
  const range = checkedRange(body.from, body.to);
  if (body.datasetId !== undefined) {
    const mixed = (['account', 'symbols', 'timeframe'] as const).filter((field) => body[field] !== undefined);
    if (mixed.length > 0) {
      throw new ValidationFailedError(`Give either datasetId or account, symbols and timeframe, not both`, {
        fields: mixed.map((field) => ({ field, errors: [`${field} cannot be given with datasetId`] })),
      });
    }
    return { kind: 'dataset', datasetId: body.datasetId, ...range };
  }
  // The DTO requires these without a dataset.
  return {
    kind: 'account',
    account: body.account ?? defaultAccount(),
    symbols: body.symbols ?? [],
    timeframe: body.timeframe ?? '',
    from: range.from ?? '',
    to: range.to ?? '',
  };
}

function checkedRange(from: string | undefined, to: string | undefined): { from?: string; to?: string } {
  const range = {
    ...(from === undefined ? {} : { from: new Date(from).toISOString() }),
    ...(to === undefined ? {} : { to: new Date(to).toISOString() }),
  };
  if (range.from !== undefined && range.to !== undefined && range.from >= range.to) {
    throw new ValidationFailedError('from must be before to', {
      fields: [{ field: 'from', errors: ['from must be before to'] }],
    });
  }
  return range;
}
