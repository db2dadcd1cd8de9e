/** What the metrics views share: where to ask, what is stored, the prices, and how to back off. */
import type { PriceTable } from '../../../shared/metrics';
import type { TokenUsage } from '../../../shared/traces';
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
  /** Token usage from the agent's model spans (the traces module); absent, model cost is not included. */
  tokenUsage?: (agentKey: string, startMs: number, endMs: number) => Promise<TokenUsage>;
}
