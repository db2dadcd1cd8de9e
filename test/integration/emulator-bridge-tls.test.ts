/**
 * https:// local agents: the bridge verifies the agent's certificate like any
 * Node client. Untrusted, the runtime shows why and how to fix it; trusted
 * through NODE_EXTRA_CA_CERTS (read at process start, so the emulator runs as
 * its own CLI process here), it streams through to the real SDK.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetAgentRuntimeCommand, ListAgentRuntimesCommand } from '@aws-sdk/client-bedrock-agentcore-control';
import { InvokeAgentRuntimeCommand } from '@aws-sdk/client-bedrock-agentcore';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index';
import { controlClient, dataClient, payload, readBody, SESSION, sseData } from './helpers/emulator-clients';

const root = new URL('../../', import.meta.url).pathname;
const certFile = `${root}test/integration/fixtures/tls/cert.pem`;
let agent: Server;
let agentUrl = '';

beforeAll(async () => {
  agent = createServer({ key: readFileSync(`${root}test/integration/fixtures/tls/key.pem`), cert: readFileSync(certFile) }, (req, res) => {
    if (req.method === 'GET' && req.url === '/ping') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"Healthy"}');
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const input = JSON.parse(body || '{}') as { prompt?: string; stream?: boolean };
      if (!input.stream) return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ result: `tls reply to ${input.prompt}` }));
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      for (const word of ['over ', 'tls']) res.write(`data: ${JSON.stringify(word)}\n\n`);
      res.end();
    });
  });
  await new Promise<void>((resolve) => agent.listen(0, '127.0.0.1', resolve));
  agentUrl = `https://127.0.0.1:${(agent.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => agent.close(resolve)));

async function runtimeNamed(emu: Pick<RunningEmulator, 'url'>, name: string) {
  const list = await controlClient(emu as RunningEmulator).send(new ListAgentRuntimesCommand({ maxResults: 100 }));
  return list.agentRuntimes!.find((r) => r.agentRuntimeName === name)!;
}

describe('an https:// agent whose certificate is not trusted', () => {
  it('shows as UPDATE_FAILED, saying how to trust it', async () => {
    const emu = await startEmulator({ fast: true, agents: [`tls_agent=${agentUrl}`] });
    try {
      const runtime = await runtimeNamed(emu, 'tls_agent');
      expect(runtime.status).toBe('UPDATE_FAILED');
      const detail = await controlClient(emu).send(new GetAgentRuntimeCommand({ agentRuntimeId: runtime.agentRuntimeId }));
      expect(detail.failureReason).toMatch(/^ping failed: DEPTH_ZERO_SELF_SIGNED_CERT: .*NODE_EXTRA_CA_CERTS=/);
    } finally {
      await emu.close();
    }
  });
});

describe('an https:// agent trusted through NODE_EXTRA_CA_CERTS', () => {
  let child: ChildProcess;
  const emu = { url: '' };

  beforeAll(async () => {
    child = spawn(`${root}node_modules/.bin/tsx`, ['src/emulator/cli.ts', '--port', '0', '--fast', '--agent', `tls_agent=${agentUrl}`], {
      cwd: root,
      env: { ...process.env, NODE_NO_WARNINGS: '1', NODE_EXTRA_CA_CERTS: certFile },
    });
    emu.url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
        if (url && /Ctrl-C to stop/.test(out)) resolve(url);
      });
      child.on('exit', (code) => reject(new Error(`emulator exited ${code}`)));
    });
  }, 20_000);
  afterAll(() => void child?.kill('SIGINT'));

  it('is READY and answers JSON and SSE through the real SDK', async () => {
    const runtime = await runtimeNamed(emu, 'tls_agent');
    expect(runtime.status).toBe('READY');
    const client = dataClient(emu as RunningEmulator);
    const invoke = (input: object) =>
      client.send(new InvokeAgentRuntimeCommand({ agentRuntimeArn: runtime.agentRuntimeArn, payload: payload(input), runtimeSessionId: SESSION }));
    expect(JSON.parse(await readBody(await invoke({ prompt: 'hello' })))).toEqual({ result: 'tls reply to hello' });
    const streamed = await invoke({ prompt: 'x', stream: true });
    expect(streamed.contentType).toBe('text/event-stream');
    expect(sseData(await readBody(streamed)).join('')).toBe('over tls');
  });
});
