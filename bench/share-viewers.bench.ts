/**
 * 20 read-only share viewers on loopback: this process plays main (the
 * console services, the share listener with its forced redaction), a child
 * process plays the viewers — each an event stream plus a poll of
 * fleet.list and metrics.fleet every 5 s (the pages poll metrics every 60 s,
 * so this is the heavier case) — and the emulator, standing in for AWS,
 * answers from a process of its own (as AWS would: its GetMetricData work is
 * not main's). Main's CPU (process.cpuUsage) is measured over equal windows
 * in the same run, with no viewer and with 20, while the fleet keeps polling.
 *
 * What it does not measure: browsers rendering the pages, and AWS's latency
 * (the emulator answers at once, so main's calls are as dense as they get).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EMULATOR_CREDENTIALS } from '../src/emulator/index';
import { startConsoleServices } from '../src/main/app/console-services';
import { silentLogger } from '../src/main/services/log/logger';
import type { Bench } from './bench-types';
import { spawnEmulator } from './emulator-process';

const VIEWERS = 20;
const POLL_MS = 5_000;
const WINDOW_MS = 30_000;
const TARGET_ADDED_SHARE = 0.1;
const OWNER = { connection: 'bench:owner', role: 'owner' } as const;

/** Main's CPU over one window, as a share of one core. */
async function cpuShare(windowMs: number): Promise<number> {
  const before = process.cpuUsage();
  await new Promise((resolve) => setTimeout(resolve, windowMs));
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / windowMs;
}

const bench: Bench = {
  name: `share viewers (${VIEWERS} on loopback, fleet.list + metrics.fleet every ${POLL_MS / 1000} s each)`,
  async run() {
    const emulator = await spawnEmulator(['--fast']);
    const home = mkdtempSync(join(tmpdir(), 'bench-share-'));
    // A user's AWS setup with static keys, every endpoint on the emulator (the SDK reads the keys from process.env).
    process.env.AWS_ACCESS_KEY_ID = EMULATOR_CREDENTIALS.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = EMULATOR_CREDENTIALS.secretAccessKey;
    const env = {
      HOME: home,
      AWS_CONFIG_FILE: join(home, 'none'),
      AWS_SHARED_CREDENTIALS_FILE: join(home, 'none'),
      AWS_ACCESS_KEY_ID: EMULATOR_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: EMULATOR_CREDENTIALS.secretAccessKey,
      AWS_REGION: 'us-east-1',
    };
    const services = await startConsoleServices({
      dataDir: join(home, 'data'),
      host: 'web',
      version: 'bench',
      demo: false,
      logger: silentLogger,
      awsEndpoint: emulator.url,
      env,
    });
    try {
      await services.dispatch(OWNER, 'fleet.list', {});
      const started = await services.dispatch(OWNER, 'share.start', { minutes: 30, maxViewers: VIEWERS });
      if (!started.ok) throw new Error(started.error.message);
      const url = (started.result as { url: string }).url;
      // Let the first fleet poll and the JIT settle before the baseline.
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      const idle = await cpuShare(WINDOW_MS);

      const tsx = join(import.meta.dirname, '..', 'node_modules', 'tsx', 'dist', 'cli.mjs');
      const child = spawn(process.execPath, [tsx, join(import.meta.dirname, 'share-viewers.child.ts'), url, String(VIEWERS), String(POLL_MS)], {
        stdio: ['ignore', 'pipe', 'inherit'],
        env: { ...process.env, NODE_NO_WARNINGS: '1' },
      });
      try {
        await new Promise<void>((resolve, reject) => {
          child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
          child.on('exit', (code) => reject(new Error(`viewers exited with ${code}`)));
        });
        const status = await services.dispatch(OWNER, 'share.status', {});
        const connected = status.ok ? (status.result as { viewers: number }).viewers : NaN;
        // One full poll period of warm-up, then the same window as the baseline.
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        const watched = await cpuShare(WINDOW_MS);
        const added = watched - idle;
        return [
          { metric: 'main CPU, no viewer (share of one core)', value: idle * 100, unit: '%' },
          { metric: `main CPU, ${connected} viewers connected (share of one core)`, value: watched * 100, unit: '%' },
          {
            metric: `CPU added by ${VIEWERS} viewers (share of one core)`,
            value: added * 100,
            unit: '%',
            target: `< ${TARGET_ADDED_SHARE * 100}`,
            pass: added < TARGET_ADDED_SHARE,
          },
          { metric: 'ratio: main CPU with viewers ÷ without', value: watched / idle, unit: '×' },
        ];
      } finally {
        child.kill('SIGTERM');
      }
    } finally {
      await services.close();
      await emulator.stop();
    }
  },
};

export default bench;
