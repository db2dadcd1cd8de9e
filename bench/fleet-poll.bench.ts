/**
 * Fleet polling at scale: the emulator (own process) with `--scale 200`
 * (600+ runtimes over 3 regions, memories and gateways) and 20 ms added to
 * every call. One full poll's wall time is compared with its lower bound,
 * calls × latency ÷ global concurrency; then the console's CPU while idle-
 * polling at the default 30 s interval is measured over a real minute.
 */
import type { BedrockAgentCoreControlClient } from '@aws-sdk/client-bedrock-agentcore-control';
import { EMULATOR_CREDENTIALS } from '../src/emulator/index';
import { ClientFactory } from '../src/main/services/aws/clients';
import { FleetCache } from '../src/main/services/fleet/fleet-cache';
import { DEFAULT_GLOBAL_CONCURRENCY, FleetService } from '../src/main/services/fleet/fleet-service';
import { silentLogger } from '../src/main/services/log/logger';
import { openMemoryDatabase } from '../src/main/services/store/database';
import type { Bench } from './bench-types';
import { spawnEmulator } from './emulator-process';

const LATENCY_MS = 20;
const GLOBAL_CONCURRENCY = DEFAULT_GLOBAL_CONCURRENCY;
const IDLE_WINDOW_MS = 61_000;

const bench: Bench = {
  name: 'fleet polling (scale 200, +20 ms/call)',
  async run() {
    const emulator = await spawnEmulator(['--scale', '200', '--latency', String(LATENCY_MS)]);
    try {
      const factory = new ClientFactory({ kind: 'static', credentials: EMULATOR_CREDENTIALS, endpoint: emulator.url });
      let calls = 0;
      const counted = new Set<BedrockAgentCoreControlClient>();
      const clients = {
        forCell: (profile: string, region: string) => {
          const cellClients = factory.forCell(profile, region);
          if (!counted.has(cellClients.control)) {
            counted.add(cellClients.control);
            cellClients.control.middlewareStack.add((next) => (args) => ((calls += 1), next(args)), { step: 'initialize', name: 'benchCallCounter' });
          }
          return cellClients;
        },
      };
      const newService = (fastLaneWindowMs?: number): FleetService =>
        new FleetService({
          ...(fastLaneWindowMs !== undefined ? { fastLaneWindowMs } : {}),
          cells: ['us-east-1', 'us-west-2', 'eu-central-1'].map((region) => ({ profile: 'demo', region })),
          clients,
          cache: new FleetCache(openMemoryDatabase()),
          logger: silentLogger,
          onDiff: () => undefined,
          intervalMs: () => 30_000,
        });
      const measure = async (fleet: FleetService): Promise<{ wall: number; cpu: number; calls: number; resources: number }> => {
        calls = 0;
        const cpu0 = process.cpuUsage();
        const t0 = performance.now();
        const resources = (await fleet.refresh()).resources.length;
        const cpu = process.cpuUsage(cpu0);
        return { wall: performance.now() - t0, cpu: (cpu.user + cpu.system) / 1000, calls, resources };
      };

      const warmup = newService();
      await warmup.refresh(); // connections, SDK and JIT warm-up
      warmup.stop();

      const fleet = newService();
      const cold = await measure(fleet); // empty cache: every detail call is made
      const steadyRuns = [await measure(fleet), await measure(fleet), await measure(fleet)].sort((a, b) => a.wall - b.wall);
      const steady = steadyRuns[1] as typeof cold;
      const bound = (calls: number): number => (calls * LATENCY_MS) / GLOBAL_CONCURRENCY;

      fleet.stop();
      // Idle polling: the real loop at its default 30 s interval, measured over a minute of wall time that
      // starts once the start-up poll has landed. The demo fleet keeps some resources UPDATING forever, so
      // this is measured twice: as after a deploy began (fast lane re-reading them every 5 s), and steady
      // (nothing changed in the last 3 minutes, so the fast lane is idle).
      const idleCpu = async (fastLaneWindowMs?: number): Promise<{ percent: number; calls: number }> => {
        const service = newService(fastLaneWindowMs);
        service.start();
        await service.refresh();
        calls = 0;
        const cpu0 = process.cpuUsage();
        const t0 = performance.now();
        await new Promise((resolve) => setTimeout(resolve, IDLE_WINDOW_MS));
        const cpu = process.cpuUsage(cpu0);
        const elapsed = performance.now() - t0;
        service.stop();
        return { percent: ((cpu.user + cpu.system) / 1000 / elapsed) * 100, calls };
      };
      const deploying = await idleCpu();
      const steadyIdle = await idleCpu(0);
      factory.destroy();

      // The target is for a full poll (every call made). A steady poll is incremental: with few detail
      // calls left, the sequential page chain (nextToken after nextToken) dominates, so it gets no target.
      const rows = (label: string, run: typeof cold, targeted: boolean) => [
        { metric: `${label}: SDK calls`, value: run.calls, unit: 'calls' },
        { metric: `${label}: wall time`, value: Math.round(run.wall), unit: 'ms' },
        { metric: `${label}: lower bound (calls × ${LATENCY_MS} ms ÷ ${GLOBAL_CONCURRENCY})`, value: Math.round(bound(run.calls)), unit: 'ms' },
        { metric: `${label}: console CPU spent (SDK signing + parsing)`, value: Math.round(run.cpu), unit: 'ms' },
        targeted
          ? { metric: `${label}: wall ÷ lower bound`, value: run.wall / bound(run.calls), unit: '×', target: '≤ 1.3', pass: run.wall / bound(run.calls) <= 1.3 }
          : { metric: `${label}: wall ÷ lower bound (paging chain bound)`, value: run.wall / bound(run.calls), unit: '×' },
        { metric: `${label}: wall ÷ max(lower bound, CPU spent)`, value: run.wall / Math.max(bound(run.calls), run.cpu), unit: '×' },
      ];
      return [
        { metric: 'resources polled (3 regions)', value: cold.resources, unit: '' },
        ...rows('full poll (empty cache)', cold, true),
        ...rows('steady incremental poll (median of 3)', steady, false),
        { metric: 'idle polling, deploys in progress (fast lane on): calls in 61 s', value: deploying.calls, unit: 'calls' },
        { metric: 'idle polling, deploys in progress (fast lane on): console CPU', value: deploying.percent, unit: '% of a core' },
        { metric: 'idle polling, steady (30 s interval): calls in 61 s', value: steadyIdle.calls, unit: 'calls' },
        {
          metric: 'idle polling, steady (30 s interval): console CPU',
          value: steadyIdle.percent,
          unit: '% of a core',
          target: '< 2',
          pass: steadyIdle.percent < 2,
        },
      ];
    } finally {
      await emulator.stop();
    }
  },
};
export default bench;
