import { acceptsCsv } from './accepts-csv.js';

describe('acceptsCsv', () => {
  it('follows ?format= whatever the Accept header says', () => {
    expect(acceptsCsv('csv', 'application/json')).toBe(true);
    expect(acceptsCsv('json', 'text/csv')).toBe(false);
  });

  it.each([
    [undefined, false],
    ['text/csv', true],
    ['Text/CSV; charset=utf-8', true],
    ['application/json', false],
    ['*/*', false],
    ['text/csv, application/json', true],
    ['application/json, text/csv', false],
    ['application/json;q=0.5, text/csv', true],
    ['text/csv;q=0.2, application/json;q=0.9', false],
    ['text/csv;q=0', false],
    ['text/html, */*;q=0.8', false],
  ])('Accept: %s → CSV %s', (accept, csv) => {
    expect(acceptsCsv(undefined, accept)).toBe(csv);
  });
});
