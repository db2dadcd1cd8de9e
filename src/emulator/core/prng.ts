/**
 * Seeded pseudo-random numbers. Every generated fleet value and every fault
 * decision draws from here, so the same seed gives the same world and the same
 * failures — tests and screenshots stay stable across runs and machines.
 */

/** FNV-1a over the seed and keys: derives independent streams per purpose. */
export function hashSeed(seed: number, ...keys: Array<string | number>): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (const key of keys) {
    const s = String(key);
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= 0x2f; // separator, so ('ab','c') differs from ('a','bc')
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  int(min: number, maxInclusive: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  /** Random string over an alphabet, e.g. AWS-style resource id suffixes. */
  chars(length: number, alphabet?: string): string;
}

/** mulberry32: tiny, fast and good enough for demo data and fault dice. */
export function createRng(seed: number, ...keys: Array<string | number>): Rng {
  let state = keys.length > 0 ? hashSeed(seed, ...keys) : seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
    chance: (p) => next() < p,
    chars: (length, alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789') => {
      let out = '';
      for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * alphabet.length)];
      return out;
    },
  };
}
