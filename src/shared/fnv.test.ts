import { describe, expect, it } from 'vitest';
import { fnv1a32 } from './fnv';

describe('fnv1a32', () => {
  it('matches the published FNV-1a 32-bit test vectors', () => {
    // From the FNV reference test suite (Fowler/Noll/Vo): these pin the algorithm, so seeded demo data cannot drift.
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('is an unsigned 32-bit integer that depends on order', () => {
    const h = fnv1a32('sre_supervisor-W7MyNnE0HE');
    expect(Number.isInteger(h) && h >= 0 && h <= 0xffffffff).toBe(true);
    expect(fnv1a32('ab')).not.toBe(fnv1a32('ba'));
  });
});
