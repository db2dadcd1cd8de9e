/**
 * Every client, every language: Python boto3 against the started emulator
 * (list, invoke, StartLiveTail). Skipped, saying why, where python3 or boto3
 * is not installed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index';

const script = new URL('./python/boto3_smoke.py', import.meta.url).pathname;

function boto3Missing(): string | undefined {
  const probe = spawnSync('python3', ['-c', 'import boto3'], { encoding: 'utf8' });
  if (probe.error) return 'python3 is not installed';
  if (probe.status !== 0) return 'boto3 is not installed for python3 (pip install boto3)';
  return undefined;
}

const missing = boto3Missing();
if (missing) console.log(`emulator-boto3: skipped, ${missing}`);

function runPython(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('python3', [script], { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe(`boto3 against the emulator${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    if (!missing) emu = await startEmulator({ fast: true });
  });
  afterAll(() => emu?.close());

  it.skipIf(missing !== undefined)(
    'lists runtimes, invokes an agent and reads StartLiveTail events with any keys',
    async () => {
      const rt = emu.world.runtimes('us-east-1').find((r) => r.name === 'sre_supervisor')!;
      const group = `/aws/bedrock-agentcore/runtimes/${rt.id}-DEFAULT`;
      const r = await runPython({
        AWS_ENDPOINT_URL: emu.url,
        AWS_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: 'test',
        AWS_SECRET_ACCESS_KEY: 'test',
        // No shared config or credentials file from the machine running the tests.
        AWS_CONFIG_FILE: '/dev/null',
        AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
        LOG_GROUP_ARN: `arn:aws:logs:us-east-1:${rt.accountId}:log-group:${group}`,
      });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout) as { runtimes: string[]; reply: string; events: string[] };
      expect(out.runtimes).toContain('coach_companion');
      expect(out.reply.length).toBeGreaterThan(0);
      expect(out.events[0]).toBe('sessionStart');
      expect(out.events).toContain('sessionUpdate');
    },
    30_000,
  );
});
