/**
 * Traces as the console shows them: the OpenTelemetry spans an agent with
 * observability on writes to the log group `aws/spans`, read with CloudWatch
 * Logs Insights (FilterLogEvents when Insights is refused), laid out in main
 * as one tree per trace (spans in display order, depth, orphans, the critical
 * path), summaries of recent traces per agent and per session, token usage
 * per model and day for the cost view, and the runtime sessions seen live.
 */
import { z } from 'zod';
import { agentKeySchema, runtimeSessionIdSchema } from './chat';
import { command, query } from './contract-kit';

/** A 32-hex OTEL trace id, or the X-Ray form the invoke response carries (`1-5f8a1b2c-<24 hex>`); main folds both to OTEL. */
export const traceIdSchema = z
  .string()
  .max(64)
  .regex(/^([0-9a-fA-F]{32}|1-[0-9a-fA-F]{8}-[0-9a-fA-F]{24})$/, 'not a trace id (32 hex characters, or X-Ray 1-xxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxx)');

const epochMs = z.number().int().min(0).max(8_640_000_000_000_000);
const HOUR = 3_600_000;

export type SpanCategory = 'http' | 'agent' | 'cycle' | 'model' | 'tool' | 'memory' | 'other';
export type SpanAttribute = string | number | boolean | null;

export interface SpanRow {
  spanId: string;
  parentSpanId?: string;
  name: string;
  /** OTEL span kind: SERVER, CLIENT, INTERNAL… */
  kind: string;
  category: SpanCategory;
  /** Epoch ms, fractional (spans carry nanoseconds). */
  start: number;
  end: number;
  depth: number;
  /** Its parent is not among the spans read (not ingested yet, or lost): drawn as a root of its own. */
  orphan: boolean;
  status: 'ok' | 'error' | 'unset';
  /** The status message of a failed span. */
  error?: string;
  /** On the chain of spans that decided the trace's end (each parent's latest-ending child, down from the root). */
  critical: boolean;
  model?: string;
  toolName?: string;
  inputTokens?: number;
  outputTokens?: number;
  childCount: number;
  /** Flattened, as Logs Insights names them (`gen_ai.request.model`); agent output is untrusted text, drawn as text. */
  attributes: Record<string, SpanAttribute>;
}

export interface ModelUsage {
  model: string;
  calls: number;
  inputTokens: number;
  outputTokens: number;
}

export interface TraceView {
  traceId: string;
  sessionId?: string;
  /** The root span's service (runtime.endpoint) when it says. */
  service?: string;
  start: number;
  end: number;
  /** Display order: depth first, children by start time, orphans after the true roots. */
  spans: SpanRow[];
  errors: number;
  orphans: number;
  /** Records in the trace's window that were not span JSON (skipped, counted). */
  malformed: number;
  models: ModelUsage[];
  source: 'insights' | 'filter';
}

/**
 * - found: the spans read so far (a trace still being ingested can gain spans; `pending` says so);
 * - pending: nothing yet, the invocation is recent: spans take a while to arrive (retry after `retryAfterMs`);
 * - not_found: no span with this id in the window;
 * - no_transaction_search: the region has no `aws/spans` group (Transaction Search is off).
 */
export interface TraceLookup {
  state: 'found' | 'pending' | 'not_found' | 'no_transaction_search';
  trace?: TraceView;
  message?: string;
  /** Spans may still be arriving: the answer is worth asking again after this long. */
  retryAfterMs?: number;
}

export interface TraceSummary {
  traceId: string;
  sessionId?: string;
  name: string;
  start: number;
  durationMs: number;
  status: SpanRow['status'];
  error?: string;
  httpStatus?: number;
}

export interface TraceNotice {
  code: 'no_transaction_search' | 'no_spans' | 'insights_refused' | 'truncated' | 'lagging';
  message: string;
}

export interface TraceList {
  traces: TraceSummary[];
  notices: TraceNotice[];
  startTime: number;
  endTime: number;
}

export interface TokenUsageDay {
  /** Epoch ms of the UTC day. */
  day: number;
  model: string;
  calls: number;
  inputTokens: number;
  outputTokens: number;
}

export interface TokenUsage {
  agentKey: string;
  startTime: number;
  endTime: number;
  days: TokenUsageDay[];
  notices: TraceNotice[];
}

export interface LiveSession {
  runtimeSessionId: string;
  agentKey?: string;
  agentName?: string;
  firstSeen: number;
  lastSeen: number;
  /** From spans; absent for a session only the console has seen. */
  invocations?: number;
  /** Where it was seen: spans in `aws/spans`, the console's own invokes, or both. */
  seenIn: Array<'spans' | 'console'>;
  /** The console's chat session that sent to it, when one did. */
  chatSessionId?: string;
}

export interface LiveSessions {
  sessions: LiveSession[];
  minutes: number;
  notices: TraceNotice[];
}

/** Days (or single calls, as days of one) folded into one figure per model, the heaviest first. */
export function usageByModel(days: readonly Omit<TokenUsageDay, 'day'>[]): ModelUsage[] {
  const byModel = new Map<string, ModelUsage>();
  for (const d of days) {
    const u = byModel.get(d.model) ?? { model: d.model, calls: 0, inputTokens: 0, outputTokens: 0 };
    u.calls += d.calls;
    u.inputTokens += d.inputTokens;
    u.outputTokens += d.outputTokens;
    byModel.set(d.model, u);
  }
  return [...byModel.values()].sort((a, b) => b.inputTokens + b.outputTokens - (a.inputTokens + a.outputTokens));
}

export const tracesInputs = {
  get: z
    .object({
      agentKey: agentKeySchema,
      traceId: traceIdSchema,
      /** When the invocation ran (epoch ms): the read looks around it instead of the last day. */
      around: epochMs.optional(),
    })
    .strict(),
  recent: z
    .object({
      agentKey: agentKeySchema,
      lastMs: z
        .number()
        .int()
        .min(60_000)
        .max(7 * 24 * HOUR)
        .default(HOUR),
    })
    .strict(),
  session: z
    .object({
      agentKey: agentKeySchema,
      runtimeSessionId: runtimeSessionIdSchema,
      lastMs: z
        .number()
        .int()
        .min(60_000)
        .max(7 * 24 * HOUR)
        .default(24 * HOUR),
    })
    .strict(),
  usage: z.object({ agentKey: agentKeySchema, startTime: epochMs, endTime: epochMs }).strict(),
  live: z.object({ minutes: z.number().int().min(1).max(1_440).default(60) }).strict(),
  stopSession: z.object({ agentKey: agentKeySchema, runtimeSessionId: runtimeSessionIdSchema }).strict(),
};

export const tracesContract = {
  methods: {
    'traces.get': query<TraceLookup>()(tracesInputs.get),
    /** Root spans of the agent's recent traces, failed first, then slowest. */
    'traces.recent': query<TraceList>()(tracesInputs.recent),
    /** Every trace of one runtime session, oldest first. */
    'traces.session': query<TraceList>()(tracesInputs.session),
    'traces.usage': query<TokenUsage>()(tracesInputs.usage),
    /** Runtime sessions seen in the last N minutes (AWS has no ListRuntimeSessions), longest first. */
    'traces.live': query<LiveSessions>()(tracesInputs.live),
    /** StopRuntimeSession for a session the console may not have started. */
    'traces.stopSession': command<{ stopped: true }>()(tracesInputs.stopSession),
  },
} as const;
