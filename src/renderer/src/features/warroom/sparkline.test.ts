import { describe, expect, it } from 'vitest';
import { sparklinePaths } from './sparkline';

describe('sparkline paths', () => {
  it('breaks the line at minutes without invocations instead of drawing zeros', () => {
    const paths = sparklinePaths([100, 200, null, 300, 400], 400);
    expect(paths).toHaveLength(2);
    expect(paths[0]!.match(/[ML]/g)).toEqual(['M', 'L']);
    expect(paths[1]!.match(/[ML]/g)).toEqual(['M', 'L']);
  });

  it('draws a lone minute as a dot and nothing for an empty window', () => {
    expect(sparklinePaths([null, 50, null], 100)).toEqual([expect.stringMatching(/^M[\d.]+,[\d.]+ h0\.01$/)]);
    expect(sparklinePaths([null, null], 100)).toEqual([]);
  });

  it('puts higher latency higher on the tile and clamps at the top', () => {
    const [path] = sparklinePaths([0, 400, 800], 400);
    const ys = [...path!.matchAll(/,([\d.]+)/g)].map((m) => Number(m[1]));
    expect(ys[0]).toBeGreaterThan(ys[1]!);
    expect(ys[2]).toBe(ys[1]);
  });
});
