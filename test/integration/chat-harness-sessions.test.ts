/**
 * Chat with managed agent harnesses through the real SDK's InvokeHarness
 * event stream against the emulator: streamed text, a collapsed reasoning
 * step, tool use and result, token usage and the harness's latency; a second
 * turn resumes the session; and the bad input — model access denied, an
 * exception event mid-stream, a stream ending without messageStop, an event
 * the SDK does not know, throttling, a harness deleted while chatting — and
 * the model cost of its replies, priced from the tokens they reported.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DeleteHarnessCommand } from '@aws-sdk/client-bedrock-agentcore-control';
import { createMetricsModule } from '../../src/main/services/metrics/metrics-module';
import { contract } from '../../src/shared/contract';
import { OWNER } from './helpers/caller';
import { startChatHarness, type ChatHarness } from './helpers/chat-harness';

let h: ChatHarness;
beforeAll(async () => {
  h = await startChatHarness();
});
afterAll(() => h.close());
afterEach(() => {
  h.emu.setFaults({ rules: [] });
  h.emu.setHarnessFault({ mode: 'none' });
});

const harnessKey = (name: string, region = 'us-east-1'): string => {
  const harness = h.emu.world.harnesses(region).find((x) => x.name === name);
  if (!harness) throw new Error(`no demo harness ${name}`);
  return `demo|${region}|harness|${harness.id}`;
};
const session = (name: string) => h.chat.createSession({ agentKey: harnessKey(name), qualifier: 'DEFAULT' });

describe('a harness in the fleet', () => {
  it('is listed beside the runtimes with its endpoints, failures included', () => {
    const harnesses = h.fleet.snapshot().resources.filter((r) => r.kind === 'harness' && r.region === 'us-east-1');
    expect(harnesses.map((r) => r.name)).toEqual(expect.arrayContaining(['sre_tools_harness', 'support_faq_harness', 'billing_model_denied_harness']));
    expect(harnesses.find((r) => r.name === 'sre_tools_harness')?.endpoints?.map((e) => e.name)).toContain('DEFAULT');
    expect(harnesses.some((r) => r.health === 'failed' && r.failureReason)).toBe(true);
  });
});

describe('chat with a harness', () => {
  it('streams text, shows reasoning and the tool step, and reports tokens and latency', async () => {
    const s = session('sre_tools_harness');
    const reply = await h.ask(s.id, 'Is checkout-api healthy?');
    expect(reply.state).toBe('complete');
    expect(reply.text.length).toBeGreaterThan(0);
    const kinds = (reply.steps ?? []).map((step) => step.kind);
    expect(kinds).toEqual(expect.arrayContaining(['reasoning', 'tool_use', 'tool_result']));
    expect(reply.steps!.find((step) => step.kind === 'tool_use')!.title).toMatch(/get_pod_status|query_metrics/);
    expect(reply.metrics?.usage?.inputTokens).toBeGreaterThan(0);
    expect(reply.metrics?.usage?.outputTokens).toBeGreaterThan(0);
    expect(reply.metrics?.serverLatencyMs).toBeGreaterThanOrEqual(0);
    // Text came as many content deltas (the raw copy keeps every event), not one block at the end.
    expect((reply.raw ?? '').match(/"contentBlockDelta":\{[^\n]*"text":/g)?.length ?? 0).toBeGreaterThan(1);

    const second = await h.ask(s.id, 'And now?');
    expect(second.text).toMatch(/turn 2/i);
  });

  it('says which model access is missing when the harness cannot call its model', async () => {
    const reply = await h.ask(session('billing_model_denied_harness').id, 'What did we spend?');
    expect(reply.state).toBe('error');
    expect(reply.error?.code).toBe('AccessDeniedException');
    expect(reply.error?.message).toMatch(/model/i);
  });

  it('keeps the text before an exception event and names the exception', async () => {
    h.emu.setHarnessFault({ mode: 'exception', exception: 'internalServerException', afterEvents: 6 });
    const reply = await h.ask(session('support_faq_harness').id, 'How do I reset my password?');
    expect(reply.state).toBe('incomplete');
    expect(reply.error?.code).toBe('InternalServerException');
  });

  it('marks a reply whose stream ended without messageStop as cut short', async () => {
    h.emu.setHarnessFault({ mode: 'no_message_stop', afterEvents: 3 });
    const reply = await h.ask(session('support_faq_harness').id, 'How do I reset my password?');
    expect(reply.state).toBe('incomplete');
    expect(reply.error?.code).toBe('incomplete_stream');
    expect(reply.text.length).toBeGreaterThan(0);
  });

  it('does not trip over an event type it does not know', async () => {
    h.emu.setHarnessFault({ mode: 'unknown_event', afterEvents: 2 });
    const reply = await h.ask(session('support_faq_harness').id, 'Hello');
    expect(reply.state).toBe('complete');
    expect(reply.metrics?.usage).toBeDefined();
  });

  it('maps throttling to a retry', async () => {
    h.emu.setFaults({ rules: [{ operation: 'InvokeHarness', throttleRate: 1 }] });
    const reply = await h.ask(session('support_faq_harness').id, 'Hello');
    expect(reply).toMatchObject({ state: 'error', error: { code: 'ThrottlingException', action: { kind: 'retry' } } });
  });

  it('explains a harness deleted while its chat was open', async () => {
    const s = session('support_faq_harness');
    await h.ask(s.id, 'Hello');
    const id = h.emu.world.harnesses('us-east-1').find((x) => x.name === 'support_faq_harness')!.id;
    await h.clients.forCell('demo', 'us-east-1').control.send(new DeleteHarnessCommand({ harnessId: id }));
    const reply = await h.ask(s.id, 'Still there?');
    expect(reply.state).toBe('error');
    expect(reply.error?.code).toBe('ResourceNotFoundException');
    h.emu.reset();
  });
});

describe('a harness’s model cost', () => {
  it('prices the tokens its replies reported to this console’s chats, per model, from the price table', async () => {
    const key = harnessKey('sre_tools_harness');
    const before = await h.ask(session('sre_tools_harness').id, 'Is checkout-api healthy?');
    const metrics = createMetricsModule({ db: h.db, clients: h.clients, fleet: h.fleet });
    const input = contract['metrics.harness'].input.parse({ key, range: { preset: '24h' } });
    const figure = await metrics.methods['metrics.harness'](input, OWNER);
    expect(figure.model).toMatch(/claude|nova/);
    expect(figure.turns).toBeGreaterThanOrEqual(1);
    expect(figure.inputTokens).toBeGreaterThanOrEqual(before.metrics!.usage!.inputTokens);
    const lines = figure.cost.lines.filter((l) => l.priceId.startsWith('model.'));
    expect(lines.map((l) => l.id).sort()).toEqual([expect.stringMatching(/\.input$/), expect.stringMatching(/\.output$/)]);
    expect(figure.cost.totalUsd).toBeGreaterThan(0);
  });
});
