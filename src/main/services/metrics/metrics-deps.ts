/** What the metrics views share: where to ask, what is stored, the prices, and how to back off. */
import type { PriceTable } from '../../../shared/metrics';
import type { Backoff } from '../aws/throttle-retry';
import type { ConsoleLatencyReader } from './console-latency';
import type { MetricTargets } from './metric-target';
import type { SloStore } from './slo-store';

export interface MetricsDeps {
  targets: MetricTargets;
  slo: SloStore;
  prices: () => PriceTable;
  consoleLatency: ConsoleLatencyReader;
  backoff: Backoff;
}
