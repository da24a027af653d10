/** A parameter a strategy does not accept: unknown, of the wrong type, or out of its range. */
export class StrategyParameterError extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
    this.name = 'StrategyParameterError';
  }
}

/** The bars given cannot run the strategy: none at all, or fewer than its warm-up needs. */
export class InsufficientBarsError extends Error {
  constructor(
    readonly bars: number,
    readonly required: number,
  ) {
    super(
      bars === 0
        ? 'No bars in the range: nothing to backtest'
        : `The range holds ${bars} bars but the strategy needs more than ${required} to warm up`,
    );
    this.name = 'InsufficientBarsError';
  }
}
