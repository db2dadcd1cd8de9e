/**
 * One trace by id, and the trace lists (recent per agent, per session) built
 * from root spans. A trace looked up right after its invocation is often not
 * there yet — AgentCore ships spans in batches and Transaction Search
 * indexes them with a lag — so "nothing yet" on a recent invocation is
 * `pending` with a retry time, not "not found"; a trace with spans whose
 * parents are still missing is `found` and also worth asking again.
 */
import type { TraceList, TraceLookup, TraceNotice, TraceSummary } from '../../../shared/traces';
import type { LogTarget } from '../logs/log-target';
import { quote } from './insights-query';
import { MAX_SPANS, NoSpansGroupError, type SpanMessages, type SpanReads, type Window } from './span-reads';
import { otelTraceId, parseSpanRecord, type ParsedSpan } from './span-record';
import { buildTrace } from './trace-tree';

/** How long after an invocation its spans may still be arriving. */
export const INGESTION_GRACE_MS = 5 * 60_000;
const RETRY_MS = 2_000;
const LOOKUP_BEFORE_MS = 15 * 60_000;
const LOOKUP_AFTER_MS = 60 * 60_000;
const DAY_MS = 24 * 3_600_000;
const ROOT_LIMIT = 1000;

function parseAll(messages: readonly string[]): { spans: ParsedSpan[]; malformed: number } {
  const spans: ParsedSpan[] = [];
  let malformed = 0;
  for (const m of messages) {
    const span = parseSpanRecord(m);
    if (span) spans.push(span);
    else malformed++;
  }
  return { spans, malformed };
}

function fallbackNotices(read: SpanMessages, limit: number, what: string): TraceNotice[] {
  const notices: TraceNotice[] = [];
  if (read.fallback) notices.push({ code: 'insights_refused', message: `${read.fallback}; read with FilterLogEvents instead (slower).` });
  if (read.truncated) notices.push({ code: 'truncated', message: `Only the first ${limit.toLocaleString('en-US')} ${what} were read.` });
  return notices;
}

export async function lookupTrace(
  reads: SpanReads,
  target: LogTarget,
  traceId: string,
  around: number | undefined,
  signal?: AbortSignal,
): Promise<TraceLookup> {
  const id = otelTraceId(traceId);
  const now = target.now();
  const window: Window =
    around !== undefined
      ? { startMs: around - LOOKUP_BEFORE_MS, endMs: Math.min(now, around + LOOKUP_AFTER_MS) + 60_000 }
      : { startMs: now - DAY_MS, endMs: now + 60_000 };
  let read: SpanMessages;
  try {
    read = await reads.messages(
      { client: target.client, region: target.resource.region },
      window,
      { insightsFilter: `traceId = ${quote(id)}`, sort: 'asc', limit: MAX_SPANS, filterPattern: `{ $.traceId = ${quote(id)} }` },
      signal,
    );
  } catch (error) {
    if (error instanceof NoSpansGroupError) return { state: 'no_transaction_search', message: error.message };
    throw error;
  }
  const { spans, malformed } = parseAll(read.messages);
  const mine = spans.filter((s) => s.traceId === id);
  const recent = around !== undefined && now - around < INGESTION_GRACE_MS;
  if (mine.length === 0) {
    if (recent)
      return {
        state: 'pending',
        message: 'No spans yet: AgentCore sends spans in batches and CloudWatch indexes them within a minute or two of the invocation. Retrying…',
        retryAfterMs: RETRY_MS,
      };
    return {
      state: 'not_found',
      message: `No spans of trace ${id} in aws/spans (${target.resource.region}). Is observability enabled for ${target.resource.name}? Spans are kept for the log group's retention; sampled-out traces are never written.`,
    };
  }
  const trace = buildTrace(id, mine, malformed, read.source);
  const incomplete = trace.orphans > 0 || !trace.spans.some((s) => s.depth === 0 && !s.orphan);
  return {
    state: 'found',
    trace,
    ...(read.fallback ? { message: `${read.fallback}; read with FilterLogEvents instead.` } : {}),
    ...(incomplete && recent ? { retryAfterMs: RETRY_MS } : {}),
  };
}

function summaryOf(span: ParsedSpan): TraceSummary {
  const http = span.attributes['http.status_code'] ?? span.attributes['http.response.status_code'];
  return {
    traceId: span.traceId,
    ...(span.sessionId ? { sessionId: span.sessionId } : {}),
    name: span.name,
    start: span.start,
    durationMs: span.end - span.start,
    status: span.status,
    ...(span.error ? { error: span.error } : {}),
    ...(typeof http === 'number' ? { httpStatus: http } : {}),
  };
}

/** Root spans of the window → one summary per trace (the first root seen wins; a retried export repeats it). */
async function rootList(
  reads: SpanReads,
  target: LogTarget,
  window: Window,
  how: { insightsFilter: string; filterPattern: string; keep: (s: ParsedSpan) => boolean },
  order: (a: TraceSummary, b: TraceSummary) => number,
): Promise<TraceList> {
  const base = { startTime: window.startMs, endTime: window.endMs };
  let read: SpanMessages;
  try {
    read = await reads.messages({ client: target.client, region: target.resource.region }, window, {
      insightsFilter: `${how.insightsFilter} and not ispresent(parentSpanId)`,
      sort: 'desc',
      limit: ROOT_LIMIT,
      filterPattern: how.filterPattern,
    });
  } catch (error) {
    if (error instanceof NoSpansGroupError) return { ...base, traces: [], notices: [{ code: 'no_transaction_search', message: error.message }] };
    throw error;
  }
  const byTrace = new Map<string, TraceSummary>();
  for (const s of parseAll(read.messages).spans) if (!s.parentSpanId && how.keep(s) && !byTrace.has(s.traceId)) byTrace.set(s.traceId, summaryOf(s));
  const traces = [...byTrace.values()].sort(order);
  const notices = fallbackNotices(read, ROOT_LIMIT, 'traces');
  if (traces.length === 0)
    notices.push({
      code: 'no_spans',
      message: `No traces of ${target.resource.name} in this window. Spans appear when observability is enabled for the agent (and arrive a minute or two after each invocation).`,
    });
  return { ...base, traces, notices };
}

const runtimeFilter = (target: LogTarget) => `resource.attributes.cloud.resource_id like ${quote(`runtime/${target.resource.id}`)}`;
const isAgents = (target: LogTarget) => (s: ParsedSpan) =>
  (s.resourceId ?? '').includes(`runtime/${target.resource.id}`) || s.service?.startsWith(`${target.resource.name}.`) === true;

/** Failed first, then slowest: what an SRE opens first. */
const worstFirst = (a: TraceSummary, b: TraceSummary) => Number(b.status === 'error') - Number(a.status === 'error') || b.durationMs - a.durationMs;

export function recentTraces(reads: SpanReads, target: LogTarget, lastMs: number): Promise<TraceList> {
  const now = target.now();
  return rootList(
    reads,
    target,
    { startMs: now - lastMs, endMs: now + 60_000 },
    { insightsFilter: runtimeFilter(target), filterPattern: `"runtime/${target.resource.id}"`, keep: () => true },
    worstFirst,
  );
}

export function sessionTraces(reads: SpanReads, target: LogTarget, runtimeSessionId: string, lastMs: number): Promise<TraceList> {
  const now = target.now();
  const agents = isAgents(target);
  return rootList(
    reads,
    target,
    { startMs: now - lastMs, endMs: now + 60_000 },
    {
      insightsFilter: `attributes.session.id = ${quote(runtimeSessionId)}`,
      filterPattern: quote(runtimeSessionId),
      keep: (s) => s.sessionId === runtimeSessionId && agents(s),
    },
    (a, b) => a.start - b.start,
  );
}
