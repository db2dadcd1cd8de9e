/**
 * Finds Artillery 2 for the tests that run an exported script for real.
 * Artillery is about 590 MB with its Playwright engine, so it is not a
 * project dependency: `artillery` on PATH is used when it is version 2,
 * else `artillery@2` is installed once into ~/.cache/agentcore-ops/artillery
 * (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1: its browsers are not needed for HTTP
 * tests and cannot be downloaded here) and reused from then on. The first
 * install can take minutes.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { EMULATOR_CREDENTIALS } from '../../src/emulator/index';

const run = promisify(execFile);
const CACHE = join(homedir(), '.cache', 'agentcore-ops', 'artillery');
const CACHED_BIN = join(CACHE, 'node_modules', '.bin', process.platform === 'win32' ? 'artillery.cmd' : 'artillery');

let found: Promise<{ bin: string }> | undefined;

export function ensureArtillery(): Promise<{ bin: string }> {
  found ??= locate();
  return found;
}

/**
 * `artillery run --output <report> <script>` in `dir` against the emulator at `endpoint`, signed with the
 * emulator's key and nothing from the machine's AWS config. Resolves whatever the exit code (a failed
 * `ensure` condition exits 1) with what Artillery printed.
 */
export async function runArtilleryScript(o: {
  bin: string;
  dir: string;
  script: string;
  report: string;
  endpoint: string;
}): Promise<{ stdout: string; exitCode: number }> {
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: o.dir,
    // The exported processor's two packages are the console's own dependencies.
    NODE_PATH: resolve('node_modules'),
    AGENTCORE_ENDPOINT: o.endpoint,
    AWS_ACCESS_KEY_ID: EMULATOR_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: EMULATOR_CREDENTIALS.secretAccessKey,
    AWS_CONFIG_FILE: join(o.dir, 'no-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(o.dir, 'no-credentials'),
    ARTILLERY_DISABLE_TELEMETRY: 'true',
  };
  try {
    const { stdout } = await run(o.bin, ['run', '--output', o.report, o.script], { cwd: o.dir, env, timeout: 180_000, maxBuffer: 16 * 1024 * 1024 });
    return { stdout, exitCode: 0 };
  } catch (error) {
    const e = error as { stdout?: string; code?: unknown };
    if (typeof e.stdout !== 'string') throw error;
    return { stdout: e.stdout, exitCode: typeof e.code === 'number' ? e.code : 1 };
  }
}

async function locate(): Promise<{ bin: string }> {
  for (const bin of ['artillery', CACHED_BIN]) if (await isArtillery2(bin)) return { bin };
  mkdirSync(CACHE, { recursive: true });
  await run('npm', ['install', '--prefix', CACHE, '--no-audit', '--no-fund', '--loglevel=error', 'artillery@2'], {
    env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
    timeout: 20 * 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (!(await isArtillery2(CACHED_BIN))) throw new Error(`artillery@2 was installed into ${CACHE} but ${CACHED_BIN} does not run`);
  return { bin: CACHED_BIN };
}

async function isArtillery2(bin: string): Promise<boolean> {
  if (bin.includes('/') && !existsSync(bin)) return false;
  try {
    const { stdout } = await run(bin, ['version'], { timeout: 60_000, env: { ...process.env, ARTILLERY_DISABLE_TELEMETRY: 'true' } });
    return /Artillery:\s*2\./.test(stdout);
  } catch {
    return false;
  }
}
