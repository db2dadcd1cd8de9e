/** AgentCore harnesses through the real SDK clients: control plane, InvokeHarness's event stream, its fault knob. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  DeleteHarnessCommand,
  GetHarnessCommand,
  GetHarnessEndpointCommand,
  ListHarnessEndpointsCommand,
  ListHarnessesCommand,
  ListHarnessVersionsCommand,
  ResourceNotFoundException as ControlNotFound,
  type HarnessSummary,
} from '@aws-sdk/client-bedrock-agentcore-control';
import {
  AccessDeniedException,
  InvokeHarnessCommand,
  ResourceNotFoundException,
  ThrottlingException,
  ValidationException,
  type InvokeHarnessStreamOutput,
} from '@aws-sdk/client-bedrock-agentcore';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index';
import { controlClient, dataClient, SESSION } from './helpers/emulator-clients';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ fast: true });
});
afterAll(() => emu.close());
afterEach(() => emu.reset());

const arnOf = (name: string, region = 'us-east-1'): string => {
  const h = emu.world.harnesses(region).find((x) => x.name === name);
  if (!h) throw new Error(`no demo harness ${name}`);
  return h.arn;
};
const idOf = (name: string): string => arnOf(name).split('/').pop()!;

async function listAll(maxResults: number): Promise<HarnessSummary[]> {
  const out: HarnessSummary[] = [];
  let nextToken: string | undefined;
  do {
    const page = await controlClient(emu).send(new ListHarnessesCommand({ maxResults, nextToken }));
    out.push(...(page.harnesses ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return out;
}

async function invoke(name: string, prompt: string, sessionId = SESSION): Promise<InvokeHarnessStreamOutput[]> {
  const out = await dataClient(emu).send(
    new InvokeHarnessCommand({ harnessArn: arnOf(name), runtimeSessionId: sessionId, messages: [{ role: 'user', content: [{ text: prompt }] }] }),
  );
  const events: InvokeHarnessStreamOutput[] = [];
  for await (const e of out.stream ?? []) events.push(e);
  return events;
}

/** The union member each event carries (the SDK leaves the others undefined). */
const kinds = (events: InvokeHarnessStreamOutput[]): string[] => events.map((e) => Object.entries(e).find(([, v]) => v !== undefined)?.[0] ?? '');
const text = (events: InvokeHarnessStreamOutput[]): string => events.map((e) => e.contentBlockDelta?.delta?.text ?? '').join('');

describe('harness control plane', () => {
  it('lists every us-east-1 harness across pages, with SDK status values', async () => {
    const all = await listAll(2);
    expect(all.map((h) => h.harnessName)).toEqual([
      'sre_tools_harness',
      'support_faq_harness',
      'billing_model_denied_harness',
      'onboarding_guide_harness',
      'release_notes_harness',
    ]);
    expect(all.map((h) => h.status)).toEqual(['READY', 'READY', 'READY', 'CREATE_FAILED', 'CREATING']);
    expect(all[0]!.createdAt).toBeInstanceOf(Date);
    const west = await controlClient(emu, { region: 'us-west-2' }).send(new ListHarnessesCommand({}));
    expect(west.harnesses?.map((h) => h.harnessName)).toEqual(['field_ops_harness']);
  });

  it('gets the full detail of a harness, without any secret', async () => {
    const { harness } = await controlClient(emu).send(new GetHarnessCommand({ harnessId: idOf('sre_tools_harness') }));
    expect(harness).toMatchObject({ harnessName: 'sre_tools_harness', arn: arnOf('sre_tools_harness'), status: 'READY', harnessVersion: '3' });
    expect(harness?.model?.bedrockModelConfig?.modelId).toMatch(/claude-sonnet-4/);
    expect(harness?.systemPrompt?.[0]?.text).toMatch(/SRE assistant/);
    expect(harness?.tools?.map((t) => t.name)).toEqual(['get_pod_status', 'query_metrics']);
    expect(harness?.skills?.map((s) => s.path)).toEqual(['/skills/kubernetes-triage', '/skills/runbooks']);
    expect(harness?.memory?.managedMemoryConfiguration?.strategies).toEqual(['SEMANTIC', 'SUMMARIZATION']);
    expect(harness?.executionRoleArn).toMatch(/^arn:aws:iam::\d{12}:role\//);
    expect(harness?.updatedAt).toBeInstanceOf(Date);
    expect(JSON.stringify(harness)).not.toMatch(/secret|password|apiKey|accessToken|"headers"/i);
    const failed = await controlClient(emu).send(new GetHarnessCommand({ harnessId: idOf('onboarding_guide_harness') }));
    expect(failed.harness?.failureReason).toMatch(/Unable to assume the execution role/);
    const v1 = await controlClient(emu).send(new GetHarnessCommand({ harnessId: idOf('sre_tools_harness'), harnessVersion: '1' }));
    expect(v1.harness?.harnessVersion).toBe('1');
  });

  it('lists endpoints and versions, gets one endpoint', async () => {
    const client = controlClient(emu);
    const harnessId = idOf('sre_tools_harness');
    const eps = await client.send(new ListHarnessEndpointsCommand({ harnessId }));
    expect(eps.endpoints?.map((e) => [e.endpointName, e.liveVersion, e.status])).toEqual([
      ['DEFAULT', '3', 'READY'],
      ['prod', '2', 'READY'],
    ]);
    const prod = await client.send(new GetHarnessEndpointCommand({ harnessId, endpointName: 'prod' }));
    expect(prod.endpoint).toMatchObject({ harnessName: 'sre_tools_harness', endpointName: 'prod', targetVersion: '3' });
    await expect(client.send(new GetHarnessEndpointCommand({ harnessId, endpointName: 'nope' }))).rejects.toBeInstanceOf(ControlNotFound);
    const versions = await client.send(new ListHarnessVersionsCommand({ harnessId, maxResults: 2 }));
    expect(versions.harnessVersions?.map((v) => v.harnessVersion)).toEqual(['3', '2']);
    const rest = await client.send(new ListHarnessVersionsCommand({ harnessId, maxResults: 2, nextToken: versions.nextToken }));
    expect(rest.harnessVersions?.map((v) => v.harnessVersion)).toEqual(['1']);
    expect(rest.nextToken).toBeUndefined();
  });

  it('deletes a harness: gone from get, list and invoke until reset', async () => {
    const arn = arnOf('support_faq_harness');
    const harnessId = idOf('support_faq_harness');
    const deleted = await controlClient(emu).send(new DeleteHarnessCommand({ harnessId }));
    expect(deleted.harness?.status).toBe('DELETING');
    await expect(controlClient(emu).send(new GetHarnessCommand({ harnessId }))).rejects.toBeInstanceOf(ControlNotFound);
    expect((await listAll(10)).map((h) => h.harnessName)).not.toContain('support_faq_harness');
    expect(emu.world.harnesses('us-east-1').map((h) => h.name)).not.toContain('support_faq_harness');
    const call = dataClient(emu).send(
      new InvokeHarnessCommand({ harnessArn: arn, runtimeSessionId: SESSION, messages: [{ role: 'user', content: [{ text: 'hi' }] }] }),
    );
    await expect(call).rejects.toBeInstanceOf(ResourceNotFoundException);
    emu.reset();
    expect((await controlClient(emu).send(new GetHarnessCommand({ harnessId }))).harness?.harnessName).toBe('support_faq_harness');
  });
});

describe('InvokeHarness stream', () => {
  it('streams reasoning, a tool use, its result, then text, messageStop and metadata', async () => {
    const events = await invoke('sre_tools_harness', 'Why is payment-service crash looping?');
    expect(kinds(events)[0]).toBe('messageStart');
    expect(events[0]!.messageStart?.role).toBe('assistant');
    const reasoning = events.map((e) => e.contentBlockDelta?.delta?.reasoningContent?.text ?? '').join('');
    expect(reasoning).toMatch(/get_pod_status/);
    const toolStart = events.find((e) => e.contentBlockStart?.start?.toolUse)!.contentBlockStart!;
    expect(toolStart.start?.toolUse).toMatchObject({ name: 'get_pod_status', type: 'tool_use' });
    const toolInput = events.map((e) => e.contentBlockDelta?.delta?.toolUse?.input ?? '').join('');
    expect(JSON.parse(toolInput)).toEqual({ namespace: 'production', service: 'payment-service' });
    const stops = events.flatMap((e) => (e.messageStop ? [e.messageStop.stopReason] : []));
    expect(stops).toEqual(['tool_use', 'tool_result', 'end_turn']);
    const resultStart = events.find((e) => e.contentBlockStart?.start?.toolResult)!.contentBlockStart!.start!.toolResult!;
    expect(resultStart).toEqual({ toolUseId: toolStart.start!.toolUse!.toolUseId, status: 'success' });
    const result = events.find((e) => e.contentBlockDelta?.delta?.toolResult)!.contentBlockDelta!.delta!.toolResult!;
    expect(result[0]?.json).toMatchObject({ service: 'payment-service', pods: [{ restarts: 7, lastTermination: 'OOMKilled' }] });
    expect(text(events)).toMatch(/OOMKilled/);
    const meta = events.at(-1)!.metadata!;
    expect(meta.usage!.inputTokens).toBeGreaterThan(0);
    expect(meta.usage!.totalTokens).toBe(meta.usage!.inputTokens! + meta.usage!.outputTokens!);
    expect(meta.metrics!.latencyMs).toBeGreaterThanOrEqual(1);
    expect(kinds(events).at(-2)).toBe('messageStop');
  });

  it('FAQ harness only talks, and the same session id resumes the conversation', async () => {
    const session = 'faq-session-000000000000000000000000001';
    const first = await invoke('support_faq_harness', 'How do I download my invoice?', session);
    expect(new Set(kinds(first))).toEqual(new Set(['messageStart', 'contentBlockDelta', 'contentBlockStop', 'messageStop', 'metadata']));
    expect(text(first)).toMatch(/turn 1 of a new session.*Billing > Invoices/);
    expect(text(await invoke('support_faq_harness', 'And refunds?', session))).toMatch(/turn 2 of this session/);
    expect(text(await invoke('support_faq_harness', 'Hello', `${session}-other`))).toMatch(/turn 1/);
  });

  it('the model-denied harness answers 403 AccessDeniedException before any event', async () => {
    const err = await invoke('billing_model_denied_harness', 'Dispute invoice 42').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AccessDeniedException);
    expect((err as Error).message).toMatch(/don't have access to the model/);
  });

  it('rejects bad requests like AgentCore', async () => {
    await expect(invoke('onboarding_guide_harness', 'hi')).rejects.toThrow(/CREATE_FAILED/);
    await expect(invoke('support_faq_harness', 'hi', 'too-short')).rejects.toBeInstanceOf(ValidationException);
    const empty = dataClient(emu).send(new InvokeHarnessCommand({ harnessArn: arnOf('support_faq_harness'), runtimeSessionId: SESSION, messages: [] }));
    await expect(empty).rejects.toThrow(/'messages'/);
  });

  it('fault rules apply to InvokeHarness like any operation', async () => {
    emu.setFaults({ rules: [{ operation: 'InvokeHarness', throttleRate: 1 }] });
    await expect(invoke('support_faq_harness', 'hi')).rejects.toBeInstanceOf(ThrottlingException);
  });
});

describe('stream fault knob', () => {
  it.each(['validationException', 'internalServerException', 'runtimeClientError'] as const)('exception %s is thrown while iterating', async (exception) => {
    emu.setHarnessFault({ mode: 'exception', exception, afterEvents: 4 });
    const seen: InvokeHarnessStreamOutput[] = [];
    const out = await dataClient(emu).send(
      new InvokeHarnessCommand({ harnessArn: arnOf('sre_tools_harness'), runtimeSessionId: SESSION, messages: [{ role: 'user', content: [{ text: 'hi' }] }] }),
    );
    const err = await (async () => {
      for await (const e of out.stream ?? []) seen.push(e);
    })().catch((e: unknown) => e);
    expect(seen).toHaveLength(4);
    expect((err as Error).name).toBe(exception[0]!.toUpperCase() + exception.slice(1));
    expect((err as Error).message).toBeTruthy();
  });

  it('unknown_event is skipped by the SDK and the stream goes on to the end', async () => {
    const normal = await invoke('support_faq_harness', 'hi');
    emu.setHarnessFault({ mode: 'unknown_event', afterEvents: 2 });
    const events = await invoke('support_faq_harness', 'hi', `${SESSION}-x`);
    expect(events).toHaveLength(normal.length);
    expect(events.some((e) => '$unknown' in e)).toBe(false);
    expect(kinds(events).at(-1)).toBe('metadata');
  });

  it('no_message_stop ends cleanly after some text, without messageStop or metadata', async () => {
    emu.setHarnessFault({ mode: 'no_message_stop', afterEvents: 2 });
    const events = await invoke('sre_tools_harness', 'hi');
    expect(kinds(events).slice(-3)).toEqual(['messageStart', 'contentBlockDelta', 'contentBlockDelta']);
    expect(events.flatMap((e) => (e.messageStop ? [e.messageStop.stopReason] : []))).toEqual(['tool_use', 'tool_result']);
    expect(kinds(events)).not.toContain('metadata');
  });

  it('harnessName scopes the fault; admin PUT validates; reset clears', async () => {
    emu.setHarnessFault({ mode: 'no_message_stop', harnessName: 'sre_tools_harness' });
    expect(kinds(await invoke('support_faq_harness', 'hi')).at(-1)).toBe('metadata');
    const bad = await fetch(`${emu.url}/_emulator/harness`, { method: 'PUT', body: JSON.stringify({ mode: 'explode' }) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/mode/);
    const ok = await fetch(`${emu.url}/_emulator/harness`, { method: 'PUT', body: JSON.stringify({ mode: 'exception', exception: 'runtimeClientError' }) });
    expect(await ok.json()).toEqual({ mode: 'exception', exception: 'runtimeClientError', afterEvents: 3 });
    expect(emu.getHarnessFault().mode).toBe('exception');
    emu.reset();
    expect(await (await fetch(`${emu.url}/_emulator/harness`)).json()).toEqual({ mode: 'none', afterEvents: 3 });
  });
});

describe('pacing', () => {
  it('spreads the stream over time unless fast', async () => {
    const paced = await startEmulator({ timeScale: 1, tokenMs: [5, 5], coldStartSeconds: 0 });
    try {
      const harnessArn = paced.world.harnesses('us-east-1').find((h) => h.name === 'sre_tools_harness')!.arn;
      const started = Date.now();
      const out = await dataClient(paced).send(
        new InvokeHarnessCommand({ harnessArn, runtimeSessionId: SESSION, messages: [{ role: 'user', content: [{ text: 'hi' }] }] }),
      );
      const arrivals: number[] = [];
      for await (const e of out.stream ?? []) if (e.contentBlockDelta?.delta?.text) arrivals.push(Date.now());
      expect(Date.now() - started).toBeGreaterThanOrEqual(150);
      expect(arrivals.at(-1)! - arrivals[0]!).toBeGreaterThanOrEqual(40);
    } finally {
      await paced.close();
    }
  });
});
