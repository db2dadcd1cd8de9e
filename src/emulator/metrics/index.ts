/**
 * CloudWatch GetMetricData for `AWS/Bedrock-AgentCore`: runtime, gateway and
 * memory metrics derived from real invocations plus a deterministic 7-day
 * synthetic history (diurnal shape, incident spikes).
 */
import type { EmulatorModule, ModuleDeps } from '../core/types';
import { getMetricData } from './get-metric-data';
import { RealTraffic } from './series';

export { METRICS, DIMENSION_SETS, NAMESPACE } from './catalog';

export function createMetricsModule(deps: ModuleDeps): EmulatorModule {
  const real = new RealTraffic();
  return {
    routes: [
      {
        service: 'monitoring',
        operation: 'GetMetricData',
        method: 'POST',
        target: 'GraniteServiceVersion20100801.GetMetricData',
        handle: (ctx) => getMetricData({ world: deps.world, seed: deps.seed, real }, deps.now, ctx),
      },
    ],
    onInvocation: (record) => real.add(record),
    reset: () => real.clear(),
  };
}
