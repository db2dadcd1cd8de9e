/** Server-level behaviour through the real SDK: auth checks, routing, payload cap, fault injection and the admin API. */
import { request } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AccessDeniedException, ListAgentRuntimesCommand, ThrottlingException, InternalServerException } from '@aws-sdk/client-bedrock-agentcore-control';
import { InvokeAgentRuntimeCommand, ValidationException } from '@aws-sdk/client-bedrock-agentcore';
import { startEmulator, type InvocationRecord, type RunningEmulator } from '../../src/emulator/index';
import { controlClient, dataClient, fakeSigV4, payload, readBody, SESSION } from './helpers/emulator-clients';

let emu: RunningEmulator;
let coach: string;
let streamer: string;
const records: InvocationRecord[] = [];

beforeAll(async () => {
  emu = await startEmulator({ fast: true, maxPayloadBytes: 1024 * 1024 });
  emu.onInvocation((r) => records.push(r));
  const list = await controlClient(emu).send(new ListAgentRuntimesCommand({ maxResults: 100 }));
  coach = list.agentRuntimes!.find((r) => r.agentRuntimeName === 'coach_companion')!.agentRuntimeArn!;
  streamer = list.agentRuntimes!.find((r) => r.agentRuntimeName === 'strands_research_agent')!.agentRuntimeArn!;
});
afterEach(() => emu.reset());
afterAll(() => emu.close());

const errorOf = (p: Promise<unknown>): Promise<Error & { $metadata?: { httpStatusCode?: number; attempts?: number } }> =>
  p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e as Error,
  );

describe('authentication', () => {
  it('expired-credentials fault → ExpiredTokenException on every signed call', async () => {
    emu.setFaults({ expiredCredentials: true, rules: [] });
    const err = await errorOf(controlClient(emu).send(new ListAgentRuntimesCommand({})));
    expect(err.name).toBe('ExpiredTokenException');
    expect(err.$metadata?.httpStatusCode).toBe(403);
  });

  it('unsigned calls are refused; issued credentials work until they expire', async () => {
    const res = await fetch(`${emu.url}/runtimes/`, { method: 'POST' });
    expect(res.status).toBe(403);
    expect(res.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
    const keys = ({ accessKeyId, secretAccessKey, sessionToken }: { accessKeyId: string; secretAccessKey: string; sessionToken: string }) => ({
      accessKeyId,
      secretAccessKey,
      sessionToken,
    });
    const ok = await controlClient(emu, { credentials: keys(emu.issueCredentials(60_000)) }).send(new ListAgentRuntimesCommand({}));
    expect(ok.agentRuntimes?.length).toBeGreaterThan(0);
    const err = await errorOf(controlClient(emu, { credentials: keys(emu.issueCredentials(-1)) }).send(new ListAgentRuntimesCommand({})));
    expect(err.name).toBe('ExpiredTokenException');
  });
});

describe('routing', () => {
  it('unknown operations and missing trailing slashes → UnknownOperationException 404', async () => {
    const res = await fetch(`${emu.url}/runtimes`, { method: 'POST', headers: { authorization: fakeSigV4() } });
    expect(res.status).toBe(404);
    expect(res.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(((await res.json()) as { message: string }).message).toMatch(/Unknown operation/);
  });

  it('oversize payloads are rejected with 413 ValidationException', async () => {
    const err = await errorOf(
      dataClient(emu).send(new InvokeAgentRuntimeCommand({ agentRuntimeArn: coach, payload: Buffer.alloc(1024 * 1024 + 10, 0x61), runtimeSessionId: SESSION })),
    );
    expect(err).toBeInstanceOf(ValidationException);
    expect(err.$metadata?.httpStatusCode).toBe(413);
  });
});

describe('faults', () => {
  it('throttling: the SDK retries (3 attempts) then throws ThrottlingException; throttles are recorded', async () => {
    emu.setFaults({ rules: [{ operation: 'InvokeAgentRuntime', throttleRate: 1 }] });
    const before = records.length;
    const err = await errorOf(
      dataClient(emu, { maxAttempts: 3 }).send(
        new InvokeAgentRuntimeCommand({ agentRuntimeArn: coach, payload: payload({ prompt: 'hi' }), runtimeSessionId: SESSION }),
      ),
    );
    expect(err.name).toBe('ThrottlingException');
    expect(err.$metadata?.attempts).toBe(3);
    expect(records.slice(before).map((r) => r.outcome)).toEqual(['throttled', 'throttled', 'throttled']);
  });

  it('per-operation rules: only the named operation fails', async () => {
    emu.setFaults({ rules: [{ operation: 'ListAgentRuntimes', throttleRate: 1 }] });
    await expect(controlClient(emu).send(new ListAgentRuntimesCommand({}))).rejects.toBeInstanceOf(ThrottlingException);
    const out = await dataClient(emu).send(
      new InvokeAgentRuntimeCommand({ agentRuntimeArn: coach, payload: payload({ prompt: 'hi' }), runtimeSessionId: SESSION }),
    );
    expect(out.statusCode).toBe(200);
  });

  it('region rules: AccessDeniedException in one region only, the others answer', async () => {
    emu.setFaults({ rules: [{ operation: '*', region: 'eu-central-1', accessDeniedRate: 1 }] });
    const denied = await errorOf(controlClient(emu, { region: 'eu-central-1' }).send(new ListAgentRuntimesCommand({})));
    expect(denied).toBeInstanceOf(AccessDeniedException);
    expect(denied.message).toMatch(
      /^User: arn:aws:sts::\d{12}:assumed-role\/\S+ is not authorized to perform: bedrock-agentcore:ListAgentRuntimes on resource: arn:aws:bedrock-agentcore:eu-central-1:\d{12}:\*/,
    );
    const fine = await controlClient(emu, { region: 'us-west-2' }).send(new ListAgentRuntimesCommand({}));
    expect(fine.agentRuntimes?.length).toBeGreaterThan(0);
  });

  it('rejects a rule for a region name that does not exist', () => {
    expect(() => emu.setFaults({ rules: [{ operation: '*', region: 'mars-1', accessDeniedRate: 1 }] })).toThrow(/region: not an AWS region name/);
  });

  it('5xx rate → InternalServerException', async () => {
    emu.setFaults({ rules: [{ operation: '*', errorRate: 1 }] });
    await expect(controlClient(emu).send(new ListAgentRuntimesCommand({}))).rejects.toBeInstanceOf(InternalServerException);
  });

  it('malformed body → the SDK fails to deserialize, with the status code kept', async () => {
    emu.setFaults({ rules: [{ operation: 'ListAgentRuntimes', malformedRate: 1, malformedStatus: 200 }] });
    const err = await errorOf(controlClient(emu).send(new ListAgentRuntimesCommand({})));
    expect(err.message).toMatch(/Deserialization|JSON|Unexpected token/i);
  });

  it('dropped stream → reading the invoke response fails mid-way and the record says so', async () => {
    emu.setFaults({ rules: [{ operation: 'InvokeAgentRuntime', dropStreamRate: 1, dropAfterChunks: 5 }] });
    const out = await dataClient(emu).send(
      new InvokeAgentRuntimeCommand({ agentRuntimeArn: streamer, payload: payload({ prompt: 'hi' }), runtimeSessionId: SESSION }),
    );
    expect(out.contentType).toBe('text/event-stream');
    await expect(readBody(out)).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 20));
    expect(records.at(-1)).toMatchObject({ outcome: 'system_error', errorMessage: expect.stringMatching(/interrupted/) });
  });

  it('latency and jitter delay but do not fail calls', async () => {
    emu.setFaults({ rules: [{ operation: 'ListAgentRuntimes', latencyMs: 5, jitterMs: 5 }] });
    const out = await controlClient(emu).send(new ListAgentRuntimesCommand({}));
    expect(out.agentRuntimes?.length).toBeGreaterThan(0);
  });

  it('rates below 1 are deterministic for a fault seed', async () => {
    const pattern = async (): Promise<string> => {
      emu.setFaults({ seed: 99, rules: [{ operation: 'ListAgentRuntimes', throttleRate: 0.5 }] });
      let s = '';
      for (let i = 0; i < 12; i++)
        s += await controlClient(emu)
          .send(new ListAgentRuntimesCommand({}))
          .then(
            () => '.',
            () => 'T',
          );
      return s;
    };
    const first = await pattern();
    expect(first).toMatch(/T/);
    expect(first).toMatch(/\./);
    expect(await pattern()).toBe(first);
  });
});

describe('admin API', () => {
  it('reports health, sets and reads faults, validates them and resets', async () => {
    const health = (await (await fetch(`${emu.url}/_emulator/health`)).json()) as { status: string; regions: string[] };
    expect(health.status).toBe('ok');
    expect(health.regions).toEqual(['us-east-1', 'us-west-2', 'eu-central-1']);
    const put = await fetch(`${emu.url}/_emulator/faults`, { method: 'PUT', body: JSON.stringify({ rules: [{ operation: 'GetMemory', throttleRate: 1 }] }) });
    expect(put.status).toBe(200);
    expect(((await (await fetch(`${emu.url}/_emulator/faults`)).json()) as { rules: unknown[] }).rules).toHaveLength(1);
    const bad = await fetch(`${emu.url}/_emulator/faults`, { method: 'PUT', body: JSON.stringify({ rules: [{ throttleRate: 3 }] }) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/throttleRate/);
    expect((await fetch(`${emu.url}/_emulator/reset`, { method: 'POST' })).status).toBe(200);
    expect(((await (await fetch(`${emu.url}/_emulator/faults`)).json()) as { rules: unknown[] }).rules).toHaveLength(0);
  });

  it.each([
    ['a DNS-rebinding page (foreign Host)', { host: 'rebind.evil.example' }],
    ['a no-cors POST from another site (Origin)', { origin: 'https://evil.example' }],
    ['a cross-site fetch (Sec-Fetch-Site)', { 'sec-fetch-site': 'cross-site' }],
  ])('refuses %s, so a web page cannot reset the emulator or inject faults', async (_who, headers) => {
    const put = await fetch(`${emu.url}/_emulator/faults`, { method: 'PUT', body: JSON.stringify({ rules: [{ operation: 'GetMemory', throttleRate: 1 }] }) });
    expect(put.status).toBe(200);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${emu.url}/_emulator/reset`, { method: 'POST', headers }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
    // The faults set from the console are still in place.
    expect(((await (await fetch(`${emu.url}/_emulator/faults`)).json()) as { rules: unknown[] }).rules).toHaveLength(1);
    await fetch(`${emu.url}/_emulator/reset`, { method: 'POST' });
  });
});
