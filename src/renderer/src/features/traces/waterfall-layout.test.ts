import { describe, expect, it } from 'vitest';
import { bigTrace, testSpan, testTrace } from './test-trace';
import { ancestorsOf, axisTicks, isDescendant, layoutWaterfall, MIN_BAR_WIDTH, tickLabel } from './waterfall-layout';

// root ─┬─ a ─── a1 ─── a1x
//       └─ b
// orphan ─── o1
const tree = testTrace([
  testSpan('root', 0, 0, 1000),
  testSpan('a', 1, 0, 600),
  testSpan('a1', 2, 100, 500),
  testSpan('a1x', 3, 200, 200),
  testSpan('b', 1, 600, 1000),
  testSpan('orphan', 0, 250, 750, { orphan: true, parentSpanId: 'gone' }),
  testSpan('o1', 1, 300, 400),
]);
const ids = (rows: { span: { spanId: string } }[]): string[] => rows.map((r) => r.span.spanId);

describe('waterfall layout', () => {
  it('shows every span in display order when nothing is collapsed', () => {
    const { rows } = layoutWaterfall(tree, new Set());
    expect(ids(rows)).toEqual(['root', 'a', 'a1', 'a1x', 'b', 'orphan', 'o1']);
    expect(rows.map((r) => r.hasChildren)).toEqual([true, true, true, false, false, true, false]);
  });

  it('hides the descendants of a collapsed span and only those', () => {
    const { rows } = layoutWaterfall(tree, new Set(['a']));
    expect(ids(rows)).toEqual(['root', 'a', 'b', 'orphan', 'o1']);
    expect(rows[1]?.collapsed).toBe(true);
    expect(ids(layoutWaterfall(tree, new Set(['root'])).rows)).toEqual(['root', 'orphan', 'o1']);
  });

  it('keeps a collapsed span inside a collapsed one hidden, and ignores collapsing a leaf', () => {
    expect(ids(layoutWaterfall(tree, new Set(['a', 'a1'])).rows)).toEqual(['root', 'a', 'b', 'orphan', 'o1']);
    const leaf = layoutWaterfall(tree, new Set(['b'])).rows.find((r) => r.span.spanId === 'b');
    expect(leaf?.collapsed).toBe(false);
  });

  it('places bars as fractions of the trace', () => {
    const { rows, durationMs } = layoutWaterfall(tree, new Set());
    expect(durationMs).toBe(1000);
    expect(rows[0]).toMatchObject({ offset: 0, width: 1, durationMs: 1000, startOffsetMs: 0 });
    expect(rows[2]?.offset).toBeCloseTo(0.1);
    expect(rows[2]?.width).toBeCloseTo(0.4);
    expect(rows[4]).toMatchObject({ offset: 0.6, width: 0.4 });
  });

  it('gives a zero-length span a minimum width, inside the trace even at its end', () => {
    const { rows } = layoutWaterfall(tree, new Set());
    expect(rows[3]).toMatchObject({ offset: 0.2, width: MIN_BAR_WIDTH, durationMs: 0 });
    const atEnd = testTrace([testSpan('r', 0, 0, 100), testSpan('z', 1, 100, 100)]);
    const z = layoutWaterfall(atEnd, new Set()).rows[1];
    expect(z && z.offset + z.width).toBeLessThanOrEqual(1);
    const instant = layoutWaterfall(testTrace([testSpan('r', 0, 5, 5)]), new Set());
    expect(instant.rows[0]).toMatchObject({ offset: 0, width: MIN_BAR_WIDTH });
    expect(instant.ticks).toEqual([{ offset: 0, label: '0 ms' }]);
  });

  it('clamps spans that poke out of the trace (clock skew)', () => {
    const skewed = testTrace([testSpan('r', 0, 0, 100), testSpan('early', 1, -20, 50)], { start: testSpan('x', 0, 0, 0).start });
    const early = layoutWaterfall(skewed, new Set()).rows[1];
    expect(early).toMatchObject({ offset: 0, width: 0.5 });
  });

  it('keeps orphans as roots of their own after the true roots', () => {
    const { rows } = layoutWaterfall(tree, new Set());
    const orphan = rows[5];
    expect(orphan).toMatchObject({ parentRow: -1, position: 2, siblings: 2 });
    expect(orphan?.span.depth).toBe(0);
    expect(rows[6]?.parentRow).toBe(5);
  });

  it('points each row at its visible parent and counts siblings for assistive technology', () => {
    const { rows } = layoutWaterfall(tree, new Set());
    expect(rows.map((r) => r.parentRow)).toEqual([-1, 0, 1, 2, 0, -1, 5]);
    expect(rows.map((r) => `${r.position}/${r.siblings}`)).toEqual(['1/2', '1/2', '1/1', '1/1', '2/2', '2/2', '1/1']);
    const collapsed = layoutWaterfall(tree, new Set(['a'])).rows;
    expect(collapsed.map((r) => r.parentRow)).toEqual([-1, 0, 0, -1, 3]);
  });

  it('lays out 10,000 spans in one linear pass', () => {
    const trace = bigTrace(10_000);
    const began = performance.now();
    const { rows } = layoutWaterfall(trace, new Set());
    const collapsedRows = layoutWaterfall(trace, new Set(['s0'])).rows;
    expect(performance.now() - began).toBeLessThan(100);
    expect(rows).toHaveLength(10_000);
    expect(collapsedRows).toHaveLength(1);
  });
});

describe('ancestry', () => {
  it('finds the ancestors of a span, nearest first', () => {
    expect(ancestorsOf(tree.spans, 3).map((i) => tree.spans[i]?.spanId)).toEqual(['a1', 'a', 'root']);
    expect(ancestorsOf(tree.spans, 6).map((i) => tree.spans[i]?.spanId)).toEqual(['orphan']);
    expect(ancestorsOf(tree.spans, 0)).toEqual([]);
  });

  it('knows whether a span is inside another one’s subtree', () => {
    expect(isDescendant(tree.spans, 1, 3)).toBe(true);
    expect(isDescendant(tree.spans, 1, 4)).toBe(false);
    expect(isDescendant(tree.spans, 0, 6)).toBe(false);
    expect(isDescendant(tree.spans, 2, 2)).toBe(false);
  });
});

describe('time axis', () => {
  it('picks about six round ticks', () => {
    expect(axisTicks(1500).map((t) => t.label)).toEqual(['0 ms', '250 ms', '500 ms', '750 ms', '1 s', '1.25 s', '1.5 s']);
    expect(axisTicks(1000).map((t) => t.label)).toEqual(['0 ms', '200 ms', '400 ms', '600 ms', '800 ms', '1 s']);
    expect(axisTicks(42_000).map((t) => t.label)).toEqual(['0 ms', '10 s', '20 s', '30 s', '40 s']);
    for (const total of [0.3, 3, 17, 999, 12_345, 3_600_000]) {
      const ticks = axisTicks(total);
      expect(ticks.length).toBeGreaterThanOrEqual(3);
      expect(ticks.length).toBeLessThanOrEqual(7);
      expect(ticks.every((t) => t.offset >= 0 && t.offset <= 1)).toBe(true);
    }
  });

  it('labels in ms below a second and in seconds above, without float noise', () => {
    expect(tickLabel(0)).toBe('0 ms');
    expect(tickLabel(0.1 * 3)).toBe('0.3 ms');
    expect(tickLabel(250)).toBe('250 ms');
    expect(tickLabel(1500)).toBe('1.5 s');
  });
});
