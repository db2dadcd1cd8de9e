import { describe, expect, it } from 'vitest';
import { sparklinePoints } from './sparkline';

describe('sparkline points', () => {
  it('skips minutes without invocations instead of drawing them as zero', () => {
    const xy = sparklinePoints([100, null, 300], 300);
    expect(xy).toHaveLength(2);
    expect(xy[1]![0]).toBeGreaterThan(xy[0]![0]);
  });

  it('draws nothing for an empty window', () => {
    expect(sparklinePoints([null, null], 100)).toEqual([]);
  });

  it('puts higher latency higher on the tile and clamps at the top', () => {
    const ys = sparklinePoints([0, 400, 800], 400).map(([, y]) => y);
    expect(ys[0]).toBeGreaterThan(ys[1]!);
    expect(ys[2]).toBe(ys[1]);
  });
});
