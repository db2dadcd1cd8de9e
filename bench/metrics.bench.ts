/**
 * Metrics views over 7 days of one-minute AgentCore datapoints for 20 agents
 * (the demo's us-east-1 runtimes plus scaled ones), through the real metrics
 * module and CloudWatch client against the emulator:
 *
 * - fleet open (7d): every runtime's tiles and the month so far, batched
 *   GetMetricData — time and calls;
 * - agent open (7d, 10-minute period) and agent open (24h, 1-minute period)
 *   for each of the 20 agents — time p50 / max and calls each.
 *
 * The ratio beside them (fleet open ÷ one agent open, same run) is what to
 * compare across machines.
 */
import { OWNER } from '../test/integration/helpers/caller';
import { startMetricsModuleRig } from '../test/integration/helpers/metrics-module-rig';
import { percentile, type Bench } from './bench-types';

const AGENTS = 20;
const REGION = 'us-east-1';

const bench: Bench = {
  name: 'metrics (7 days of 1-minute datapoints, 20 agents)',
  async run() {
    const demoRuntimes = 9;
    const rig = await startMetricsModuleRig({ fast: true, scale: AGENTS - demoRuntimes });
    try {
      const runtimes = rig.fleet.snapshot().resources.filter((r) => r.kind === 'runtime' && r.region === REGION);
      if (runtimes.length < AGENTS) throw new Error(`expected ${AGENTS} runtimes, the fleet has ${runtimes.length}`);
      const agents = runtimes.slice(0, AGENTS);
      const methods = rig.metrics.methods;

      let t = performance.now();
      const fleet = await methods['metrics.fleet']({ range: { preset: '7d' } }, OWNER);
      const fleetMs = performance.now() - t;
      if (fleet.rows.length !== runtimes.length) throw new Error('the fleet view lost rows');

      const open = async (preset: '7d' | '24h') => {
        const ms: number[] = [];
        const calls: number[] = [];
        for (const a of agents) {
          const endpoint = a.endpoints?.find((e) => e.name !== 'DEFAULT')?.name ?? 'DEFAULT';
          t = performance.now();
          const m = await methods['metrics.agent']({ agentKey: a.key, endpoint, range: { preset } }, OWNER);
          ms.push(performance.now() - t);
          calls.push(m.calls);
        }
        return { ms: ms.sort((x, y) => x - y), calls: Math.max(...calls) };
      };
      const week = await open('7d');
      const day = await open('24h');
      const r = (x: number) => Math.round(x);
      return [
        { metric: `fleet open, 7d, ${runtimes.length} runtimes`, value: r(fleetMs), unit: 'ms' },
        { metric: 'fleet open: GetMetricData calls', value: fleet.calls, unit: 'calls', target: '≤ 2 per region', pass: fleet.calls <= 2 },
        { metric: 'agent open, 7d (600 s period): p50', value: r(percentile(week.ms, 50)), unit: 'ms' },
        { metric: 'agent open, 7d: max', value: r(week.ms.at(-1)!), unit: 'ms' },
        { metric: 'agent open, 7d: GetMetricData calls', value: week.calls, unit: 'calls', target: '1', pass: week.calls === 1 },
        { metric: 'agent open, 24h (60 s period): p50', value: r(percentile(day.ms, 50)), unit: 'ms' },
        { metric: 'agent open, 24h: GetMetricData calls', value: day.calls, unit: 'calls', target: '1', pass: day.calls === 1 },
        { metric: 'fleet open ÷ agent open (7d p50), same run', value: Math.round((fleetMs / percentile(week.ms, 50)) * 10) / 10, unit: '×' },
      ];
    } finally {
      await rig.close();
    }
  },
};
export default bench;
