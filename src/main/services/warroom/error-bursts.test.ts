import { describe, expect, it } from 'vitest';
import { burstTitle, errorBursts } from './error-bursts';

const M = 60_000;
const T = 1_000 * M;
const lines = (minute: number, n: number, offset = 0) =>
  Array.from({ length: n }, (_, i) => ({ timestamp: T + minute * M + offset + i, message: `boom ${minute}.${i}` }));

describe('errorBursts', () => {
  it('merges consecutive minutes of at least 5 error lines into one burst, starting at its first line', () => {
    const bursts = errorBursts([...lines(1, 9, 30_000), ...lines(0, 7, 20_000), ...lines(2, 7)]);
    expect(bursts).toEqual([{ at: T + 20_000, start: T, end: T + 3 * M, lines: 23, minutes: 3, firstMessage: 'boom 0.0' }]);
    expect(burstTitle(bursts[0]!)).toBe('23 error lines in 3 min');
  });

  it('needs 5 lines in a minute; a quiet minute splits bursts', () => {
    expect(errorBursts(lines(0, 4))).toEqual([]);
    const split = errorBursts([...lines(0, 5), ...lines(1, 4), ...lines(2, 6)]);
    expect(split.map((b) => [b.start, b.lines, b.minutes])).toEqual([
      [T, 5, 1],
      [T + 2 * M, 6, 1],
    ]);
    expect(errorBursts([])).toEqual([]);
  });
});
