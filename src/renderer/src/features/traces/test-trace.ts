/** Traces for the traces feature's tests: spans given as [id, depth, start, end] from a trace starting at T0. */
import type { SpanRow, TraceView } from '../../../../shared/traces';

export const T0 = 1_764_000_000_000;

export function testSpan(spanId: string, depth: number, start: number, end: number, over: Partial<SpanRow> = {}): SpanRow {
  return {
    spanId,
    name: `span ${spanId}`,
    kind: 'INTERNAL',
    category: 'other',
    start: T0 + start,
    end: T0 + end,
    depth,
    orphan: false,
    status: 'ok',
    critical: false,
    childCount: 0,
    attributes: {},
    ...over,
  };
}

export function testTrace(spans: SpanRow[], over: Partial<TraceView> = {}): TraceView {
  return {
    traceId: '0af7651916cd43dd8448eb211c80319c',
    start: Math.min(...spans.map((s) => s.start)),
    end: Math.max(...spans.map((s) => s.end)),
    spans,
    errors: spans.filter((s) => s.status === 'error').length,
    orphans: spans.filter((s) => s.orphan).length,
    malformed: 0,
    models: [],
    source: 'insights',
    ...over,
  };
}

/** A wide, deep trace: `count` spans, each root holding agent cycles of model and tool calls. */
export function bigTrace(count: number): TraceView {
  const spans: SpanRow[] = [];
  for (let i = 0; i < count; i++) {
    const depth = i === 0 ? 0 : 1 + ((i - 1) % 4);
    spans.push(testSpan(`s${i}`, depth, i, i + 10 - depth, { category: depth === 4 ? 'model' : 'tool' }));
  }
  return testTrace(spans);
}
