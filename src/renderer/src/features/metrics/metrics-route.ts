/**
 * The metrics page's place in the URL: whose metrics (an agent runtime, or a
 * memory / gateway by `resource`), which endpoint, and over which range — a
 * preset measured back from now, or fixed `from`/`to` bounds. Presets stay
 * presets in links, so a shared link means "the last hour" when it is opened.
 */
import { rangePresets, type MetricRange, type RangePreset } from '../../../../shared/metrics';
import type { Query } from '../../routing/hash-route';

export const DEFAULT_ENDPOINT = 'DEFAULT';
export const DEFAULT_PRESET: RangePreset = '1h';

export type ViewRange = { kind: 'preset'; preset: RangePreset } | { kind: 'absolute'; from: number; to: number };

export interface MetricsView {
  /** A runtime's fleet key; null with no resource is the fleet view. */
  agent: string | null;
  /** A memory's or gateway's fleet key (`#/metrics?resource=`). */
  resource: string | null;
  endpoint: string;
  range: ViewRange;
}

const ENDPOINT = /^[A-Za-z0-9_-]{1,100}$/;
/** Fleet keys are `<profile>|<region>|<kind>|<id>`, as chat's agentKeySchema and fleet's resourceKeySchema have them. */
const RUNTIME_KEY = /^[^|]+\|[a-z0-9-]+\|runtime\|[^|]+$/;
const RESOURCE_KEY = /^[^|]+\|[a-z0-9-]+\|(memory|gateway)\|[^|]+$/;

const epoch = (value: string | undefined): number | null => (value !== undefined && /^\d{1,16}$/.test(value) ? Number(value) : null);
const isPreset = (value: string | undefined): value is RangePreset => (rangePresets as readonly string[]).includes(value ?? '');

export function parseMetricsQuery(query: Query): MetricsView {
  const from = epoch(query.from);
  const to = epoch(query.to);
  let range: ViewRange;
  // Fixed bounds win over a preset: a link from a breach or a zoom names its period.
  if (from !== null && to !== null && to > from) range = { kind: 'absolute', from, to };
  else range = { kind: 'preset', preset: isPreset(query.range) ? query.range : DEFAULT_PRESET };
  const agent = query.agent && query.agent.length <= 400 && RUNTIME_KEY.test(query.agent) ? query.agent : null;
  const resource = !agent && query.resource && query.resource.length <= 600 && RESOURCE_KEY.test(query.resource) ? query.resource : null;
  return {
    agent,
    resource,
    endpoint: query.endpoint && ENDPOINT.test(query.endpoint) ? query.endpoint : DEFAULT_ENDPOINT,
    range,
  };
}

/** The query of a metrics view, defaults left out. */
export function metricsQuery(view: Partial<MetricsView>): Record<string, string> {
  const q: Record<string, string> = {};
  if (view.agent) q.agent = view.agent;
  else if (view.resource) q.resource = view.resource;
  if (view.agent && view.endpoint && view.endpoint !== DEFAULT_ENDPOINT) q.endpoint = view.endpoint;
  if (view.range?.kind === 'absolute') {
    q.from = String(view.range.from);
    q.to = String(view.range.to);
  } else if (view.range && view.range.preset !== DEFAULT_PRESET) q.range = view.range.preset;
  return q;
}

/** The range as the contract takes it. */
export const toMetricRange = (range: ViewRange): MetricRange =>
  range.kind === 'preset' ? { preset: range.preset } : { startTime: range.from, endTime: range.to };
