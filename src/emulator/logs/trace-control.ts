/**
 * The trace knobs of the logs module, one implementation behind both the
 * admin API and the `startEmulator` handle, zod-checked either way:
 *   span ingestion lag   GET|PUT /_emulator/spans      getSpanLag / setSpanLag
 *   a big or odd trace   POST /_emulator/traces        appendTrace
 *   Logs Insights mode   GET|PUT /_emulator/insights   getInsightsMode / setInsightsMode
 */
import { z } from 'zod';
import type { AdminRoute, ModuleDeps } from '../core/types';
import { Rng } from '../kit/rng';
import { parseAdmin, REGION, runtimeWithEndpoint } from './control';
import type { InsightsQueries, InsightsSetting } from './insights-queries';
import { modelFor } from './line-gen';
import { SPANS_STREAM } from './naming';
import type { SpanLag } from './span-lag';
import type { SpanSource } from './span-tree';
import type { LogStore } from './store';
import { bigTrace } from './trace-gen';

export const spanLagSchema = z
  .object({
    lagMs: z.number().int().min(0).max(600_000),
    /** Default 0: every span waits exactly lagMs. */
    jitterMs: z.number().int().min(0).max(600_000).default(0),
  })
  .strict();

export const appendTraceSchema = z
  .object({
    runtimeName: z.string().min(1),
    endpoint: z.string().min(1).default('DEFAULT'),
    region: z.string().regex(REGION, 'not an AWS region name').optional(),
    spans: z.number().int().min(1).max(20_000),
    /** Spans (of `spans`) whose parentSpanId names a span that does not exist. */
    orphans: z.number().int().min(0).default(0),
    /** Extra records in aws/spans that are not valid JSON (truncated spans). */
    malformed: z.number().int().min(0).max(20_000).default(0),
    sessionId: z.string().min(1).max(256).optional(),
    /** Epoch ms; default the emulator's clock minus 60 s. */
    startTime: z.number().int().min(0).optional(),
    durationMs: z.number().int().min(1).max(86_400_000).default(60_000),
  })
  .strict()
  .refine((t) => t.orphans < t.spans, { message: 'orphans must be fewer than spans (the root has no parent to lose)', path: ['orphans'] });

export const insightsModeSchema = z
  .object({
    mode: z.enum(['normal', 'timeout', 'fail', 'slow']),
    slowMs: z.number().int().min(0).max(3_600_000).optional(),
  })
  .strict();

export type SpanLagInput = z.input<typeof spanLagSchema>;
export type AppendTraceInput = z.input<typeof appendTraceSchema>;
export type InsightsModeInput = z.input<typeof insightsModeSchema>;
export type { InsightsSetting, SpanLag };

export interface AppendedTrace {
  traceId: string;
  sessionId: string;
  /** Valid span records written (orphans included; malformed records not). */
  spans: number;
  startTime: number;
  endTime: number;
}

export interface TracesControl {
  getSpanLag(): SpanLag;
  setSpanLag(input: SpanLagInput): SpanLag;
  appendTrace(input: AppendTraceInput): AppendedTrace;
  getInsightsMode(): InsightsSetting;
  setInsightsMode(input: InsightsModeInput): InsightsSetting;
}

/** The admin API's view: the same methods, taking whatever JSON arrived. */
export interface UncheckedTracesControl extends TracesControl {
  setSpanLag(input: unknown): SpanLag;
  appendTrace(input: unknown): AppendedTrace;
  setInsightsMode(input: unknown): InsightsSetting;
}

export function createTracesControl(store: LogStore, queries: InsightsQueries, deps: ModuleDeps): UncheckedTracesControl {
  let traces = 0;
  return {
    getSpanLag: () => store.spanLag,
    setSpanLag(input: unknown) {
      store.spanLag = parseAdmin(spanLagSchema, input, 'span lag');
      return store.spanLag;
    },
    getInsightsMode: () => queries.setting,
    setInsightsMode(input: unknown) {
      const { mode, slowMs } = parseAdmin(insightsModeSchema, input, 'insights mode');
      queries.setting = { mode, slowMs: slowMs ?? queries.setting.slowMs };
      return queries.setting;
    },
    appendTrace(input: unknown) {
      const spec = parseAdmin(appendTraceSchema, input, 'trace');
      const rt = runtimeWithEndpoint(deps, spec.runtimeName, spec.endpoint, spec.region);
      const startTime = spec.startTime ?? deps.now() - 60_000;
      const rng = Rng.for(deps.seed, 'appended-trace', rt.id, startTime, traces++);
      const traceId = rng.hex(32);
      const sessionId = spec.sessionId ?? rng.uuid();
      const source: SpanSource = {
        runtimeId: rt.id,
        runtimeName: rt.name,
        endpointName: spec.endpoint,
        region: rt.region,
        accountId: rt.accountId,
        ...(rt.memoryId ? { memoryId: rt.memoryId } : {}),
      };
      const trace = bigTrace(deps.seed, {
        source,
        model: modelFor(deps.seed, rt.id),
        traceId,
        sessionId,
        spans: spec.spans,
        orphans: spec.orphans,
        malformed: spec.malformed,
        startTime,
        durationMs: spec.durationMs,
      });
      // Written as already ingested: a test wants the whole trace at once, lag or not.
      const group = store.writableSpansGroup(rt.region);
      for (const s of [...trace.spans, ...trace.malformed]) store.append(group, SPANS_STREAM, s.timestamp, s.message);
      return { traceId, sessionId, spans: trace.spans.length, startTime, endTime: startTime + spec.durationMs };
    },
  };
}

export function tracesAdminRoutes(control: UncheckedTracesControl): AdminRoute[] {
  return [
    { method: 'GET', path: '/_emulator/spans', handle: () => control.getSpanLag() },
    { method: 'PUT', path: '/_emulator/spans', handle: (body) => control.setSpanLag(body) },
    { method: 'POST', path: '/_emulator/traces', handle: (body) => control.appendTrace(body) },
    { method: 'GET', path: '/_emulator/insights', handle: () => control.getInsightsMode() },
    { method: 'PUT', path: '/_emulator/insights', handle: (body) => control.setInsightsMode(body) },
  ];
}
