/**
 * What a key does in the waterfall, following the WAI-ARIA tree pattern:
 * Up/Down move, Right opens a closed span or steps into an open one, Left
 * closes an open span or steps out to its parent, Home/End jump, Page keys
 * move a screenful, Enter and Space select. Kept apart from the component so
 * the rules are tested without a DOM.
 */
import type { WaterfallRow } from './waterfall-layout';

export type WaterfallAction = { kind: 'move'; index: number } | { kind: 'toggle'; spanId: string } | { kind: 'select' };

export function keyAction(key: string, rows: readonly WaterfallRow[], index: number, pageSize: number): WaterfallAction | null {
  if (rows.length === 0) return null;
  const last = rows.length - 1;
  const move = (to: number): WaterfallAction => ({ kind: 'move', index: Math.min(last, Math.max(0, to)) });
  // Nothing active yet: the first key press lands on the first row.
  const row = rows[index];
  if (!row) return ['ArrowDown', 'ArrowUp', 'Home', 'End', 'PageDown', 'PageUp'].includes(key) ? move(key === 'End' ? last : 0) : null;
  switch (key) {
    case 'ArrowDown':
      return move(index + 1);
    case 'ArrowUp':
      return move(index - 1);
    case 'Home':
      return move(0);
    case 'End':
      return move(last);
    case 'PageDown':
      return move(index + pageSize);
    case 'PageUp':
      return move(index - pageSize);
    case 'ArrowRight':
      if (!row.hasChildren) return null;
      return row.collapsed ? { kind: 'toggle', spanId: row.span.spanId } : move(index + 1);
    case 'ArrowLeft':
      if (row.hasChildren && !row.collapsed) return { kind: 'toggle', spanId: row.span.spanId };
      return row.parentRow >= 0 ? move(row.parentRow) : null;
    case 'Enter':
    case ' ':
      return { kind: 'select' };
    default:
      return null;
  }
}
