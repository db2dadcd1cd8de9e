/** Failure paths of a chat turn against the emulator: faults, a failing container, huge and endless replies, stop. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChatCompleted } from './helpers/chat-harness';
import { ChatService } from '../../src/main/services/chat/chat-service';
import { ChatStore } from '../../src/main/services/chat/chat-store';
import { fleetDirectory } from '../../src/main/services/chat/fleet-directory';
import { AgentInvoker } from '../../src/main/services/invoke/agent-invoker';
import { silentLogger } from '../../src/main/services/log/logger';
import { MemorySecretStore } from '../../src/main/services/secrets/secret-store';
import { startChatHarness, type ChatHarness } from './helpers/chat-harness';
import { BIG_REPLY_BYTES, startTestAgent, type TestAgent } from './helpers/test-agent';

let h: ChatHarness;
let agent: TestAgent;
let totalMs = 60_000;
beforeAll(async () => {
  agent = await startTestAgent();
  // Timeouts are read per invoke: generous by default (a 5 MB reply on a loaded CI machine takes seconds), short for the endless reply.
  h = await startChatHarness({ emulator: { agents: [{ name: 'local_agent', url: agent.url }] }, service: { timeouts: () => ({ idleMs: 10_000, totalMs }) } });
});
afterAll(async () => {
  await h.close();
  await agent.close();
});
afterEach(() => h.emu.setFaults({ rules: [] }));

const session = (name: string, region = 'us-east-1') => h.chat.createSession({ agentKey: h.agentKey(name, region), qualifier: 'DEFAULT' });

describe('chat failures', () => {
  it('maps throttling to ThrottlingException with a retry action', async () => {
    h.emu.setFaults({ rules: [{ operation: 'InvokeAgentRuntime', throttleRate: 1 }] });
    const reply = await h.ask(session('coach_companion').id, 'hi');
    expect(reply).toMatchObject({ state: 'error', text: '', error: { code: 'ThrottlingException', action: { kind: 'retry' } }, metrics: { httpStatus: 429 } });
  });

  it('keeps the partial text of a dropped stream, marked incomplete', async () => {
    h.emu.setFaults({ rules: [{ operation: 'InvokeAgentRuntime', dropStreamRate: 1, dropAfterChunks: 5 }] });
    const reply = await h.ask(session('strands_chat_agent', 'us-west-2').id, 'tell me about indexes');
    expect(reply).toMatchObject({ state: 'incomplete', error: { code: 'dropped_stream', action: { kind: 'retry' } } });
    expect(reply.text.length).toBeGreaterThan(0);
  });

  it('shows status and excerpt for an HTML error page instead of JSON', async () => {
    h.emu.setFaults({ rules: [{ operation: 'InvokeAgentRuntime', malformedRate: 1, malformedStatus: 500 }] });
    const reply = await h.ask(session('coach_companion').id, 'hi');
    expect(reply.error).toMatchObject({ code: 'MalformedResponse', message: expect.stringMatching(/HTTP 500.*<html>/) });
  });

  it('turns a failing container (424) into "open the logs at this minute"', async () => {
    const s = session('local_agent');
    const reply = await h.ask(s.id, 'fail');
    expect(reply.error).toMatchObject({ code: 'RuntimeClientError', action: { kind: 'open_logs', agentKey: s.agentKey, sessionId: s.runtimeSessionId } });
  });

  it('offers a fleet refresh when the fleet still lists a runtime AgentCore deleted', async () => {
    const live = fleetDirectory(h.fleet);
    const completed: ChatCompleted[] = [];
    // Same store, but the fleet snapshot is stale: the runtime behind this key was deleted and recreated.
    const chat = new ChatService({
      store: new ChatStore(h.db),
      invoker: new AgentInvoker(h.clients),
      agents: {
        find: (key) => {
          const a = live.find(key);
          return a && { ...a, arn: a.arn.replace(/runtime\/.*$/, 'runtime/deleted_agent-abcdefghij') };
        },
      },
      secrets: new MemorySecretStore(),
      logger: silentLogger,
    });
    const s = chat.createSession({ agentKey: h.agentKey('coach_companion'), qualifier: 'DEFAULT' });
    chat.send({ sessionId: s.id, prompt: 'hi', mode: 'template' }, (item) => {
      if (item.kind === 'completed') completed.push({ sessionId: s.id, message: item.message });
    });
    await chat.idle();
    expect(completed[0]?.message.error).toMatchObject({ code: 'ResourceNotFoundException', action: { kind: 'refresh_fleet' } });
  });

  it('reads a 5 MB streamed reply whole, keeping a capped raw copy', async () => {
    // Backpressure on a long stream must not pile up listeners in the emulator (it once leaked one per wait).
    const warnings: string[] = [];
    const onWarning = (warning: Error): void => void warnings.push(warning.name);
    process.on('warning', onWarning);
    const reply = await h.ask(session('local_agent').id, 'big').finally(() => setImmediate(() => process.off('warning', onWarning)));
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings).not.toContain('MaxListenersExceededWarning');
    expect(reply.state).toBe('complete');
    expect(reply.text.length).toBeGreaterThanOrEqual(BIG_REPLY_BYTES);
    expect(reply.rawTruncated).toBe(true);
    expect(reply.raw?.length).toBe(1_000_000);
    expect(reply.metrics?.bytes).toBeGreaterThan(BIG_REPLY_BYTES);
    expect(h.chat.getSession(reply.sessionId).messages.at(-1)?.text.length).toBe(reply.text.length);
  });

  it('gives up on a reply that never ends: incomplete, with a timeout error and the text so far', async () => {
    totalMs = 1_500;
    const reply = await h.ask(session('local_agent').id, 'forever').finally(() => (totalMs = 60_000));
    expect(reply).toMatchObject({ state: 'incomplete', error: { code: 'timeout' } });
    expect(reply.text).toMatch(/^partial \.+/);
  });

  it('stops a streaming reply on request and keeps what arrived', async () => {
    const s = session('local_agent');
    const sent = h.chat.send({ sessionId: s.id, prompt: 'hang', mode: 'template' }, h.follower(s.id));
    await expect.poll(() => h.deltas.some((d) => d.messageId === sent.assistantMessageId)).toBe(true);
    expect(await h.chat.stop(s.id)).toEqual({ stopped: true });
    const stored = h.chat.getSession(s.id).messages.at(-1);
    expect(stored).toMatchObject({ id: sent.assistantMessageId, state: 'incomplete', text: 'partial ', error: { code: 'stopped' } });
  });

  it('rejects an empty prompt and bad raw JSON before anything is stored', () => {
    const s = session('coach_companion');
    expect(() => h.chat.send({ sessionId: s.id, prompt: '  ', mode: 'template' })).toThrow(/prompt is empty/);
    expect(() => h.chat.send({ sessionId: s.id, prompt: '', mode: 'raw', raw: '{"prompt": "x",}' })).toThrow(/line 1, column 16/);
    expect(() => h.chat.setTemplate(s.agentKey, '{"prompt": "{{question}}"}')).toThrow(/Unknown placeholder \{\{question\}\}/);
    expect(h.chat.getSession(s.id).messages).toEqual([]);
  });
});
