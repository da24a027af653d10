import type { DecimalString } from './decimal-string.js';

/** Trading rules of one symbol: every price is a multiple of `tickSize`, every quantity of `lotSize`. */
export interface Instrument {
  readonly symbol: string;
  readonly assetClass: string;
  readonly quoteCurrency: string;
  readonly tickSize: DecimalString;
  readonly lotSize: DecimalString;
  readonly minQuantity: DecimalString;
}
