import { commentFor, MT5_COMMENT_LENGTH } from './mt5-client-order-ids.js';

describe('commentFor', () => {
  it('keeps a short client id as it is', () => {
    expect(commentFor('strategy-7:42')).toBe('strategy-7:42');
  });

  it('turns a long id into a stable digest that fits a comment, different per id', () => {
    const a = commentFor(`er-${'a'.repeat(32)}`);
    expect(a).toHaveLength(MT5_COMMENT_LENGTH);
    expect(commentFor(`er-${'a'.repeat(32)}`)).toBe(a);
    expect(commentFor(`er-${'b'.repeat(32)}`)).not.toBe(a);
  });

  it('digests a short id that looks like a digest, so no client id can pose as another', () => {
    expect(commentFor('er#abc')).not.toBe('er#abc');
  });
});
