import { describe, it, expect } from 'vitest';
import { createRng, mulberry32 } from './random';

describe('mulberry32', () => {
  it('matches the reference implementation for seed 1', () => {
    // Reference values from bryc's canonical JS mulberry32 (cross-checked with a Python port):
    // seed 1 → 0.6270739405881613, 0.002735721180215478, 0.5274470399599522
    const g = mulberry32(1);
    expect([g(), g(), g()]).toEqual([0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
  });

  it('matches the reference implementation for seed 42', () => {
    // seed 42 → 0.6011037519201636, 0.44829055899754167
    const g = mulberry32(42);
    expect([g(), g()]).toEqual([0.6011037519201636, 0.44829055899754167]);
  });
});

describe('createRng', () => {
  it('is deterministic: same seed → same sequence', () => {
    const a = createRng(2026);
    const b = createRng(2026);
    const seqA = Array.from({ length: 100 }, () => a.next());
    const seqB = Array.from({ length: 100 }, () => b.next());
    expect(seqA).toEqual(seqB);
  });

  it('differs for different seeds', () => {
    expect(createRng(1).next()).not.toBe(createRng(2).next());
  });

  it('next() stays in [0, 1)', () => {
    const r = createRng(7);
    for (let i = 0; i < 10_000; i++) {
      const x = r.next();
      expect(x >= 0 && x < 1).toBe(true);
    }
  });

  it('int(1, 6) with seed 1 → 4 (⌊0.62707·6⌋ + 1 = 3 + 1)', () => {
    expect(createRng(1).int(1, 6)).toBe(4);
  });

  it('int(min, max) is inclusive and hits both ends', () => {
    const r = createRng(3);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(r.int(-2, 2));
    expect([...seen].sort((x, y) => x - y)).toEqual([-2, -1, 0, 1, 2]);
  });

  it('int rejects max < min', () => {
    expect(() => createRng(1).int(5, 4)).toThrow(RangeError);
  });

  it("pick with seed 1 from ['a','b','c','d'] → 'c' (⌊0.62707·4⌋ = 2)", () => {
    expect(createRng(1).pick(['a', 'b', 'c', 'd'])).toBe('c');
  });

  it('pick throws on an empty array', () => {
    expect(() => createRng(1).pick([])).toThrow(RangeError);
  });

  it('chance(p) with seed 1: 0.62707 < 0.7 → true; a fresh rng with 0.6 → false', () => {
    expect(createRng(1).chance(0.7)).toBe(true);
    expect(createRng(1).chance(0.6)).toBe(false);
  });

  it('chance(0.25) is true about a quarter of the time', () => {
    const r = createRng(99);
    let hits = 0;
    for (let i = 0; i < 20_000; i++) if (r.chance(0.25)) hits++;
    // expected 5000, σ = √(20000·0.25·0.75) ≈ 61; allow ±5σ
    expect(Math.abs(hits - 5000)).toBeLessThan(300);
  });

  it('weighted follows the weights (60/40) and never picks weight 0', () => {
    const r = createRng(5);
    let a = 0;
    for (let i = 0; i < 10_000; i++) {
      const v = r.weighted([
        ['a', 60],
        ['b', 40],
        ['z', 0],
      ] as const);
      expect(v).not.toBe('z');
      if (v === 'a') a++;
    }
    // expected 6000, σ = √(10000·0.6·0.4) ≈ 49; allow ±5σ
    expect(Math.abs(a - 6000)).toBeLessThan(250);
  });
});
