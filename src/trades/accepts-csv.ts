import type { TradeLogFormat } from './dto/trade-list.query.js';

const CSV = 'text/csv';
const JSON_TYPE = 'application/json';

/** The media ranges of an Accept header we can serve, with their weight and position. */
function weights(accept: string): { type: string; q: number; index: number }[] {
  return accept
    .split(',')
    .map((range, index) => {
      const [type = '', ...parameters] = range.split(';').map((part) => part.trim().toLowerCase());
      const q = parameters.find((parameter) => parameter.startsWith('q='));
      return { type, q: q === undefined ? 1 : Number(q.slice(2)), index };
    })
    .filter(({ type, q }) => (type === CSV || type === JSON_TYPE) && q > 0);
}

/**
 * Whether to answer with CSV: `?format=` decides when given; otherwise the Accept header, when it names
 * text/csv above application/json (by weight, then by order). Wildcards pick the default, JSON.
 */
export function acceptsCsv(format: TradeLogFormat | undefined, accept: string | undefined): boolean {
  if (format !== undefined) return format === 'csv';
  if (accept === undefined) return false;
  const [best] = weights(accept).sort((a, b) => b.q - a.q || a.index - b.index);
  return best?.type === CSV;
}
