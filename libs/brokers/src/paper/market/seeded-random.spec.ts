import { deriveSeed, SeededRandom } from './seeded-random.js';

describe('SeededRandom', () => {
  const draw = (random: SeededRandom, n: number): number[] => Array.from({ length: n }, () => random.next());

  it('repeats the same sequence for the same seed, and not for another', () => {
    expect(draw(new SeededRandom(42), 50)).toEqual(draw(new SeededRandom(42), 50));
    expect(draw(new SeededRandom(42), 50)).not.toEqual(draw(new SeededRandom(43), 50));
  });

  it('draws uniforms in [0, 1) and standard normals', () => {
    const random = new SeededRandom(1);
    const uniforms = draw(random, 10_000);
    expect(Math.min(...uniforms)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...uniforms)).toBeLessThan(1);
    const normals = Array.from({ length: 20_000 }, () => random.gaussian());
    const mean = normals.reduce((a, b) => a + b, 0) / normals.length;
    const variance = normals.reduce((a, b) => a + (b - mean) ** 2, 0) / normals.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(Math.sqrt(variance) - 1)).toBeLessThan(0.03);
  });

  it('derives distinct, stable seeds per label', () => {
    expect(deriveSeed(42, 'walk:BTCUSDT')).toBe(deriveSeed(42, 'walk:BTCUSDT'));
    expect(deriveSeed(42, 'walk:BTCUSDT')).not.toBe(deriveSeed(42, 'walk:ETHUSDT'));
    expect(deriveSeed(42, 'walk:BTCUSDT')).not.toBe(deriveSeed(7, 'walk:BTCUSDT'));
  });
});
