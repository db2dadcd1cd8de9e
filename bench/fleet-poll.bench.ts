/**
 * Fleet polling at scale ×5: the emulator (own process) with `--scale 1000`
 * (about 5,000 runtimes, memories and gateways over 3 regions) and 20 ms
 * added to every call. One full poll's wall time is compared with its lower
 * bound, calls × latency ÷ global concurrency, and so is a steady incremental
 * poll; the fleet-cache write each poll makes on the main loop (synchronous
 * SQLite, file-backed as in the app) is timed, and the process's RSS read
 * (this process plays main: SDK clients, fleet state, the cache). Then the
 * console's CPU while idle-polling at the default 30 s interval is measured
 * over a real minute.
 */
import type { BedrockAgentCoreControlClient } from '@aws-sdk/client-bedrock-agentcore-control';
import { EMULATOR_CREDENTIALS } from '../src/emulator/index';
import { ClientFactory } from '../src/main/services/aws/clients';
import { FleetCache } from '../src/main/services/fleet/fleet-cache';
import { DEFAULT_GLOBAL_CONCURRENCY, FleetService } from '../src/main/services/fleet/fleet-service';
import { silentLogger } from '../src/main/services/log/logger';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/main/services/store/database';
import type { Bench } from './bench-types';
import { spawnEmulator } from './emulator-process';

const LATENCY_MS = 20;
const GLOBAL_CONCURRENCY = DEFAULT_GLOBAL_CONCURRENCY;
const IDLE_WINDOW_MS = 61_000;
const SCALE = 1000;
const RATIO_TARGET = 1.2;

const bench: Bench = {
  name: `fleet polling (scale ${SCALE}, +20 ms/call)`,
  async run() {
    const emulator = await spawnEmulator(['--scale', String(SCALE), '--latency', String(LATENCY_MS)]);
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
      // Each cache transaction is synchronous on the main loop: time every one (a write may be split over several).
      let cacheWrites: number[] = [];
      const timedCache = (): FleetCache => {
        const db = openDatabase(mkdtempSync(join(tmpdir(), 'bench-fleet-')), silentLogger).db;
        const transaction = db.transaction.bind(db);
        db.transaction = ((fn: (...a: unknown[]) => unknown) => {
          const run = transaction(fn);
          return Object.assign((...args: unknown[]) => {
            const t = performance.now();
            try {
              return run(...args);
            } finally {
              cacheWrites.push(performance.now() - t);
            }
          }, run);
        }) as typeof db.transaction;
        return new FleetCache(db);
      };
      const newService = (fastLaneWindowMs?: number): FleetService =>
        new FleetService({
          ...(fastLaneWindowMs !== undefined ? { fastLaneWindowMs } : {}),
          cells: ['us-east-1', 'us-west-2', 'eu-central-1'].map((region) => ({ profile: 'demo', region })),
          clients,
          cache: timedCache(),
          logger: silentLogger,
          onDiff: () => undefined,
          intervalMs: () => 30_000,
        });
      const measure = async (fleet: FleetService): Promise<{ wall: number; cpu: number; calls: number; resources: number; cacheMaxMs: number }> => {
        calls = 0;
        cacheWrites = [];
        const cpu0 = process.cpuUsage();
        const t0 = performance.now();
        const resources = (await fleet.refresh()).resources.length;
        await fleet.flushed();
        const cpu = process.cpuUsage(cpu0);
        return { wall: performance.now() - t0, cpu: (cpu.user + cpu.system) / 1000, calls, resources, cacheMaxMs: Math.max(0, ...cacheWrites) };
      };

      const warmup = newService();
      await warmup.refresh(); // connections, SDK and JIT warm-up
      warmup.stop();

      const fleet = newService();
      const cold = await measure(fleet); // empty cache: every detail call is made
      const steadyRuns = [await measure(fleet), await measure(fleet), await measure(fleet)].sort((a, b) => a.wall - b.wall);
      const steady = steadyRuns[1] as typeof cold;
      const rssMb = process.memoryUsage().rss / 1048576;
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

      const rows = (label: string, run: typeof cold) => [
        { metric: `${label}: SDK calls`, value: run.calls, unit: 'calls' },
        { metric: `${label}: wall time`, value: Math.round(run.wall), unit: 'ms' },
        { metric: `${label}: lower bound (calls × ${LATENCY_MS} ms ÷ ${GLOBAL_CONCURRENCY})`, value: Math.round(bound(run.calls)), unit: 'ms' },
        { metric: `${label}: console CPU spent (SDK signing + parsing)`, value: Math.round(run.cpu), unit: 'ms' },
        {
          metric: `${label}: wall ÷ lower bound`,
          value: run.wall / bound(run.calls),
          unit: '×',
          target: `≤ ${RATIO_TARGET}`,
          pass: run.wall / bound(run.calls) <= RATIO_TARGET,
        },
        { metric: `${label}: wall ÷ max(lower bound, CPU spent)`, value: run.wall / Math.max(bound(run.calls), run.cpu), unit: '×' },
        {
          metric: `${label}: longest fleet-cache transaction on the main loop`,
          value: Math.round(run.cacheMaxMs * 10) / 10,
          unit: 'ms',
          target: '< 50',
          pass: run.cacheMaxMs < 50,
        },
      ];
      return [
        { metric: 'resources polled (3 regions)', value: cold.resources, unit: '' },
        ...rows('full poll (empty cache)', cold),
        ...rows('steady incremental poll (median of 3)', steady),
        { metric: 'RSS after the polls (this process plays main)', value: Math.round(rssMb), unit: 'MB', target: '< 400', pass: rssMb < 400 },
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
