import type { RiskViolation } from '../risk-rule.js';

/** Refuses a symbol outside `allowed`; no list allows every symbol. */
export function checkAllowedSymbols(
  allowed: readonly string[] | undefined,
  symbol: string,
): RiskViolation | null {
  if (allowed === undefined || allowed.includes(symbol)) return null;
  const list = allowed.length > 0 ? allowed.join(', ') : 'none';
  return {
    rule: 'allowed_symbols',
    message: `symbol ${symbol} is not allowed on this account: allowed symbols are ${list}`,
    limit: list,
    value: symbol,
  };
}
