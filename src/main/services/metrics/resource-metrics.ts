/**
 * `metrics.resource`: a memory's or a gateway's CloudWatch series and what
 * its metrics allow to price. Memory: new short-term events (CreateEvent
 * calls) and retrievals (RetrieveMemoryRecords calls); gateway: invocations.
 * What the metrics cannot price is said in `notIncluded`.
 */
import type { MetricRange, MetricsNotice, ResourceMetrics, Series } from '../../../shared/metrics';
import { breakdown, MODEL_COST_NOT_INCLUDED, type Usage } from '../cost/cost-lines';
import { fetchMetrics, newTally, tallyNotices, type StatQuery } from './metric-fetch';
import { GATEWAY, gatewayDimensions, MEMORY, MEMORY_OPERATION, memoryDimensions } from './metric-names';
import { resolveRange } from './metric-range';
import type { MetricsDeps } from './metrics-deps';
import { align, at } from './series-math';

interface SeriesSpec {
  key: string;
  metric: string;
  stat: string;
  label: string;
  unit: Series['unit'];
}

const MEMORY_SERIES: SeriesSpec[] = [
  { key: 'invocations', metric: MEMORY.invocations, stat: 'Sum', label: 'Calls', unit: 'count' },
  { key: 'errors', metric: MEMORY.errors, stat: 'Sum', label: 'Errors', unit: 'count' },
  { key: 'throttles', metric: MEMORY.throttles, stat: 'Sum', label: 'Throttles', unit: 'count' },
  { key: 'latency.p99', metric: MEMORY.latency, stat: 'p99', label: 'Latency p99', unit: 'ms' },
  { key: 'records', metric: MEMORY.records, stat: 'Sum', label: 'Long-term records created', unit: 'count' },
];

const GATEWAY_SERIES: SeriesSpec[] = [
  { key: 'invocations', metric: GATEWAY.invocations, stat: 'Sum', label: 'Invocations', unit: 'count' },
  { key: 'errors.system', metric: GATEWAY.systemErrors, stat: 'Sum', label: 'System errors', unit: 'count' },
  { key: 'errors.user', metric: GATEWAY.userErrors, stat: 'Sum', label: 'User errors', unit: 'count' },
  { key: 'throttles', metric: GATEWAY.throttles, stat: 'Sum', label: 'Throttles', unit: 'count' },
  { key: 'latency.p99', metric: GATEWAY.latency, stat: 'p99', label: 'Latency p99', unit: 'ms' },
];

export const MEMORY_NOT_INCLUDED = [
  'Long-term record storage not included: it is billed per stored record per month, and CloudWatch counts records created (CreationCount), not records stored.',
  MODEL_COST_NOT_INCLUDED,
];
export const GATEWAY_NOT_INCLUDED = [
  'Gateway search not included: the metrics do not tell semantic-search calls from other tools/call invocations.',
  'Gateway tool indexing not included: it is billed per indexed tool per month, which no metric reports.',
];

export async function resourceMetrics(deps: MetricsDeps, input: { key: string; range: MetricRange }): Promise<ResourceMetrics> {
  const target = deps.targets.of(input.key, ['memory', 'gateway']);
  const { resource, client } = target;
  const now = target.now();
  const range = resolveRange(input.range, now);
  const periodMs = range.periodSeconds * 1000;
  const windowS = (range.endTime - range.startTime) / 1000;
  const memory = resource.kind === 'memory';
  const specs = memory ? MEMORY_SERIES : GATEWAY_SERIES;
  const dims = memory ? memoryDimensions(resource.arn) : gatewayDimensions(resource.arn);
  const queries: StatQuery[] = specs.map((s) => ({ key: s.key, metric: s.metric, dimensions: dims, stat: s.stat, periodSeconds: range.periodSeconds }));
  // Priced usage over the whole range, one bucket each.
  if (memory)
    for (const [key, op] of Object.entries(MEMORY_OPERATION))
      queries.push({ key: `usage.${key}`, metric: MEMORY.invocations, dimensions: memoryDimensions(resource.arn, op), stat: 'Sum', periodSeconds: windowS });
  else queries.push({ key: 'usage.invocations', metric: GATEWAY.invocations, dimensions: dims, stat: 'Sum', periodSeconds: windowS });

  const tally = newTally();
  const data = await fetchMetrics(client, { startTime: range.startTime, endTime: range.endTime }, queries, deps.backoff, tally);
  const series: Series[] = specs.map((s) => ({
    id: s.key,
    label: s.label,
    unit: s.unit,
    source: 'cloudwatch',
    points: align(data.get(s.key), range.startTime, range.endTime, periodMs),
  }));
  const used = (key: string) => at(data.get(`usage.${key}`), range.startTime) ?? 0;
  const scope = `${resource.name}, the range`;
  const usages: Usage[] = memory
    ? [
        {
          id: 'memory.events',
          label: 'Short-term events',
          priceId: 'memory.events',
          quantity: used('events'),
          unit: 'events',
          source: `CloudWatch Invocations, Operation=CreateEvent, Sum (${scope})`,
        },
        {
          id: 'memory.retrievals',
          label: 'Retrievals',
          priceId: 'memory.retrievals',
          quantity: used('retrievals'),
          unit: 'retrievals',
          source: `CloudWatch Invocations, Operation=RetrieveMemoryRecords, Sum (${scope})`,
        },
      ]
    : [
        {
          id: 'gateway.invocations',
          label: 'Gateway invocations',
          priceId: 'gateway.invocations',
          quantity: used('invocations'),
          unit: 'invocations',
          source: `CloudWatch Invocations, Sum (${scope})`,
        },
      ];
  const cost = breakdown(usages, deps.prices(), memory ? MEMORY_NOT_INCLUDED : GATEWAY_NOT_INCLUDED);

  const notices: MetricsNotice[] = [...range.notices, ...tallyNotices(tally)];
  if (![...data.values()].some((m) => m.size > 0))
    notices.push({
      code: 'no_data',
      message: `CloudWatch has no AgentCore metrics for the ${resource.kind} ${resource.name} in ${resource.region} over this range: it was not used then, it is new (metrics start with its first call), or its status (${resource.status}) keeps it from serving.`,
    });
  return {
    key: input.key,
    kind: memory ? 'memory' : 'gateway',
    startTime: range.startTime,
    endTime: range.endTime,
    periodSeconds: range.periodSeconds,
    series,
    cost,
    notices,
    calls: tally.calls,
  };
}
