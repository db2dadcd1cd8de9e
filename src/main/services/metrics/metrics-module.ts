/**
 * Metrics and cost as a feature module: per-agent, per-fleet and per-resource
 * views from CloudWatch GetMetricData, SLO thresholds and their breaches in
 * SQLite, and the price table (`resources/pricing.json`, read once at start,
 * with the user's overrides from SQLite on top).
 */
import type { FeatureModule } from '../../app/feature-module';
import type { ClientFactory } from '../aws/clients';
import { DEFAULT_BACKOFF, type Backoff } from '../aws/throttle-retry';
import { applyOverrides, bundledPricingPath, loadPriceFile, type PriceFile } from '../cost/price-table';
import { PriceOverrides } from '../cost/price-overrides';
import type { FleetService } from '../fleet/fleet-service';
import type { Db } from '../store/database';
import { agentMetrics } from './agent-metrics';
import { ConsoleLatencyReader } from './console-latency';
import { fleetMetrics } from './fleet-metrics';
import { harnessCost } from './harness-cost';
import { metricTargets } from './metric-target';
import type { MetricsDeps } from './metrics-deps';
import { resourceMetrics } from './resource-metrics';
import { SloStore } from './slo-store';

export interface MetricsModuleDeps {
  db: Db;
  clients: Pick<ClientFactory, 'metricsClient' | 'forCell'>;
  fleet: Pick<FleetService, 'find' | 'snapshot'>;
  backoff?: Backoff;
  /** Default: resources/pricing.json found next to the app. */
  pricingFile?: string;
  clock?: () => number;
  tokenUsage?: MetricsDeps['tokenUsage'];
}

export type MetricsModule = FeatureModule<
  'metrics.agent' | 'metrics.fleet' | 'metrics.resource' | 'metrics.harness' | 'metrics.slo.set' | 'metrics.breaches' | 'prices.get' | 'prices.set'
>;

export function createMetricsModule(deps: MetricsModuleDeps): MetricsModule {
  const file: PriceFile = loadPriceFile(deps.pricingFile ?? bundledPricingPath());
  const overrides = new PriceOverrides(deps.db);
  const prices = () => applyOverrides(file, overrides.get());
  const slo = new SloStore(deps.db);
  const shared: MetricsDeps = {
    targets: metricTargets(deps.fleet, deps.clients, deps.clock),
    slo,
    prices,
    consoleLatency: new ConsoleLatencyReader(deps.db),
    backoff: deps.backoff ?? DEFAULT_BACKOFF,
    ...(deps.tokenUsage ? { tokenUsage: deps.tokenUsage } : {}),
  };
  return {
    methods: {
      'metrics.agent': (input) => agentMetrics(shared, input),
      'metrics.fleet': (input) => fleetMetrics(shared, input),
      'metrics.resource': (input) => resourceMetrics(shared, input),
      'metrics.harness': (input) => harnessCost({ db: deps.db, clients: deps.clients, fleet: deps.fleet, prices, clock: deps.clock ?? Date.now }, input),
      'metrics.slo.set': async ({ agentKey, slo: thresholds }) => slo.set(agentKey, thresholds),
      'metrics.breaches': async (filter) => slo.list(filter),
      'prices.get': async () => prices(),
      'prices.set': async ({ overrides: next }) => {
        overrides.replace(next);
        return prices();
      },
    },
    streams: {},
  };
}
