/** How closely an indicator's output follows a reference library's, bar by bar. */
export interface SeriesAgreement {
  /** First index where ours is a number (-1 if never). */
  readonly firstReady: number;
  /** First index where the reference is a number (-1 if never). */
  readonly referenceFirstReady: number;
  /** Indices where both are numbers. */
  readonly compared: number;
  /** Indices at or after both first-ready points where exactly one of the two has a value. */
  readonly readinessMismatches: number;
  /** Largest |ours - reference| / max(|reference|, scale[i]) over the compared indices. */
  readonly maxRelativeError: number;
}

type Reference = ArrayLike<number | null | undefined>;

function hasValue(value: number | null | undefined): value is number {
  return value !== null && value !== undefined && !Number.isNaN(value);
}

function firstIndexWithValue(values: Reference): number {
  for (let index = 0; index < values.length; index++) if (hasValue(values[index])) return index;
  return -1;
}

/**
 * Compares two equally long series. `scale` gives a floor for the error's denominator where the value
 * itself can sit at zero (a MACD line's rounding scales with the price, not with its own size).
 */
export function measureAgreement(
  ours: ArrayLike<number>,
  reference: Reference,
  scale?: ArrayLike<number>,
): SeriesAgreement {
  if (ours.length !== reference.length) {
    throw new Error(`series lengths differ: ${ours.length} vs ${reference.length}`);
  }
  const firstReady = firstIndexWithValue(ours);
  const referenceFirstReady = firstIndexWithValue(reference);
  const bothReadyFrom = Math.max(firstReady, referenceFirstReady);
  let compared = 0;
  let readinessMismatches = 0;
  let maxRelativeError = 0;
  for (let index = 0; index < ours.length; index++) {
    const mine = ours[index]!;
    const theirs = reference[index];
    if (hasValue(mine) && hasValue(theirs)) {
      compared++;
      const denominator = Math.max(Math.abs(theirs), scale ? Math.abs(scale[index]!) : 0, Number.MIN_VALUE);
      maxRelativeError = Math.max(maxRelativeError, Math.abs(mine - theirs) / denominator);
    } else if (index >= bothReadyFrom && hasValue(mine) !== hasValue(theirs)) {
      readinessMismatches++;
    }
  }
  return { firstReady, referenceFirstReady, compared, readinessMismatches, maxRelativeError };
}
