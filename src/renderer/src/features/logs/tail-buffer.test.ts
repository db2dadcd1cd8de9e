import { describe, expect, it } from 'vitest';
import { compileHighlight, NO_FILTER } from './log-filter';
import { TailBuffer } from './tail-buffer';
import { testLine } from './test-lines';

const lines = (from: number, count: number) => Array.from({ length: count }, (_, i) => testLine(from + i));
const kinds = (buffer: TailBuffer) => buffer.visible.map((e) => (e.kind === 'line' ? e.line.timestamp - 1_700_000_000_000 : `gap ${e.count}`));

describe('TailBuffer', () => {
  it('appends in order and numbers lines by the stream sequence', () => {
    const buffer = new TailBuffer(100);
    buffer.append([{ seq: 0, lines: lines(0, 3) }]);
    buffer.append([{ seq: 3, lines: lines(3, 2) }]);
    expect(kinds(buffer)).toEqual([0, 1, 2, 3, 4]);
    expect(buffer.lineCount).toBe(5);
    expect(buffer.undelivered).toBe(0);
  });

  it('marks lines the stream numbered but never delivered (a dropped frame)', () => {
    const buffer = new TailBuffer(100);
    buffer.append([{ seq: 0, lines: lines(0, 2) }]);
    buffer.append([{ seq: 7, lines: lines(7, 1) }]);
    expect(kinds(buffer)).toEqual([0, 1, 'gap 5', 7]);
    expect(buffer.undelivered).toBe(5);
  });

  it('ignores lines it already has when a batch repeats them', () => {
    const buffer = new TailBuffer(100);
    buffer.append([{ seq: 0, lines: lines(0, 3) }]);
    buffer.append([{ seq: 1, lines: lines(1, 4) }]);
    expect(kinds(buffer)).toEqual([0, 1, 2, 3, 4]);
  });

  it('drops the oldest lines past its capacity and counts them', () => {
    const buffer = new TailBuffer(5);
    buffer.append([{ seq: 0, lines: lines(0, 4) }]);
    buffer.append([{ seq: 4, lines: lines(4, 4) }]);
    expect(kinds(buffer)).toEqual([3, 4, 5, 6, 7]);
    expect(buffer.droppedOlder).toBe(3);
    expect(buffer.lineCount).toBe(5);
    buffer.setCapacity(2);
    expect(kinds(buffer)).toEqual([6, 7]);
    expect(buffer.droppedOlder).toBe(6);
  });

  it('keeps the filtered view in step with appends, trims and filter changes', () => {
    const buffer = new TailBuffer(10);
    buffer.setFilter({ levels: new Set(['error']), matcher: null, onlyMatching: false });
    // testLine levels cycle every 7: error at 4, 11, 18 …
    buffer.append([{ seq: 0, lines: lines(0, 12) }]);
    expect(kinds(buffer)).toEqual([4, 11]);
    expect(buffer.visibleAppended).toBe(2);
    buffer.append([{ seq: 12, lines: lines(12, 7) }]);
    // Capacity 10 keeps 9…18: the error at 4 went, 18 came.
    expect(kinds(buffer)).toEqual([11, 18]);
    buffer.setFilter({ levels: null, matcher: compileHighlight('line 1').matcher, onlyMatching: true });
    expect(kinds(buffer)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18]);
    buffer.setFilter(NO_FILTER);
    expect(buffer.visible).toHaveLength(10);
  });

  it('counts a discarded batch as delivered and dropped, so no false gap follows it', () => {
    const buffer = new TailBuffer(100);
    buffer.append([{ seq: 0, lines: lines(0, 2) }]);
    buffer.discard({ seq: 2, lines: lines(2, 3) });
    buffer.append([{ seq: 5, lines: lines(5, 1) }]);
    expect(kinds(buffer)).toEqual([0, 1, 5]);
    expect(buffer.droppedOlder).toBe(3);
  });

  it('skips lines it showed before a reopen, and numbers the new stream from scratch', () => {
    const buffer = new TailBuffer(100);
    buffer.append([{ seq: 0, lines: lines(0, 5) }]);
    const skip = buffer.keysSince(1_700_000_000_003);
    expect([...skip]).toEqual([testLine(4).key, testLine(3).key]);
    buffer.resetSequence();
    buffer.append([{ seq: 0, lines: lines(3, 4) }], skip);
    expect(kinds(buffer)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(buffer.lastTimestamp()).toBe(1_700_000_000_006);
  });

  it('clears everything, counts included', () => {
    const buffer = new TailBuffer(3);
    buffer.append([{ seq: 0, lines: lines(0, 5) }]);
    buffer.clear();
    expect(buffer.visible).toEqual([]);
    expect(buffer.droppedOlder).toBe(0);
    expect(buffer.lastTimestamp()).toBeNull();
  });
});
