/** The standalone CLI: banner with the lines to paste, one-line errors with exit code 2, clean Ctrl-C. */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const tsx = `${root}node_modules/.bin/tsx`;

function run(args: string[], untilLine?: RegExp): Promise<{ code: number | null; stdout: string; stderr: string; kill: () => void }> {
  return new Promise((resolve) => {
    const child = spawn(tsx, ['src/emulator/cli.ts', ...args], { cwd: root, env: { ...process.env, NODE_NO_WARNINGS: '1' } });
    let stdout = '';
    let stderr = '';
    let resolved = false;
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      if (untilLine && !resolved && untilLine.test(stdout)) {
        resolved = true;
        child.kill('SIGINT');
      }
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr, kill: () => child.kill() }));
  });
}

describe('emulator CLI', () => {
  it('prints the endpoint and env lines, and exits 0 on Ctrl-C', async () => {
    const r = await run(['--port', '0', '--fast', '--throttle', 'InvokeAgentRuntime=0.1'], /Ctrl-C to stop/);
    expect(r.stdout).toMatch(/^AgentCore emulator listening on http:\/\/127\.0\.0\.1:\d+$/m);
    expect(r.stdout).toMatch(/export AWS_ENDPOINT_URL=http:\/\/127\.0\.0\.1:\d+/);
    expect(r.stdout).toContain('export AWS_ACCESS_KEY_ID=AKIDEMULATOR0000DEMO');
    expect(r.stdout).toContain('export AWS_REGION=us-east-1');
    expect(r.stdout).toContain('faults: 1 rule(s)');
    expect(r.code).toBe(0);
  }, 20_000);

  it('reports a busy port in one line and exits 2', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const r = await run(['--port', String(port)]);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/port \d+ is already in use/);
    } finally {
      blocker.close();
    }
  }, 20_000);

  it('rejects bad flags with exit 2', async () => {
    const r = await run(['--scale', 'lots']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--scale must be an integer/);
  }, 20_000);
});
