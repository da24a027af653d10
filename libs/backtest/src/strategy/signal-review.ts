/**
 * A signal fired at a strategy from outside (a script, a TradingView alert), as the strategy's
 * `reviewSignal` hook sees it: decimals stay strings, as they arrived.
 */
export interface SignalProposal {
  readonly symbol: string;
  readonly side?: 'buy' | 'sell';
  readonly quantity?: string;
  readonly percentOfEquity?: string;
  readonly targetPosition?: string;
  readonly price?: string;
  readonly takeProfit?: string;
  readonly stopLoss?: string;
}

/** The hook's answer: the signal to trade (as sent, or reshaped), or a refusal with its reason. */
export type SignalReview = { readonly accept: SignalProposal } | { readonly refuse: string };
