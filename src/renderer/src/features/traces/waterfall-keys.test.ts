import { describe, expect, it } from 'vitest';
import { testSpan, testTrace } from './test-trace';
import { keyAction } from './waterfall-keys';
import { layoutWaterfall } from './waterfall-layout';

// root ─┬─ a ─── a1
//       └─ b
const trace = testTrace([testSpan('root', 0, 0, 100), testSpan('a', 1, 0, 50), testSpan('a1', 2, 10, 40), testSpan('b', 1, 50, 100)]);
const open = layoutWaterfall(trace, new Set()).rows;
const closedA = layoutWaterfall(trace, new Set(['a'])).rows;

describe('waterfall keys', () => {
  it('moves up and down, stopping at the ends', () => {
    expect(keyAction('ArrowDown', open, 0, 10)).toEqual({ kind: 'move', index: 1 });
    expect(keyAction('ArrowDown', open, 3, 10)).toEqual({ kind: 'move', index: 3 });
    expect(keyAction('ArrowUp', open, 0, 10)).toEqual({ kind: 'move', index: 0 });
    expect(keyAction('Home', open, 2, 10)).toEqual({ kind: 'move', index: 0 });
    expect(keyAction('End', open, 0, 10)).toEqual({ kind: 'move', index: 3 });
    expect(keyAction('PageDown', open, 0, 2)).toEqual({ kind: 'move', index: 2 });
    expect(keyAction('PageUp', open, 1, 2)).toEqual({ kind: 'move', index: 0 });
  });

  it('lands on the first row (or the last for End) when nothing is active', () => {
    expect(keyAction('ArrowDown', open, -1, 10)).toEqual({ kind: 'move', index: 0 });
    expect(keyAction('End', open, -1, 10)).toEqual({ kind: 'move', index: 3 });
    expect(keyAction('Enter', open, -1, 10)).toBeNull();
    expect(keyAction('ArrowDown', [], 0, 10)).toBeNull();
  });

  it('opens a closed span with Right, then steps into it', () => {
    expect(keyAction('ArrowRight', closedA, 1, 10)).toEqual({ kind: 'toggle', spanId: 'a' });
    expect(keyAction('ArrowRight', open, 1, 10)).toEqual({ kind: 'move', index: 2 });
    expect(keyAction('ArrowRight', open, 2, 10)).toBeNull();
  });

  it('closes an open span with Left, or steps out to the parent', () => {
    expect(keyAction('ArrowLeft', open, 1, 10)).toEqual({ kind: 'toggle', spanId: 'a' });
    expect(keyAction('ArrowLeft', closedA, 1, 10)).toEqual({ kind: 'move', index: 0 });
    expect(keyAction('ArrowLeft', open, 2, 10)).toEqual({ kind: 'move', index: 1 });
    expect(keyAction('ArrowLeft', closedA, 2, 10)).toEqual({ kind: 'move', index: 0 });
    expect(keyAction('ArrowLeft', layoutWaterfall(trace, new Set(['root'])).rows, 0, 10)).toBeNull();
  });

  it('selects with Enter and Space, ignores other keys', () => {
    expect(keyAction('Enter', open, 2, 10)).toEqual({ kind: 'select' });
    expect(keyAction(' ', open, 2, 10)).toEqual({ kind: 'select' });
    expect(keyAction('x', open, 2, 10)).toBeNull();
  });
});
