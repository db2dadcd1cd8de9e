import { describe, expect, it } from 'vitest';
import { boardLatency } from './board-format';

describe('board latency', () => {
  it('writes seconds with one decimal from a second up, and a dash for no data', () => {
    expect(boardLatency(7009)).toBe('7.0 s');
    expect(boardLatency(850.4)).toBe('850 ms');
    expect(boardLatency(null)).toBe('–');
    expect(boardLatency(Number.NaN)).toBe('–');
  });
});
