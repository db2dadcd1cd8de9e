/**
 * Artillery's `--output` JSON report read back into a LoadRun (source
 * `artillery`) judged by the scenario's acceptance table. A report from an
 * exported script carries the processor's per-stage counters, so each row is
 * judged exactly as in a console run. Any other report has only Artillery's
 * own metrics: one stage, whose within-limit share is read off the reported
 * percentiles of http.response_time (Artillery's time to first byte) — an
 * approximation the run's `partial` note states.
 */
import { z } from 'zod';
import { ApiError } from '../../../shared/errors';
import { errorClasses, type ErrorClass, type LoadRun, type LoadTick, type Percentiles, type Scenario, type StageResult } from '../../../shared/loadtest';
import { evaluateRow, verdictOf } from './acceptance';
import { stageWindowSeconds } from './artillery-script';
import { classifyStatus } from './error-class';
import { planStages } from './schedule';

const numbers = z.record(z.string(), z.number());
const period = z
  .object({
    counters: numbers.default({}),
    summaries: z.record(z.string(), numbers).default({}),
    firstMetricAt: z.number().optional(),
    lastMetricAt: z.number().optional(),
    period: z.union([z.string(), z.number()]).optional(),
  })
  .passthrough();
const reportSchema = z.object({ aggregate: period, intermediate: z.array(period).default([]) }).passthrough();
type Period = z.infer<typeof period>;

export interface ImportContext {
  id: string;
  scenario: Scenario;
  agentName: string;
  now: number;
}

export function importArtilleryReport(text: string, ctx: ImportContext): LoadRun {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ApiError('invalid_input', 'The report is not JSON. Use the file `artillery run --output report.json` writes.', { field: 'report' });
  }
  const parsed = reportSchema.safeParse(json);
  if (!parsed.success)
    throw new ApiError('invalid_input', 'This is not an Artillery report: it has no "aggregate" with counters and summaries.', { field: 'report' });
  const { aggregate, intermediate } = parsed.data;
  const startedAt = aggregate.firstMetricAt ?? Number(intermediate[0]?.period ?? ctx.now);
  const endedAt = aggregate.lastMetricAt ?? ctx.now;
  const plans = planStages(ctx.scenario);
  const ours = 'agentcore.stage_0.requests' in aggregate.counters;
  let offset = startedAt;
  const measured = ours
    ? plans.map((plan, k) => {
        const stage = stageFromCounters(aggregate, k, plan.users, offset);
        offset += stageWindowSeconds(ctx.scenario, plan.users) * 1000;
        return stage;
      })
    : [stageFromHttp(aggregate, plans[0]!.users, startedAt, plans[0]!.row?.latencyMs)];
  measured.forEach((m, k) => (m.result.endedAt = k === measured.length - 1 ? endedAt : (measured[k + 1]?.result.startedAt ?? endedAt)));
  const acceptance = plans.flatMap((p) => (p.row ? [evaluateRow(p.row, measured[p.index] && { stageIndex: p.index, ...measured[p.index]!.measure })] : []));
  const stages = measured.map((m) => m.result);
  const requests = stages.reduce((n, s) => n + s.requests, 0);
  const succeeded = stages.reduce((n, s) => n + s.succeeded, 0);
  return {
    summary: {
      id: ctx.id,
      name: ctx.scenario.name,
      agentKey: ctx.scenario.agentKey,
      agentName: ctx.agentName,
      qualifier: ctx.scenario.qualifier,
      source: 'artillery',
      startedAt,
      endedAt,
      status: 'completed',
      verdict: verdictOf(acceptance),
      requests,
      failed: requests - succeeded,
    },
    scenario: ctx.scenario,
    stages,
    acceptance,
    ticks: intermediate.map((p) => tickOf(p, startedAt, ctx.scenario)),
    errorSamples: [],
    ...(ours
      ? {}
      : {
          partial:
            'This report has none of the exported processor’s per-stage counters: it is read as one stage, latency is Artillery’s time to first byte, and the within-limit share is estimated from its percentiles.',
        }),
  };
}

interface Measured {
  result: StageResult;
  measure: { requests: number; withinLimit: number; percentile(p: number): number | null };
}

function stageFromCounters(agg: Period, k: number, users: number, startedAt: number): Measured {
  const c = (name: string): number => agg.counters[`agentcore.stage_${k}.${name}`] ?? 0;
  const errors: Partial<Record<ErrorClass, number>> = {};
  for (const cls of errorClasses) if (c(`errors.${cls}`) > 0) errors[cls] = c(`errors.${cls}`);
  const latency = agg.summaries[`agentcore.stage_${k}.latency_ok`];
  return {
    result: stageResult(k, users, startedAt, c('requests'), c('ok'), errors, percentilesOf(latency), c('cold_starts')),
    measure: { requests: c('requests'), withinLimit: c('within_limit'), percentile: (p) => atPercentile(latency, p) },
  };
}

function stageFromHttp(agg: Period, users: number, startedAt: number, limitMs: number | undefined): Measured {
  const { succeeded, errors } = codesOf(agg.counters);
  const failed = Object.values(errors).reduce((n, x) => n + x, 0);
  const requests = succeeded + failed;
  const latency = agg.summaries['http.response_time.2xx'] ?? agg.summaries['http.response_time'];
  const share = limitMs === undefined ? 0 : shareWithin(latency, limitMs);
  return {
    result: stageResult(0, users, startedAt, requests, succeeded, errors, percentilesOf(latency), 0),
    measure: { requests, withinLimit: Math.floor(succeeded * share), percentile: (p) => atPercentile(latency, p) },
  };
}

function stageResult(
  index: number,
  users: number,
  startedAt: number,
  requests: number,
  succeeded: number,
  errors: Partial<Record<ErrorClass, number>>,
  latencyMs: Percentiles,
  coldStarts: number,
): StageResult {
  return {
    index,
    users,
    startedAt,
    endedAt: null,
    requests,
    succeeded,
    errors,
    latencyMs,
    ttfbMs: percentilesOf(undefined),
    bytes: 0,
    coldStarts,
    achievedRps: 0,
    scheduledRps: null,
    histogram: [],
  };
}

/** http.codes.NNN and errors.CODE counters: successes, and failures by class. */
function codesOf(counters: Record<string, number>): { succeeded: number; errors: Partial<Record<ErrorClass, number>> } {
  let succeeded = 0;
  const errors: Partial<Record<ErrorClass, number>> = {};
  const add = (cls: ErrorClass, n: number): void => {
    errors[cls] = (errors[cls] ?? 0) + n;
  };
  for (const [name, n] of Object.entries(counters)) {
    const code = /^http\.codes\.(\d{3})$/.exec(name);
    if (code) {
      const status = Number(code[1]);
      if (status < 400) succeeded += n;
      else add(classifyStatus(status), n);
    } else if (name.startsWith('errors.')) add(/ETIMEDOUT|Timeout/i.test(name) ? 'timeout' : 'network', n);
  }
  return { succeeded, errors };
}

function tickOf(p: Period, startedAt: number, scenario: Scenario): LoadTick {
  const t = Number(p.period ?? p.firstMetricAt ?? startedAt);
  const { succeeded, errors } = codesOf(p.counters);
  const latency = p.summaries['agentcore.latency'] ?? p.summaries['http.response_time'];
  const plans = planStages(scenario);
  let stageIndex = plans.length - 1;
  let end = startedAt;
  for (const plan of plans) {
    end += stageWindowSeconds(scenario, plan.users) * 1000;
    if (t < end) {
      stageIndex = plan.index;
      break;
    }
  }
  return {
    t,
    stageIndex,
    activeUsers: (p.counters['vusers.created'] ?? 0) - (p.counters['vusers.completed'] ?? 0) - (p.counters['vusers.failed'] ?? 0),
    requests: p.counters['http.requests'] ?? succeeded + Object.values(errors).reduce((n, x) => n + x, 0),
    succeeded,
    errors,
    p50Ms: latency?.p50 ?? null,
    p90Ms: latency?.p90 ?? null,
    p99Ms: latency?.p99 ?? null,
  };
}

function percentilesOf(s: Record<string, number> | undefined): Percentiles {
  const v = (k: string): number | null => (s && typeof s[k] === 'number' ? s[k]! : null);
  return { count: v('count') ?? 0, min: v('min'), mean: v('mean'), p50: v('p50') ?? v('median'), p90: v('p90'), p95: v('p95'), p99: v('p99'), max: v('max') };
}

const REPORTED: Array<[number, string]> = [
  [50, 'p50'],
  [75, 'p75'],
  [90, 'p90'],
  [95, 'p95'],
  [99, 'p99'],
  [99.9, 'p999'],
  [100, 'max'],
];

/** The reported percentile at or just above p (Artillery reports a fixed set). */
function atPercentile(s: Record<string, number> | undefined, p: number): number | null {
  if (!s) return null;
  for (const [q, key] of REPORTED) if (q >= p && typeof s[key] === 'number') return s[key]!;
  return s.max ?? null;
}

/** The largest reported percentile whose value is within the limit, as a share (0–1). */
function shareWithin(s: Record<string, number> | undefined, limitMs: number): number {
  if (!s) return 0;
  let share = 0;
  for (const [q, key] of REPORTED) if (typeof s[key] === 'number' && s[key]! <= limitMs) share = q / 100;
  return share;
}
