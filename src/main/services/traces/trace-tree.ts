/**
 * Spans → one trace as the waterfall draws it. Spans arrive in any order and
 * possibly twice (a retried export, FilterLogEvents pages); a span whose
 * parent never arrived is kept as an orphan root rather than dropped. The
 * critical path follows Jaeger's definition: from the root's end, walk back
 * through the child that finished last before that moment, then the one that
 * finished before that child started, and so on down each chosen child.
 * Everything is iterative, so a 10,000-deep chain cannot overflow the stack.
 */
import { usageByModel, type ModelUsage, type SpanRow, type TraceView } from '../../../shared/traces';
import type { ParsedSpan } from './span-record';

interface Node {
  span: ParsedSpan;
  children: Node[];
  orphan: boolean;
  critical: boolean;
}

const byStart = (a: Node, b: Node) => a.span.start - b.span.start || a.span.end - b.span.end;

/** The children of `node` on its critical path: latest-finishing first, each ending before the previous one started. */
function criticalChildren(node: Node): Node[] {
  const chosen: Node[] = [];
  let until = node.span.end;
  const latestFirst = [...node.children].sort((a, b) => b.span.end - a.span.end);
  for (const child of latestFirst) {
    if (child.span.end <= until + 1e-6) {
      chosen.push(child);
      until = child.span.start;
    }
  }
  return chosen;
}

function markCritical(root: Node): void {
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    node.critical = true;
    stack.push(...criticalChildren(node));
  }
}

function modelUsage(spans: readonly ParsedSpan[]): ModelUsage[] {
  return usageByModel(
    spans
      .filter((s) => s.category === 'model')
      .map((s) => ({ model: s.model ?? 'unknown model', calls: 1, inputTokens: s.inputTokens ?? 0, outputTokens: s.outputTokens ?? 0 })),
  );
}

export function buildTrace(traceId: string, spans: readonly ParsedSpan[], malformed: number, source: TraceView['source']): TraceView {
  const nodes = new Map<string, Node>();
  // A span seen twice keeps its later copy: exporters re-send a span only to complete it.
  for (const span of spans) nodes.set(span.spanId, { span, children: [], orphan: false, critical: false });
  const roots: Node[] = [];
  const orphans: Node[] = [];
  for (const node of nodes.values()) {
    const parentId = node.span.parentSpanId;
    const parent = parentId && parentId !== node.span.spanId ? nodes.get(parentId) : undefined;
    if (parent) parent.children.push(node);
    else if (parentId) {
      node.orphan = true;
      orphans.push(node);
    } else roots.push(node);
  }
  for (const node of nodes.values()) node.children.sort(byStart);
  roots.sort(byStart);
  orphans.sort(byStart);
  // A cycle of parents (corrupt data) has no root; its spans are caught by the "unvisited" pass below.
  const top = roots.length > 0 ? roots.reduce((a, b) => (b.span.end > a.span.end ? b : a)) : undefined;
  if (top) markCritical(top);

  const rows: SpanRow[] = [];
  const visited = new Set<Node>();
  const emit = (start: Node) => {
    const stack: Array<{ node: Node; depth: number }> = [{ node: start, depth: 0 }];
    while (stack.length > 0) {
      const { node, depth } = stack.pop()!;
      if (visited.has(node)) continue;
      visited.add(node);
      const { traceId: _t, sessionId: _s, service: _v, resourceId: _r, ...row } = node.span;
      rows.push({ ...row, depth, orphan: node.orphan, critical: node.critical, childCount: node.children.length });
      for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i]!, depth: depth + 1 });
    }
  };
  for (const root of [...roots, ...orphans]) emit(root);
  for (const node of [...nodes.values()].sort(byStart))
    if (!visited.has(node)) {
      node.orphan = true;
      emit(node);
    }

  const all = [...nodes.values()].map((n) => n.span);
  const start = all.reduce((m, s) => Math.min(m, s.start), Infinity);
  const end = all.reduce((m, s) => Math.max(m, s.end), -Infinity);
  const sessionId = (top?.span.sessionId ?? all.find((s) => s.sessionId)?.sessionId) || undefined;
  const service = top?.span.service ?? all.find((s) => s.service)?.service;
  return {
    traceId,
    ...(sessionId ? { sessionId } : {}),
    ...(service ? { service } : {}),
    start: Number.isFinite(start) ? start : 0,
    end: Number.isFinite(end) ? end : 0,
    spans: rows,
    errors: rows.filter((r) => r.status === 'error').length,
    orphans: rows.filter((r) => r.orphan).length,
    malformed,
    models: modelUsage(all),
    source,
  };
}
