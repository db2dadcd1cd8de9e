/**
 * The metrics module as main runs it, for tests and benchmarks: the emulator
 * (optionally capping datapoints per GetMetricData answer, so PartialData
 * paging shows on ordinary ranges), a polled fleet of one region, the real
 * metrics module with a short backoff, and a typed call per method (inputs
 * parsed by the contract's schemas, as the dispatcher does).
 */
import type { z } from 'zod';
import type { EmulatorOptions } from '../../../src/emulator/index';
import { createMetricsModule as createEmulatorMetrics } from '../../../src/emulator/metrics/index';
import { MODULE_FACTORIES } from '../../../src/emulator/modules';
import { createMetricsModule, type MetricsModule } from '../../../src/main/services/metrics/metrics-module';
import type { MethodName, MethodOutput } from '../../../src/shared/contract';
import { contract } from '../../../src/shared/contract';
import { callAsOwner } from './caller';
import { startDemoFleetRig, type DemoFleetRig } from './demo-fleet-rig';

type MetricsMethod = Extract<MethodName, `metrics.${string}` | `prices.${string}`>;

export interface MetricsModuleRig extends DemoFleetRig {
  metrics: MetricsModule;
  call<M extends MetricsMethod>(method: M, input: z.input<(typeof contract)[M]['input']>): Promise<MethodOutput<M>>;
  /** A second module on the same database (a restart). */
  restart(options?: { pricingFile?: string }): MetricsModule;
}

export async function startMetricsModuleRig(
  emulator: EmulatorOptions,
  options: { maxDatapointsPerCall?: number; pricingFile?: string; region?: string } = {},
): Promise<MetricsModuleRig> {
  const modules = MODULE_FACTORIES.map(([name, factory]) =>
    name === 'metrics'
      ? (deps: Parameters<typeof factory>[0]) =>
          createEmulatorMetrics(deps, options.maxDatapointsPerCall ? { maxDatapointsPerCall: options.maxDatapointsPerCall } : {})
      : factory,
  );
  const base = await startDemoFleetRig({ ...emulator, modules }, options.region ?? 'us-east-1', 'metrics-rig-');
  const make = (pricingFile?: string) =>
    createMetricsModule({ db: base.db, clients: base.clients, fleet: base.fleet, backoff: { delaysMs: [5, 5] }, ...(pricingFile ? { pricingFile } : {}) });
  const rig: MetricsModuleRig = {
    ...base,
    metrics: make(options.pricingFile),
    call: (method, input) => callAsOwner(rig.metrics.methods, method, input),
    restart: (o = {}) => make(o.pricingFile ?? options.pricingFile),
  };
  return rig;
}
