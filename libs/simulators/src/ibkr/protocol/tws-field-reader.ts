/** Both clients' spellings of an unset int (IB's own client writes Integer.MAX_VALUE, @stoqey/ib often ""). */
const UNSET_INT = '2147483647';
/** Double.MAX_VALUE as Java, Python and JavaScript print it: IB's "unset" for prices. */
const UNSET_DOUBLE = /^1\.7976931348623157e\+?308$/i;

/** A request the simulator cannot read: answered with IB's 320/321, as TWS answers a malformed field. */
export class TwsRequestError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** Reads a message's fields in order, as TWS's own decoder does; a missing field is a malformed request. */
export class TwsFieldReader {
  private index = 0;

  constructor(
    private readonly fields: readonly string[],
    private readonly name: string,
  ) {}

  get remaining(): number {
    return this.fields.length - this.index;
  }

  string(): string {
    if (this.index >= this.fields.length)
      throw new TwsRequestError(320, `Error reading request: ${this.name} ends early`);
    return this.fields[this.index++]!;
  }

  /** Skips `count` fields the simulator does not act on. */
  skip(count: number): void {
    for (let i = 0; i < count; i++) this.string();
  }

  /** An int; "" and Integer.MAX_VALUE are unset. */
  optionalInt(): number | undefined {
    const text = this.string();
    if (text === '' || text === UNSET_INT) return undefined;
    const value = Number(text);
    if (!Number.isInteger(value))
      throw new TwsRequestError(321, `Error validating request: ${this.name} has "${text}" for an integer`);
    return value;
  }

  int(fallback = 0): number {
    return this.optionalInt() ?? fallback;
  }

  /** A price or decimal kept as text; "" and Double.MAX_VALUE are unset. */
  optionalDecimal(): string | undefined {
    const text = this.string().replace(/,/g, '');
    if (text === '' || UNSET_DOUBLE.test(text)) return undefined;
    if (!Number.isFinite(Number(text)))
      throw new TwsRequestError(321, `Error validating request: ${this.name} has "${text}" for a number`);
    return text;
  }

  /** "1" is true; "0" and "" are false. */
  bool(): boolean {
    const text = this.string();
    return text !== '' && Number(text) !== 0;
  }

  /** Whether the `transmit`-like flag was set at all: "" means the client left it unset. */
  optionalBool(): boolean | undefined {
    const text = this.string();
    return text === '' ? undefined : Number(text) !== 0;
  }
}
