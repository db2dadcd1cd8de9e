/** The local agent bridge: a tiny in-test container (POST /invocations, GET /ping) fronted by the emulator. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetAgentRuntimeCommand, ListAgentRuntimesCommand } from '@aws-sdk/client-bedrock-agentcore-control';
import { InvokeAgentRuntimeCommand, RuntimeClientError } from '@aws-sdk/client-bedrock-agentcore';
import { startEmulator, type InvocationRecord, type RunningEmulator } from '../../src/emulator/index';
import { controlClient, dataClient, payload, readBody, SESSION, sseData } from './helpers/emulator-clients';

let agent: Server;
let agentUrl = '';
let healthy = true;
let lastSessionHeader: string | undefined;
let emu: RunningEmulator;
const records: InvocationRecord[] = [];

beforeAll(async () => {
  agent = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/ping') {
      res.writeHead(healthy ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: healthy ? 'Healthy' : 'Unhealthy', time_of_last_update: Math.floor(Date.now() / 1000) }));
      return;
    }
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      lastSessionHeader = req.headers['x-amzn-bedrock-agentcore-runtime-session-id'] as string | undefined;
      const input = JSON.parse(body || '{}') as { prompt?: string; stream?: boolean; crash?: boolean };
      if (input.crash) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end('{"error":"boom"}');
      } else if (input.stream) {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        for (const word of ['local ', 'agent ', 'says ', 'hi']) res.write(`data: ${JSON.stringify(word)}\n\n`);
        res.end();
      } else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ result: `local reply to ${input.prompt}` }));
      }
    });
  });
  await new Promise<void>((resolve) => agent.listen(0, '127.0.0.1', resolve));
  agentUrl = `http://127.0.0.1:${(agent.address() as AddressInfo).port}`;
  emu = await startEmulator({ fast: true, agents: [`my-agent=${agentUrl}`, { name: 'gone_agent', url: 'http://127.0.0.1:9' }] });
  emu.onInvocation((r) => records.push(r));
});
afterAll(async () => {
  await emu.close();
  await new Promise((resolve) => agent.close(resolve));
});

async function runtime(name: string) {
  const list = await controlClient(emu).send(new ListAgentRuntimesCommand({ maxResults: 100 }));
  return list.agentRuntimes!.find((r) => r.agentRuntimeName === name)!;
}

describe('local agent bridge', () => {
  it('lists bridged agents with status from /ping', async () => {
    expect((await runtime('my_agent')).status).toBe('READY');
    const gone = await runtime('gone_agent');
    expect(gone.status).toBe('UPDATE_FAILED');
    const detail = await controlClient(emu).send(new GetAgentRuntimeCommand({ agentRuntimeId: gone.agentRuntimeId }));
    expect(detail.failureReason).toMatch(/^ping failed: /);
  });

  it('an unhealthy container shows as UPDATE_FAILED with the ping status', async () => {
    healthy = false;
    const other = await startEmulator({ fast: true, agents: [{ name: 'sick_agent', url: agentUrl }] });
    try {
      const list = await controlClient(other).send(new ListAgentRuntimesCommand({ maxResults: 100 }));
      const sick = list.agentRuntimes!.find((r) => r.agentRuntimeName === 'sick_agent')!;
      expect(sick.status).toBe('UPDATE_FAILED');
      const detail = await controlClient(other).send(new GetAgentRuntimeCommand({ agentRuntimeId: sick.agentRuntimeId }));
      expect(detail.failureReason).toBe('ping failed: HTTP 503');
    } finally {
      healthy = true;
      await other.close();
    }
  });

  it('proxies JSON invocations with the session header and records them', async () => {
    const out = await dataClient(emu).send(
      new InvokeAgentRuntimeCommand({
        agentRuntimeArn: (await runtime('my_agent')).agentRuntimeArn,
        payload: payload({ prompt: 'ping me' }),
        runtimeSessionId: SESSION,
      }),
    );
    expect(out.contentType).toBe('application/json');
    expect(JSON.parse(await readBody(out))).toEqual({ result: 'local reply to ping me' });
    expect(lastSessionHeader).toBe(SESSION);
    await new Promise((r) => setTimeout(r, 10));
    expect(records.at(-1)).toMatchObject({ runtimeName: 'my_agent', replyText: 'local reply to ping me', outcome: 'ok' });
  });

  it('passes SSE through', async () => {
    const out = await dataClient(emu).send(
      new InvokeAgentRuntimeCommand({
        agentRuntimeArn: (await runtime('my_agent')).agentRuntimeArn,
        payload: payload({ prompt: 'x', stream: true }),
        runtimeSessionId: SESSION,
      }),
    );
    expect(out.contentType).toBe('text/event-stream');
    expect(sseData(await readBody(out)).join('')).toBe('local agent says hi');
  });

  it('records a bridged reply that a fault garbled or cut as the client got it', async () => {
    const arn = (await runtime('my_agent')).agentRuntimeArn;
    const invoke = (): Promise<unknown> =>
      dataClient(emu)
        .send(new InvokeAgentRuntimeCommand({ agentRuntimeArn: arn, payload: payload({ prompt: 'ping me' }), runtimeSessionId: SESSION }))
        .then((out) => readBody(out))
        .catch((e: unknown) => e);
    try {
      emu.setFaults({ rules: [{ operation: 'InvokeAgentRuntime', malformedRate: 1, malformedStatus: 200 }] });
      expect(await invoke()).toMatch(/502 Bad Gateway/);
      expect(records.at(-1)).toMatchObject({ runtimeName: 'my_agent', outcome: 'system_error', delivery: 'malformed', replyText: '' });
      emu.setFaults({ rules: [{ operation: 'InvokeAgentRuntime', dropStreamRate: 1, dropAfterChunks: 0 }] });
      expect(await invoke()).toBeInstanceOf(Error);
      expect(records.at(-1)).toMatchObject({ runtimeName: 'my_agent', outcome: 'system_error', delivery: 'dropped', replyText: '' });
    } finally {
      emu.setFaults({ rules: [] });
    }
  });

  it('container errors and unreachable containers surface as RuntimeClientError', async () => {
    const client = dataClient(emu);
    const crash = await client
      .send(
        new InvokeAgentRuntimeCommand({
          agentRuntimeArn: (await runtime('my_agent')).agentRuntimeArn,
          payload: payload({ crash: true }),
          runtimeSessionId: SESSION,
        }),
      )
      .catch((e: unknown) => e);
    expect(crash).toBeInstanceOf(RuntimeClientError);
    expect((crash as Error).message).toMatch(/Received error \(500\) from runtime/);
    const gone = await client
      .send(new InvokeAgentRuntimeCommand({ agentRuntimeArn: (await runtime('gone_agent')).agentRuntimeArn, payload: payload({}), runtimeSessionId: SESSION }))
      .catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(RuntimeClientError);
  });
});
