import { TwsFieldReader, TwsRequestError } from './tws-field-reader.js';

describe('TwsFieldReader', () => {
  it("takes both clients' spellings of unset: @stoqey/ib's empty field and IB's Integer/Double MAX", () => {
    const reader = new TwsFieldReader(
      ['', '2147483647', '', '1.7976931348623157E308', '1.7976931348623157e+308', '0', '-1', '12.5'],
      'TEST',
    );
    expect([reader.optionalInt(), reader.optionalInt()]).toEqual([undefined, undefined]);
    expect([reader.optionalDecimal(), reader.optionalDecimal(), reader.optionalDecimal()]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect([reader.int(), reader.int(), reader.optionalDecimal()]).toEqual([0, -1, '12.5']);
  });

  it('reads booleans as 1/0, and tells an unset flag from false', () => {
    const reader = new TwsFieldReader(['1', '0', '', '', '0'], 'TEST');
    expect([reader.bool(), reader.bool(), reader.bool()]).toEqual([true, false, false]);
    expect([reader.optionalBool(), reader.optionalBool()]).toEqual([undefined, false]);
  });

  it('answers a short or malformed request with the codes TWS uses (320 reading, 321 validating)', () => {
    const reader = new TwsFieldReader(['abc', '1.2'], 'PLACE_ORDER');
    expect(() => reader.optionalInt()).toThrow(expect.objectContaining({ code: 321 }) as TwsRequestError);
    expect(() => reader.optionalInt()).toThrow(expect.objectContaining({ code: 321 }) as TwsRequestError);
    expect(() => reader.string()).toThrow(
      expect.objectContaining({
        code: 320,
        message: expect.stringContaining('PLACE_ORDER ends early') as string,
      }) as TwsRequestError,
    );
  });
});
