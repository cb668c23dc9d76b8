/**
 * Tiny deterministic PRNG (mulberry32, 32-bit state) for seed data and tests.
 * Not cryptographic. Same seed → same sequence on every platform.
 */

export interface Rng {
  /** Float in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** Uniformly chosen element; throws on an empty array. */
  pick<T>(arr: readonly T[]): T;
  /** true with probability p (p ≤ 0 → never, p ≥ 1 → always). */
  chance(p: number): boolean;
  /** Element chosen with probability proportional to its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
}

// mulberry32 step: state += 0x6D2B79F5, then xorshift-multiply mix → uint32 / 2^32; e.g. mulberry32(1)() → 0.6270739405881613.
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Seeded RNG with helpers (seed taken modulo 2^32); e.g. createRng(1).int(1, 6) → 4 (⌊0.627·6⌋ + 1).
export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  const int = (min: number, max: number): number => {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new RangeError(`int(${min}, ${max}): se esperan enteros con min ≤ max`);
    }
    return min + Math.floor(next() * (max - min + 1));
  };
  return {
    next,
    int,
    pick<T>(arr: readonly T[]): T {
      if (arr.length === 0) throw new RangeError('pick() sobre una lista vacía');
      return arr[Math.floor(next() * arr.length)];
    },
    chance(p: number): boolean {
      return next() < p;
    },
    weighted<T>(entries: readonly (readonly [T, number])[]): T {
      const total = entries.reduce((s, [, w]) => s + Math.max(0, w), 0);
      if (!(total > 0)) throw new RangeError('weighted() necesita al menos un peso positivo');
      let r = next() * total;
      for (const [value, w] of entries) {
        if (w <= 0) continue;
        r -= w;
        if (r < 0) return value;
      }
      // Floating-point slack: fall back to the last positive-weight entry.
      for (let i = entries.length - 1; i >= 0; i--) if (entries[i][1] > 0) return entries[i][0];
      throw new RangeError('unreachable');
    },
  };
}
