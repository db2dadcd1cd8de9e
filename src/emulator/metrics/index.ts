/**
 * CloudWatch GetMetricData for `AWS/Bedrock-AgentCore`: runtime, gateway and
 * memory metrics derived from real invocations plus a deterministic 7-day
 * synthetic history (diurnal shape, incident spikes).
 */
import type { EmulatorModule, ModuleDeps } from '../core/types';
import { getMetricData } from './get-metric-data';
import { RealTraffic } from './series';

export { METRICS, DIMENSION_SETS, NAMESPACE } from './catalog';

export interface MetricsModuleOptions {
  /**
   * Datapoints per GetMetricData response at most (AWS: 100,800). Lower, the
   * emulator answers StatusCode PartialData with a NextToken sooner, so tests
   * see paging without huge ranges.
   */
  maxDatapointsPerCall?: number;
}

export function createMetricsModule(deps: ModuleDeps, options: MetricsModuleOptions = {}): EmulatorModule {
  const real = new RealTraffic();
  return {
    routes: [
      {
        service: 'monitoring',
        operation: 'GetMetricData',
        method: 'POST',
        target: 'GraniteServiceVersion20100801.GetMetricData',
        handle: (ctx) => getMetricData({ world: deps.world, seed: deps.seed, real }, deps.now, ctx, options.maxDatapointsPerCall),
      },
    ],
    onInvocation: (record) => real.add(record),
    reset: () => real.clear(),
  };
}
