/** InvokeAgentRuntime / StopRuntimeSession through the real SDK client, for every kind of demo agent. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListAgentRuntimesCommand } from '@aws-sdk/client-bedrock-agentcore-control';
import {
  AccessDeniedException,
  InvokeAgentRuntimeCommand,
  ResourceNotFoundException,
  RuntimeClientError,
  StopRuntimeSessionCommand,
  ValidationException,
} from '@aws-sdk/client-bedrock-agentcore';
import { startEmulator, type InvocationRecord, type RunningEmulator } from '../../src/emulator/index';
import { controlClient, dataClient, payload, readBody, SESSION, sseData } from './helpers/emulator-clients';

let emu: RunningEmulator;
const arns = new Map<string, string>();
const records: InvocationRecord[] = [];

beforeAll(async () => {
  emu = await startEmulator({ fast: true });
  emu.onInvocation((r) => records.push(r));
  for (const region of ['us-east-1', 'us-west-2']) {
    const list = await controlClient(emu, { region }).send(new ListAgentRuntimesCommand({ maxResults: 100 }));
    for (const r of list.agentRuntimes ?? []) if (!arns.has(r.agentRuntimeName!)) arns.set(r.agentRuntimeName!, r.agentRuntimeArn!);
  }
});
afterAll(() => emu.close());

const invoke = (name: string, body: unknown, extra: Partial<ConstructorParameters<typeof InvokeAgentRuntimeCommand>[0]> = {}, region = 'us-east-1') =>
  dataClient(emu, { region }).send(
    new InvokeAgentRuntimeCommand({
      agentRuntimeArn: arns.get(name)!,
      payload: payload(body),
      contentType: 'application/json',
      runtimeSessionId: SESSION,
      ...extra,
    }),
  );

describe('reply shapes', () => {
  it('SRE supervisor answers {result: markdown} personalised per actor, with session and trace headers', async () => {
    const out = await invoke('sre_supervisor', { prompt: 'Why is the payment-service pod crash looping?' }, { runtimeUserId: 'carol' });
    expect(out.contentType).toBe('application/json');
    expect(out.statusCode).toBe(200);
    expect(out.runtimeSessionId).toBe(SESSION);
    expect(out.traceId).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/);
    const body = JSON.parse(await readBody(out)) as { result: string };
    expect(body.result).toMatch(/\| Pod \| Namespace \|/);
    expect(body.result).toMatch(/Executive summary/);
    expect(body.result).toContain('payment-service');
  });

  it('fitness coach uses the Converse message shape', async () => {
    const body = JSON.parse(await readBody(await invoke('coach_companion', { prompt: 'Plan my marathon training week' }))) as {
      response: { role: string; content: Array<{ text: string }> };
    };
    expect(body.response.role).toBe('assistant');
    expect(body.response.content[0]!.text).toMatch(/\| Day \| Session \|/);
  });

  it('model registry reads input.prompt and answers output.message', async () => {
    const body = JSON.parse(await readBody(await invoke('model_registry_agent', { input: { prompt: 'fast cheap model for chat' } }))) as {
      output: { message: string };
    };
    expect(body.output.message).toMatch(/Claude 3.5 Haiku/);
  });

  it('plain-text agent answers text/plain', async () => {
    const out = await invoke('release_notes_writer', { prompt: 'streaming chat and cost view' });
    expect(out.contentType).toMatch(/^text\/plain/);
    expect(await readBody(out)).toMatch(/^Release \d+\.\d+\.\d+/);
  });

  it('AIOps agent streams typed events ending in a conversational response', async () => {
    const out = await invoke('llmops_agent', { prompt: 'Train an NER model on ciER. Budget: $10' });
    expect(out.contentType).toBe('text/event-stream');
    const events = sseData(await readBody(out)) as Array<{ type: string; content?: string }>;
    expect(events[0]!.type).toBe('agent_thinking');
    expect(events.some((e) => e.type === 'workflow_step')).toBe(true);
    const last = events[events.length - 1]!;
    expect(last.type).toBe('conversational_response');
    expect(last.content).toMatch(/\$10 budget/);
  });

  it('Strands agents stream contentBlockDelta events or {data} tokens that concatenate to markdown', async () => {
    const events = sseData(await readBody(await invoke('strands_research_agent', { prompt: 'vector databases' }))) as Array<{
      event: { contentBlockDelta?: { delta: { text: string } }; messageStop?: unknown };
    }>;
    const text = events.map((e) => e.event.contentBlockDelta?.delta.text ?? '').join('');
    expect(text).toMatch(/^## Research brief: vector databases/);
    expect(events.some((e) => e.event.messageStop)).toBe(true);
    const tokens = sseData(await readBody(await invoke('strands_chat_agent', { prompt: 'write python code to call my agent' }, {}, 'us-west-2'))) as Array<{
      data: string;
    }>;
    expect(tokens.length).toBeGreaterThan(10);
    expect(tokens.map((t) => t.data).join('')).toContain('```python');
  });

  it('the agent without model access replies with the Bedrock error text', async () => {
    const body = await readBody(await invoke('incident_summarizer', { prompt: 'summarise INC-42' }));
    expect(body).toContain("AccessDeniedException: You don't have access to the model with the specified model ID.");
  });

  it('honours the qualifier (endpoint name or version)', async () => {
    expect((await invoke('strands_research_agent', { prompt: 'x' }, { qualifier: 'prod' })).statusCode).toBe(200);
    expect((await invoke('strands_research_agent', { prompt: 'x' }, { qualifier: '2' })).statusCode).toBe(200);
    await expect(invoke('strands_research_agent', { prompt: 'x' }, { qualifier: 'nope' })).rejects.toBeInstanceOf(ResourceNotFoundException);
  });
});

describe('bad input', () => {
  it('rejects short session ids with the AWS validation message', async () => {
    const err = await invoke('coach_companion', { prompt: 'hi' }, { runtimeSessionId: 'too-short' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationException);
    expect((err as Error).message).toMatch(/runtimeSessionId.*greater than or equal to 33/);
  });

  it('fills a session id when the caller omits one (the SDK generates a UUID)', async () => {
    const out = await dataClient(emu).send(
      new InvokeAgentRuntimeCommand({ agentRuntimeArn: arns.get('coach_companion')!, payload: payload({ prompt: 'hi' }) }),
    );
    expect(out.runtimeSessionId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('unknown runtime ARN → ResourceNotFoundException; ARN from another region too', async () => {
    const fake = arns.get('coach_companion')!.replace(/-[A-Za-z0-9]{10}$/, '-ZZZZZZZZZZ');
    await expect(
      dataClient(emu).send(new InvokeAgentRuntimeCommand({ agentRuntimeArn: fake, payload: payload({}), runtimeSessionId: SESSION })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(invoke('strands_chat_agent', { prompt: 'x' }, {}, 'us-east-1')).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('non-JSON payload to a JSON agent → RuntimeClientError (424), like a crashing container', async () => {
    const err = await dataClient(emu)
      .send(new InvokeAgentRuntimeCommand({ agentRuntimeArn: arns.get('sre_supervisor')!, payload: Buffer.from('{not json'), runtimeSessionId: SESSION }))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RuntimeClientError);
    expect((err as RuntimeClientError).$metadata.httpStatusCode).toBe(424);
    expect(records.at(-1)).toMatchObject({ runtimeName: 'sre_supervisor', outcome: 'user_error' });
  });

  it('OAuth agent rejects SigV4 with the authorization-method mismatch, accepts a bearer token', async () => {
    const err = await invoke('cloud_engineer_agent', { prompt: 'list my buckets' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AccessDeniedException);
    expect((err as Error).message).toMatch(/^Authorization method mismatch/);
    const arn = arns.get('cloud_engineer_agent')!;
    const res = await fetch(`${emu.url}/runtimes/${encodeURIComponent(arn)}/invocations?qualifier=DEFAULT`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2ln',
        'content-type': 'application/json',
        'x-amzn-bedrock-agentcore-runtime-session-id': SESSION,
      },
      body: JSON.stringify({ prompt: 'list my buckets' }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { result: string }).result).toMatch(/aws ec2 describe-instances/);
    // A SigV4 runtime refuses bearer tokens the same way.
    const other = await fetch(`${emu.url}/runtimes/${encodeURIComponent(arns.get('coach_companion')!)}/invocations`, {
      method: 'POST',
      headers: { authorization: 'Bearer a.b.c', 'x-amzn-bedrock-agentcore-runtime-session-id': SESSION },
      body: '{}',
    });
    expect(other.status).toBe(403);
    expect(other.headers.get('x-amzn-errortype')).toBe('AccessDeniedException');
  });
});

describe('sessions', () => {
  it('the first call of a session is a cold start, later calls are warm; stop ends the session', async () => {
    const session = 'cold-start-session-000000000000000000001';
    const client = dataClient(emu);
    const arn = arns.get('coach_companion')!;
    const call = async (): Promise<InvocationRecord> => {
      await readBody(await client.send(new InvokeAgentRuntimeCommand({ agentRuntimeArn: arn, payload: payload({ prompt: 'hi' }), runtimeSessionId: session })));
      return records.at(-1)!;
    };
    expect((await call()).coldStart).toBe(true);
    expect((await call()).coldStart).toBe(false);
    const stopped = await client.send(new StopRuntimeSessionCommand({ agentRuntimeArn: arn, runtimeSessionId: session }));
    expect(stopped.runtimeSessionId).toBe(session);
    expect((await call()).coldStart).toBe(true);
    await expect(
      client.send(new StopRuntimeSessionCommand({ agentRuntimeArn: arn, runtimeSessionId: 'never-started-session-0000000000000000' })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('a session idle for longer than idleRuntimeSessionTimeout (900 s) starts cold again', async () => {
    const clock = { t: Date.UTC(2026, 10, 28, 12) };
    const timed = await startEmulator({ fast: true, now: () => clock.t });
    try {
      const seen: InvocationRecord[] = [];
      timed.onInvocation((r) => seen.push(r));
      const arn = timed.world.runtimes('us-east-1').find((r) => r.name === 'coach_companion')!.arn;
      const call = async (): Promise<boolean> => {
        await readBody(
          await dataClient(timed).send(new InvokeAgentRuntimeCommand({ agentRuntimeArn: arn, payload: payload({ prompt: 'hi' }), runtimeSessionId: SESSION })),
        );
        return seen.at(-1)!.coldStart;
      };
      expect(await call()).toBe(true);
      clock.t += 899_000;
      expect(await call()).toBe(false);
      clock.t += 901_000;
      expect(await call()).toBe(true);
    } finally {
      await timed.close();
    }
  });

  it('StopRuntimeSession cuts a running stream short', async () => {
    const slow = await startEmulator({ timeScale: 1, coldStartSeconds: 0, tokenMs: [20, 20] });
    try {
      const session = 'stop-me-session-00000000000000000000001';
      const arn = (await controlClient(slow).send(new ListAgentRuntimesCommand({ maxResults: 100 }))).agentRuntimes!.find(
        (r) => r.agentRuntimeName === 'strands_research_agent',
      )!.agentRuntimeArn!;
      const client = dataClient(slow);
      const out = await client.send(
        new InvokeAgentRuntimeCommand({ agentRuntimeArn: arn, payload: payload({ prompt: 'long answer please' }), runtimeSessionId: session }),
      );
      const stream = out.response as AsyncIterable<Uint8Array>;
      let frames = 0;
      for await (const chunk of stream) {
        frames += Buffer.from(chunk).toString('utf8').split('\n\n').length - 1;
        if (frames === 1) await client.send(new StopRuntimeSessionCommand({ agentRuntimeArn: arn, runtimeSessionId: session }));
      }
      expect(frames).toBeGreaterThan(0);
      expect(frames).toBeLessThan(20); // the full reply has ~100 frames
    } finally {
      await slow.close();
    }
  });

  it('emits one full InvocationRecord per invocation', async () => {
    const before = records.length;
    await readBody(await invoke('sre_supervisor', { prompt: 'check latency of checkout' }, { runtimeUserId: 'alice' }));
    expect(records.length).toBe(before + 1);
    const r = records.at(-1)!;
    expect(r).toMatchObject({
      region: 'us-east-1',
      runtimeName: 'sre_supervisor',
      endpointName: 'DEFAULT',
      sessionId: SESSION,
      userId: 'alice',
      prompt: 'check latency of checkout',
      outcome: 'ok',
    });
    expect(r.memoryId).toMatch(/^sre_agent_memory-/);
    expect(r.replyText.length).toBeGreaterThan(100);
    expect(r.inputTokens).toBeGreaterThan(0);
    expect(r.outputTokens).toBeGreaterThan(0);
  });
});
