import { csvField, csvRow } from './csv-row.js';

describe('CSV (RFC 4180)', () => {
  it('leaves plain fields as they are and writes null as an empty field', () => {
    expect(csvRow(['BTCUSDT', '-0.5', null, '2026-01-01T00:00:00.000Z'])).toBe(
      'BTCUSDT,-0.5,,2026-01-01T00:00:00.000Z\r\n',
    );
  });

  it.each([
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['"', '""""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r', '"cr\r"'],
    ['', ''],
  ])('quotes %j as %j', (value, field) => {
    expect(csvField(value)).toBe(field);
  });
});
