/**
 * The war-room board's main-process side for 50 agents in one (profile,
 * region) cell, through the real module parts, CloudWatch and CloudWatch Logs
 * clients against the emulator:
 *
 * - the first refresh (every agent's last error line read, 4 at a time);
 * - steady refreshes as a 5 s board makes them (error lines cached for 30 s):
 *   time p50 / max, GetMetricData calls and FilterLogEvents reads per refresh;
 * - the same GetMetricData call alone (the emulator answering it runs in
 *   this process), and the ratio refresh ÷ call (same run): what the board
 *   adds to the one call it cannot avoid;
 * - the same refresh for 1 agent, and the ratio 50 ÷ 1 (same run).
 *
 * It does not measure the renderer (the lead's frame-time bench) nor the
 * stream hub's delivery.
 */
import { fetchMetrics, newTally } from '../src/main/services/metrics/metric-fetch';
import { computeBoard } from '../src/main/services/warroom/board';
import { boardQueries, boardWindow } from '../src/main/services/warroom/board-figures';
import { LastErrors } from '../src/main/services/warroom/last-errors';
import { buildWarRoomDeps } from '../src/main/services/warroom/warroom-module';
import { silentLogger } from '../src/main/services/log/logger';
import { startWarRoomRig } from '../test/integration/helpers/warroom-rig';
import { percentile, type Bench } from './bench-types';

const AGENTS = 50;
const DEMO_RUNTIMES = 9;
const REFRESHES = 20;

const bench: Bench = {
  name: `war-room board (${AGENTS} agents in one cell)`,
  async run() {
    const rig = await startWarRoomRig({ fast: true, scale: AGENTS - DEMO_RUNTIMES });
    try {
      const keys = rig.fleet.service
        .snapshot()
        .resources.filter((r) => r.kind === 'runtime' && r.region === 'us-east-1')
        .slice(0, AGENTS)
        .map((r) => r.key);
      if (keys.length < AGENTS) throw new Error(`expected ${AGENTS} runtimes in us-east-1, the fleet has ${keys.length}`);
      const deps = buildWarRoomDeps({
        db: rig.db,
        clients: rig.clients,
        fleet: rig.fleet.service,
        logger: silentLogger,
        loadActivity: undefined,
        logWaitMs: 60_000,
      });
      let reads = 0;
      deps.lastErrors = new LastErrors(
        (r, w) => {
          reads++;
          return deps.errorLines(r, w);
        },
        deps.logLimiter,
        deps.clock,
      );
      const refresh = async (agentKeys: string[]) => {
        const before = reads;
        const t = performance.now();
        const { frame, calls } = await computeBoard(deps, { kind: 'agents', agentKeys });
        if (frame.tiles.length !== agentKeys.length) throw new Error('the board lost tiles');
        return { ms: performance.now() - t, calls, reads: reads - before };
      };

      const first = await refresh(keys);
      const steady = [];
      for (let i = 0; i < REFRESHES; i++) steady.push(await refresh(keys));
      const resources = keys.map((k) => rig.fleet.service.find(k)!);
      const alone: number[] = [];
      for (let i = 0; i < REFRESHES; i++) {
        const { client, now } = deps.targets.forCell('demo', 'us-east-1');
        const window = boardWindow(now());
        const t = performance.now();
        await fetchMetrics(client, { startTime: window.start, endTime: window.end }, boardQueries(resources), deps.backoff, newTally());
        alone.push(performance.now() - t);
      }
      alone.sort((a, b) => a - b);
      const one = [];
      for (let i = 0; i < REFRESHES; i++) one.push(await refresh(keys.slice(0, 1)));
      const ms = steady.map((s) => s.ms).sort((a, b) => a - b);
      const oneMs = one.map((s) => s.ms).sort((a, b) => a - b);
      const calls = Math.max(...steady.map((s) => s.calls));
      const steadyReads = Math.max(...steady.map((s) => s.reads));
      const r = (x: number) => Math.round(x * 10) / 10;
      return [
        { metric: `first refresh, ${AGENTS} agents (reads every last error line)`, value: r(first.ms), unit: 'ms' },
        { metric: 'first refresh: FilterLogEvents reads', value: first.reads, unit: 'agents', target: `${AGENTS}`, pass: first.reads === AGENTS },
        { metric: `steady refresh, ${AGENTS} agents: p50`, value: r(percentile(ms, 50)), unit: 'ms' },
        { metric: 'steady refresh: max', value: r(ms.at(-1)!), unit: 'ms', target: '< 5000 (the refresh period)', pass: ms.at(-1)! < 5000 },
        { metric: 'GetMetricData calls per refresh', value: calls, unit: 'calls', target: '1 per cell', pass: calls === 1 },
        { metric: 'FilterLogEvents reads per steady refresh (cached 30 s)', value: steadyReads, unit: 'agents', target: '0', pass: steadyReads === 0 },
        { metric: `the GetMetricData call alone (${boardQueries(resources).length} queries): p50`, value: r(percentile(alone, 50)), unit: 'ms' },
        { metric: 'steady refresh ÷ its GetMetricData call (p50), same run', value: r(percentile(ms, 50) / percentile(alone, 50)), unit: '×' },
        { metric: 'steady refresh, 1 agent: p50', value: r(percentile(oneMs, 50)), unit: 'ms' },
        { metric: `${AGENTS} agents ÷ 1 agent (p50), same run`, value: r(percentile(ms, 50) / percentile(oneMs, 50)), unit: '×' },
      ];
    } finally {
      await rig.close();
    }
  },
};

export default bench;
