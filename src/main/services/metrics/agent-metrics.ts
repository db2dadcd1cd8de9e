/**
 * `metrics.agent`: one runtime endpoint's CloudWatch series over the range,
 * the console's own latencies beside them, stat tiles against the previous
 * window, SLO breaches and cost. One GetMetricData request carries it all:
 * the series at the automatic period and the tiles as one bucket per window
 * (CloudWatch computes p99 over the whole window, which per-period p99s
 * cannot give).
 */
import type { AgentMetrics, MetricsNotice, Series, StatTile } from '../../../shared/metrics';
import { breakdown, MODEL_COST_NOT_INCLUDED, runtimeUsages } from '../cost/cost-lines';
import { modelCostGap, modelUsages } from '../cost/model-cost';
import { usageByModel } from '../../../shared/traces';
import { sloBreaches } from './breaches';
import { fetchMetrics, newTally, tallyNotices, type StatQuery } from './metric-fetch';
import { RUNTIME, runtimeEndpointDimensions } from './metric-names';
import { resolveRange } from './metric-range';
import type { MetricsDeps } from './metrics-deps';
import { noDataNotice, laggingNotice } from './notices';
import { align, at, ratioPct } from './series-math';

type Input = { agentKey: string; endpoint: string; range: Parameters<typeof resolveRange>[0] };

const SERIES: Array<{ key: string; metric: string; stat: string; label: string; unit: Series['unit'] }> = [
  { key: 'invocations', metric: RUNTIME.invocations, stat: 'Sum', label: 'Invocations', unit: 'count' },
  { key: 'errors.system', metric: RUNTIME.systemErrors, stat: 'Sum', label: 'System errors', unit: 'count' },
  { key: 'errors.user', metric: RUNTIME.userErrors, stat: 'Sum', label: 'User errors', unit: 'count' },
  { key: 'errors.total', metric: RUNTIME.totalErrors, stat: 'Sum', label: 'Errors', unit: 'count' },
  { key: 'throttles', metric: RUNTIME.throttles, stat: 'Sum', label: 'Throttles', unit: 'count' },
  { key: 'sessions', metric: RUNTIME.sessions, stat: 'Sum', label: 'New sessions', unit: 'count' },
  { key: 'latency.p50', metric: RUNTIME.latency, stat: 'p50', label: 'Latency p50', unit: 'ms' },
  { key: 'latency.p90', metric: RUNTIME.latency, stat: 'p90', label: 'Latency p90', unit: 'ms' },
  { key: 'latency.p99', metric: RUNTIME.latency, stat: 'p99', label: 'Latency p99', unit: 'ms' },
  { key: 'cpu', metric: RUNTIME.cpu, stat: 'Sum', label: 'CPU used', unit: 'vcpu-hours' },
  { key: 'memory', metric: RUNTIME.memory, stat: 'Sum', label: 'Memory used', unit: 'gb-hours' },
];

/** Per-window figures for the tiles and the cost (one bucket each). */
export const TILE_QUERIES = [
  { key: 'inv', metric: RUNTIME.invocations, stat: 'Sum' },
  { key: 'err', metric: RUNTIME.totalErrors, stat: 'Sum' },
  { key: 'thr', metric: RUNTIME.throttles, stat: 'Sum' },
  { key: 'sess', metric: RUNTIME.sessions, stat: 'Sum' },
  { key: 'p99', metric: RUNTIME.latency, stat: 'p99' },
  { key: 'cpu', metric: RUNTIME.cpu, stat: 'Sum' },
  { key: 'mem', metric: RUNTIME.memory, stat: 'Sum' },
] as const;

export async function agentMetrics(deps: MetricsDeps, input: Input): Promise<AgentMetrics> {
  const target = deps.targets.of(input.agentKey, ['runtime']);
  const { resource, client } = target;
  const now = target.now();
  const range = resolveRange(input.range, now);
  const periodMs = range.periodSeconds * 1000;
  const windowS = (range.endTime - range.startTime) / 1000;
  const dimensions = runtimeEndpointDimensions(resource.arn, resource.name, input.endpoint);
  const queries: StatQuery[] = [
    ...SERIES.map((s) => ({ key: `s.${s.key}`, metric: s.metric, dimensions, stat: s.stat, periodSeconds: range.periodSeconds })),
    ...TILE_QUERIES.map((t) => ({ key: `t.${t.key}`, metric: t.metric, dimensions, stat: t.stat, periodSeconds: windowS })),
  ];
  const tally = newTally();
  const from = range.previousStart ?? range.startTime;
  // Read beside the metrics, not after them: the spans query is the slower of the two.
  const tokens = deps.tokenUsage?.(input.agentKey, range.startTime, range.endTime).then(
    (usage) => ({ models: usageByModel(usage.days), why: usage.notices[0]?.message }),
    (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }),
  );
  const data = await fetchMetrics(client, { startTime: from, endTime: range.endTime }, queries, deps.backoff, tally);

  const series: Series[] = SERIES.map((s) => ({
    id: s.key,
    label: s.label,
    unit: s.unit,
    source: 'cloudwatch',
    points: align(data.get(`s.${s.key}`), range.startTime, range.endTime, periodMs),
  }));
  const pointsOf = (id: string) => series.find((s) => s.id === id)!.points;
  const errorRate = ratioPct(pointsOf('errors.total'), pointsOf('invocations'));
  series.push({ id: 'errorRate', label: 'Error rate', unit: 'percent', source: 'cloudwatch', points: errorRate });

  const consoleSide = deps.consoleLatency.read(
    input.agentKey,
    input.endpoint,
    { from, start: range.startTime, end: range.endTime, periodMs },
    range.previousStart !== null,
  );
  series.push(...consoleSide.series);

  const prices = deps.prices();
  const tile = (key: string, t: number | null) => (t === null ? null : at(data.get(`t.${key}`), t));
  const windows = { now: range.startTime, previous: range.previousStart };
  const figure = (f: (t: number | null) => number | null) => ({ now: f(windows.now), previous: f(windows.previous) });
  const rate = (t: number | null) => {
    const inv = tile('inv', t);
    return inv ? (100 * (tile('err', t) ?? 0)) / inv : null;
  };
  const costAt = (t: number | null) => {
    if (t === null || (tile('cpu', t) === null && tile('mem', t) === null)) return null;
    return breakdown(runtimeUsages(tile('cpu', t) ?? 0, tile('mem', t) ?? 0, 'window'), prices, []).totalUsd;
  };
  const tiles: StatTile[] = [
    { id: 'invocations', label: 'Invocations', unit: 'count', ...figure((t) => tile('inv', t)) },
    { id: 'errorRate', label: 'Error rate', unit: 'percent', ...figure(rate) },
    { id: 'p99', label: 'Latency p99', unit: 'ms', ...figure((t) => tile('p99', t)) },
    { id: 'throttles', label: 'Throttles', unit: 'count', ...figure((t) => tile('thr', t)) },
    { id: 'sessions', label: 'New sessions', unit: 'count', ...figure((t) => tile('sess', t)) },
    { id: 'cost', label: 'Runtime cost', unit: 'usd', ...figure(costAt) },
    { id: 'coldStarts', label: 'Cold starts (this console)', unit: 'count', ...consoleSide.coldStarts },
  ];

  const scope = `${resource.name}::${input.endpoint}, ${new Date(range.startTime).toISOString()} – ${new Date(range.endTime).toISOString()}`;
  const usage = (await tokens) ?? { skipped: true };
  const models = 'models' in usage ? usage.models : [];
  const gaps =
    'skipped' in usage
      ? [MODEL_COST_NOT_INCLUDED]
      : 'error' in usage
        ? [modelCostGap(resource.name, 'error', usage.error)]
        : models.length === 0
          ? [modelCostGap(resource.name, 'none', usage.why)]
          : [];
  // Spans name the runtime, not the endpoint: model cost covers all of the runtime's endpoints.
  const modelScope = `${resource.name}, all endpoints, the range`;
  const cost = breakdown(
    [...runtimeUsages(tile('cpu', windows.now) ?? 0, tile('mem', windows.now) ?? 0, scope), ...modelUsages(models, modelScope)],
    prices,
    gaps,
  );

  const slo = deps.slo.get(input.agentKey);
  const live = range.endTime >= now;
  deps.slo.record(input.agentKey, sloBreaches(errorRate, pointsOf('latency.p99'), slo, periodMs, live), range.startTime, live);
  const breaches = deps.slo.list({ agentKey: input.agentKey, since: range.startTime }).filter((b) => b.startedAt < range.endTime);

  const notices: MetricsNotice[] = [...range.notices, ...tallyNotices(tally)];
  const hasData = [...data.values()].some((m) => m.size > 0);
  if (!hasData) notices.push(noDataNotice(resource, input.endpoint, range, now));
  else if (now - range.endTime < 3_600_000) notices.push(laggingNotice());

  return {
    agentKey: input.agentKey,
    agentName: resource.name,
    endpoint: input.endpoint,
    startTime: range.startTime,
    endTime: range.endTime,
    periodSeconds: range.periodSeconds,
    series,
    tiles,
    slo,
    breaches,
    cost,
    notices,
    calls: tally.calls,
  };
}
