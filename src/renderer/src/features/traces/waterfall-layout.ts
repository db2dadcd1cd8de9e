/**
 * Where each span of a trace sits in the waterfall: which rows are visible
 * under the collapsed spans, where each bar starts and how wide it is as a
 * fraction of the trace, and the time axis. One linear pass over the spans
 * (a trace can hold 10,000), relying on main's display order: a span's
 * descendants are the rows after it with a greater depth.
 */
import type { SpanRow, TraceView } from '../../../../shared/traces';

/** A zero-length span still gets a bar one can see and hover (CSS adds a pixel minimum on top). */
export const MIN_BAR_WIDTH = 0.004;

export interface WaterfallRow {
  span: SpanRow;
  /** Index in `trace.spans`: stable while rows above collapse and expand. */
  spanIndex: number;
  /** Fractions of the trace's [start, end]; offset + width never passes 1. */
  offset: number;
  width: number;
  durationMs: number;
  /** From the trace's start. */
  startOffsetMs: number;
  hasChildren: boolean;
  collapsed: boolean;
  /** Visible index of the parent row, -1 for roots and orphans. */
  parentRow: number;
  /** 1-based position among its siblings, and their number (aria-posinset / aria-setsize). */
  position: number;
  siblings: number;
}

export interface AxisTick {
  offset: number;
  label: string;
}

export interface WaterfallLayout {
  rows: WaterfallRow[];
  ticks: AxisTick[];
  durationMs: number;
}

const clamp01 = (value: number): number => Math.min(1, Math.max(0, value));

function bar(span: SpanRow, traceStart: number, total: number): { offset: number; width: number } {
  if (total <= 0) return { offset: 0, width: MIN_BAR_WIDTH };
  // Clocks of different hosts disagree a little: a span poking out of the trace is drawn at its edge.
  const from = clamp01((span.start - traceStart) / total);
  const to = clamp01((span.end - traceStart) / total);
  const width = Math.max(to - from, MIN_BAR_WIDTH);
  return { offset: Math.min(from, 1 - width), width };
}

/** For each span, its parent's index in `spans` (-1 at depth 0) and how many direct children it has, by a stack of open ancestors. */
function structure(spans: readonly SpanRow[]): { parents: Int32Array; childCounts: Int32Array; rootCount: number } {
  const parents = new Int32Array(spans.length);
  const childCounts = new Int32Array(spans.length);
  const open: Array<{ index: number; depth: number }> = [];
  let rootCount = 0;
  spans.forEach((span, i) => {
    while ((open.at(-1)?.depth ?? -1) >= span.depth) open.pop();
    const parent = open.at(-1)?.index ?? -1;
    parents[i] = parent;
    if (parent === -1) rootCount++;
    else childCounts[parent] = (childCounts[parent] ?? 0) + 1;
    open.push({ index: i, depth: span.depth });
  });
  return { parents, childCounts, rootCount };
}

export function layoutWaterfall(trace: TraceView, collapsed: ReadonlySet<string>): WaterfallLayout {
  const { spans } = trace;
  const total = Math.max(0, trace.end - trace.start);
  const { parents, childCounts, rootCount } = structure(spans);
  const rowOf = new Int32Array(spans.length).fill(-1);
  // Positions count every sibling, shown or not, so a screen reader's "3 of 7" stays true under collapse.
  const childrenSeen = new Int32Array(spans.length);
  let rootsSeen = 0;
  const rows: WaterfallRow[] = [];
  // Rows deeper than this belong to a collapsed span and are skipped.
  let hideBelow = Infinity;
  spans.forEach((span, i) => {
    const parent = parents[i] ?? -1;
    if (parent === -1) rootsSeen++;
    else childrenSeen[parent] = (childrenSeen[parent] ?? 0) + 1;
    const position = parent === -1 ? rootsSeen : (childrenSeen[parent] ?? 0);
    if (span.depth > hideBelow) return;
    hideBelow = Infinity;
    const isCollapsed = collapsed.has(span.spanId) && (childCounts[i] ?? 0) > 0;
    if (isCollapsed) hideBelow = span.depth;
    rowOf[i] = rows.length;
    rows.push({
      span,
      spanIndex: i,
      ...bar(span, trace.start, total),
      durationMs: Math.max(0, span.end - span.start),
      startOffsetMs: span.start - trace.start,
      hasChildren: (childCounts[i] ?? 0) > 0,
      collapsed: isCollapsed,
      parentRow: parent === -1 ? -1 : (rowOf[parent] ?? -1),
      position,
      siblings: parent === -1 ? rootCount : (childCounts[parent] ?? 0),
    });
  });
  return { rows, ticks: axisTicks(total), durationMs: total };
}

/** Indexes in `spans` of the ancestors of the span at `index`, nearest first: what must be expanded to show it. */
export function ancestorsOf(spans: readonly SpanRow[], index: number): number[] {
  const found: number[] = [];
  let depth = spans[index]?.depth ?? 0;
  for (let i = index - 1; i >= 0 && depth > 0; i--) {
    const span = spans[i];
    if (span && span.depth < depth) {
      found.push(i);
      depth = span.depth;
    }
  }
  return found;
}

/** Whether the span at `descendant` lies inside the subtree of the span at `ancestor`. */
export function isDescendant(spans: readonly SpanRow[], ancestor: number, descendant: number): boolean {
  const root = spans[ancestor];
  if (!root || descendant <= ancestor) return false;
  for (let i = ancestor + 1; i <= descendant; i++) if ((spans[i]?.depth ?? 0) <= root.depth) return false;
  return true;
}

/** Steps of 1, 2, 2.5 and 5 times a power of ten read as round numbers at any scale. */
const MULTIPLIERS = [1, 2, 2.5, 5];
/** Below a tenth of a millisecond no span timing is worth reading. */
const MIN_STEP = 0.1;

function tickStep(total: number, maxIntervals: number): number {
  const rough = Math.max(total / maxIntervals, MIN_STEP);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const multiplier = MULTIPLIERS.find((m) => m * magnitude >= rough - 1e-9) ?? 10;
  return multiplier * magnitude;
}

// Three decimals, trailing zeros dropped: 0.1 × 3 must read "0.3", not "0.30000000000000004".
const trim = (value: number): string => String(Number(value.toFixed(3)));

export function tickLabel(ms: number): string {
  return ms < 1000 ? `${trim(ms)} ms` : `${trim(ms / 1000)} s`;
}

/** About six round ticks from 0 to the trace's duration. */
export function axisTicks(total: number, maxIntervals = 6): AxisTick[] {
  if (total <= 0) return [{ offset: 0, label: tickLabel(0) }];
  const step = tickStep(total, maxIntervals);
  const ticks: AxisTick[] = [];
  for (let i = 0; i * step <= total + 1e-9; i++) ticks.push({ offset: Math.min(1, (i * step) / total), label: tickLabel(i * step) });
  return ticks;
}
