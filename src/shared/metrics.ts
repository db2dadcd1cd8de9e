/**
 * Metrics and cost as the console charts them: CloudWatch's AgentCore
 * metrics per agent (and per memory and gateway), the console's own measured
 * latencies from chat beside them, stat tiles against the previous period,
 * SLO thresholds with their breaches, and cost figures that each carry their
 * formula and inputs. Prices come from one table (`resources/pricing.json`,
 * overridable in settings); nothing here holds a price literal.
 */
import { z } from 'zod';
import { agentKeySchema } from './chat';
import { command, query } from './contract-kit';
import { resourceKeySchema } from './fleet';

export const rangePresets = ['1h', '6h', '24h', '7d'] as const;
export type RangePreset = (typeof rangePresets)[number];
export const RANGE_PRESET_MS: Record<RangePreset, number> = { '1h': 3_600_000, '6h': 6 * 3_600_000, '24h': 24 * 3_600_000, '7d': 7 * 24 * 3_600_000 };

const epochMs = z.number().int().min(0).max(8_640_000_000_000_000);
/** A preset measured back from now on AWS's clock, or a fixed range (epoch ms). */
export const metricRangeSchema = z.union([
  z.object({ preset: z.enum(rangePresets) }).strict(),
  z
    .object({ startTime: epochMs, endTime: epochMs })
    .strict()
    .refine((r) => r.endTime > r.startTime, { message: 'The range ends before it starts', path: ['endTime'] }),
]);
export type MetricRange = z.infer<typeof metricRangeSchema>;

/** [epoch ms, value]; null where CloudWatch has no datapoint for that period. */
export type Point = [number, number | null];

export interface Series {
  id: string;
  label: string;
  unit: 'count' | 'ms' | 'percent' | 'vcpu-hours' | 'gb-hours' | 'usd';
  points: Point[];
  /** Where the figures come from: CloudWatch, or the console's own measurements of its chats. */
  source: 'cloudwatch' | 'console';
}

export interface StatTile {
  id: 'invocations' | 'errorRate' | 'p99' | 'throttles' | 'sessions' | 'cost' | 'coldStarts';
  label: string;
  unit: Series['unit'];
  now: number | null;
  /** The same figure over the period just before the range. */
  previous: number | null;
}

export interface SloThresholds {
  /** Errors ÷ invocations over a period, in percent. */
  errorRatePct: number;
  p99Ms: number;
}

export interface SloBreach {
  agentKey: string;
  kind: 'errorRate' | 'p99';
  startedAt: number;
  /** Absent while the breach is still open. */
  endedAt?: number;
  /** The worst value seen during the breach. */
  worst: number;
  threshold: number;
}

/** One figure of the cost view: the amount, and how it was computed, so the UI can open it. */
export interface CostLine {
  id: string;
  label: string;
  usd: number;
  /** e.g. "12.5 vCPU-hours × $0.0895 per vCPU-hour". */
  formula: string;
  inputs: Array<{ label: string; value: number; unit: string; source: string }>;
  /** The price table entry it used. */
  priceId: string;
  /** The inputs can trail real usage (resource usage metrics lag up to an hour). */
  lagging?: string;
}

export interface CostBreakdown {
  totalUsd: number;
  lines: CostLine[];
  /** Said when a part of the bill cannot be computed yet, e.g. "Model cost not included: token usage comes from traces". */
  notIncluded: string[];
}

/** Why a chart is empty or incomplete, in words an SRE can act on. */
export interface MetricsNotice {
  /** aws_error: one (profile, region) of the fleet failed; its agents show no figures, the others do. */
  code: 'no_data' | 'partial_data' | 'throttled' | 'lagging' | 'range_clamped' | 'aws_error';
  message: string;
}

export interface AgentMetrics {
  agentKey: string;
  agentName: string;
  endpoint: string;
  startTime: number;
  endTime: number;
  periodSeconds: number;
  series: Series[];
  tiles: StatTile[];
  slo: SloThresholds;
  breaches: SloBreach[];
  cost: CostBreakdown;
  notices: MetricsNotice[];
  /** GetMetricData calls this answer took (each up to 500 queries). */
  calls: number;
}

export interface FleetMetricsRow {
  agentKey: string;
  name: string;
  region: string;
  profile: string;
  invocations: number | null;
  errorRatePct: number | null;
  p99Ms: number | null;
  costUsd: number | null;
  breached: boolean;
}

export interface FleetMetrics {
  startTime: number;
  endTime: number;
  tiles: StatTile[];
  /** Worst first: open breaches, then error rate, then p99. */
  rows: FleetMetricsRow[];
  cost: CostBreakdown;
  /** This month's spend so far extrapolated to its end, with how. */
  monthEnd: { usd: number; formula: string } | null;
  notices: MetricsNotice[];
  calls: number;
}

export interface ResourceMetrics {
  key: string;
  kind: 'memory' | 'gateway';
  startTime: number;
  endTime: number;
  periodSeconds: number;
  series: Series[];
  cost: CostBreakdown;
  notices: MetricsNotice[];
  calls: number;
}

/** A harness's model cost from the token usage its replies reported to this console's chats (the only counts there are). */
export interface HarnessCost {
  key: string;
  startTime: number;
  endTime: number;
  model?: string;
  turns: number;
  inputTokens: number;
  outputTokens: number;
  cost: CostBreakdown;
}

export interface PriceEntry {
  id: string;
  label: string;
  usd: number;
  /** e.g. "vCPU-hour", "1,000 events". */
  per: string;
}

export interface PriceTable {
  source: string;
  checked: string;
  region: string;
  entries: PriceEntry[];
  /** Entries whose value came from settings instead of the file. */
  overridden: string[];
  /** Entries of the file or the overrides that were refused, each naming the entry; their defaults are kept. */
  errors: string[];
}

export const metricsInputs = {
  agent: z.object({ agentKey: agentKeySchema, endpoint: z.string().min(1).max(100).default('DEFAULT'), range: metricRangeSchema }).strict(),
  fleet: z.object({ range: metricRangeSchema }).strict(),
  resource: z.object({ key: resourceKeySchema, range: metricRangeSchema }).strict(),
  sloSet: z
    .object({
      agentKey: agentKeySchema,
      /** null restores the defaults. */
      slo: z
        .object({ errorRatePct: z.number().min(0).max(100), p99Ms: z.number().int().min(1).max(3_600_000) })
        .strict()
        .nullable(),
    })
    .strict(),
  breaches: z.object({ agentKey: agentKeySchema.optional(), since: epochMs.optional() }).strict(),
  harness: z.object({ key: resourceKeySchema, range: metricRangeSchema }).strict(),
  pricesSet: z.object({ overrides: z.record(z.string().min(1).max(100), z.number().min(0).max(1_000_000)) }).strict(),
};

export const metricsContract = {
  methods: {
    'metrics.agent': query<AgentMetrics>()(metricsInputs.agent),
    'metrics.fleet': query<FleetMetrics>()(metricsInputs.fleet),
    'metrics.resource': query<ResourceMetrics>()(metricsInputs.resource),
    'metrics.harness': query<HarnessCost>()(metricsInputs.harness),
    'metrics.slo.set': command<SloThresholds>()(metricsInputs.sloSet),
    'metrics.breaches': query<SloBreach[]>()(metricsInputs.breaches),
    'prices.get': query<PriceTable>()(z.object({}).strict()),
    'prices.set': command<PriceTable>()(metricsInputs.pricesSet),
  },
} as const;
