/**
 * The traces page's place in the URL: with no agent, the runtime sessions
 * seen live across the fleet; with `agent=`, that agent's recent traces over
 * `last`; with `trace=` (and `at=`, when the invocation ran), one trace's
 * waterfall; with `session=`, every trace of one runtime session. A link from
 * chat, a log line or a war room lands on the same view after a reload.
 */
import type { Query } from '../../routing/hash-route';

export const LAST_OPTIONS = [
  { value: 15 * 60_000, label: 'Last 15 minutes' },
  { value: 3_600_000, label: 'Last hour' },
  { value: 6 * 3_600_000, label: 'Last 6 hours' },
  { value: 24 * 3_600_000, label: 'Last 24 hours' },
  { value: 7 * 24 * 3_600_000, label: 'Last 7 days' },
] as const;
export const DEFAULT_LAST_MS = 3_600_000;

export interface TracesView {
  agent: string | null;
  trace: string | null;
  /** Epoch ms of the invocation, when known: the lookup reads around it. */
  at: number | null;
  session: string | null;
  lastMs: number;
  /** The span open in the detail panel. */
  span: string | null;
}

const RUNTIME_KEY = /^[^|]+\|[a-z0-9-]+\|runtime\|[^|]+$/;
const TRACE_ID = /^([0-9a-fA-F]{32}|1-[0-9a-fA-F]{8}-[0-9a-fA-F]{24})$/;
const SPAN_ID = /^[0-9a-fA-F]{8,64}$/;
const SESSION_ID = /^.{33,256}$/;

export function parseTracesQuery(query: Query): TracesView {
  const agent = query.agent && query.agent.length <= 400 && RUNTIME_KEY.test(query.agent) ? query.agent : null;
  const last = Number(query.last);
  return {
    agent,
    trace: agent && query.trace && TRACE_ID.test(query.trace) ? query.trace : null,
    at: query.at && /^\d{1,16}$/.test(query.at) ? Number(query.at) : null,
    session: agent && query.session && SESSION_ID.test(query.session) ? query.session : null,
    lastMs: LAST_OPTIONS.some((o) => o.value === last) ? last : DEFAULT_LAST_MS,
    span: query.span && SPAN_ID.test(query.span) ? query.span : null,
  };
}

/** The query of a traces view, defaults left out. */
export function tracesQuery(view: Partial<TracesView>): Record<string, string> {
  const q: Record<string, string> = {};
  if (!view.agent) return q;
  q.agent = view.agent;
  if (view.trace) {
    q.trace = view.trace;
    if (view.at) q.at = String(Math.round(view.at));
    if (view.span) q.span = view.span;
  } else if (view.session) q.session = view.session;
  else if (view.lastMs && view.lastMs !== DEFAULT_LAST_MS) q.last = String(view.lastMs);
  return q;
}
