/** The chat service against every demo agent shape, through the real SDK and the emulator. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChatHarness, type ChatHarness } from './helpers/chat-harness';

let h: ChatHarness;
beforeAll(async () => {
  h = await startChatHarness();
});
afterAll(() => h.close());

const session = (name: string, region = 'us-east-1', qualifier = 'DEFAULT') => h.chat.createSession({ agentKey: h.agentKey(name, region), qualifier });

describe('chat against every demo agent shape', () => {
  it.each([
    ['coach_companion', 'us-east-1', 'application/json', /./],
    ['sre_supervisor', 'us-east-1', 'application/json', /Investigation/],
    ['release_notes_writer', 'us-east-1', 'text/plain', /^Release \d/],
    ['gdpr_redaction_agent', 'eu-central-1', 'text/plain', /Redaction report/],
  ])('%s (%s) answers with readable text', async (name, region, type, pattern) => {
    const s = session(name, region, name === 'sre_supervisor' ? 'prod' : 'DEFAULT');
    const reply = await h.ask(s.id, 'How should I train for a 10k run?');
    expect(reply.state).toBe('complete');
    expect(reply.text).toMatch(pattern);
    expect(reply.text).not.toMatch(/^\s*\{/); // text, not the JSON envelope
    expect(reply.metrics).toMatchObject({ httpStatus: 200, coldStart: true, contentType: expect.stringContaining(type) });
    expect(reply.metrics?.traceId).toMatch(/^1-[0-9a-f]{8}-[0-9a-f]{24}$/);
    expect(reply.raw).toBeTruthy();
  });

  it('reads {"output":{"message"}} once the payload template matches the agent', async () => {
    const s = session('model_registry_agent');
    h.chat.setTemplate(s.agentKey, '{"input": {"prompt": "{{prompt}}"}}');
    expect(h.chat.getTemplate(s.agentKey)).toEqual({ template: '{"input": {"prompt": "{{prompt}}"}}', isDefault: false });
    const reply = await h.ask(s.id, 'Which model for coding agents?');
    expect(reply.text).toContain('registered models');
    expect(reply.text).toContain('Claude 4.5 Sonnet');
  });

  it('streams Strands ConverseStream deltas, and the deltas add up to the stored text', async () => {
    const s = session('strands_research_agent');
    const reply = await h.ask(s.id, 'research vector databases');
    const streamed = h.deltas
      .filter((d) => d.messageId === reply.id)
      .map((d) => d.text)
      .join('');
    expect(reply.text).toMatch(/^## Research brief/);
    expect(streamed).toBe(reply.text);
    expect(reply.metrics?.chunks).toBeGreaterThan(1);
  });

  it('streams {"data": token} frames', async () => {
    const reply = await h.ask(session('strands_chat_agent', 'us-west-2').id, 'what is a vector index?');
    expect(reply).toMatchObject({ state: 'complete', format: 'markdown' });
    expect(reply.text.length).toBeGreaterThan(50);
  });

  it('turns typed SSE events into steps and the conversational_response into the answer', async () => {
    const reply = await h.ask(session('llmops_agent').id, 'train a sentiment classifier for $10');
    expect(reply.text).toMatch(/^### ✅ Training launched/);
    const kinds = new Set(reply.steps?.map((s) => s.kind));
    expect(kinds).toEqual(new Set(['agent_thinking', 'workflow_step', 'jobs_launched']));
  });

  it('flags a model-access error inside an otherwise successful reply, and keeps it complete', async () => {
    const reply = await h.ask(session('incident_summarizer').id, 'summarise the outage');
    expect(reply).toMatchObject({ state: 'complete', modelAccessIssue: true });
    expect(reply.error).toBeUndefined();
  });

  it('streams several sessions at once, each to completion', async () => {
    const a = session('strands_chat_agent', 'us-west-2');
    const b = session('strands_research_agent');
    const c = session('llmops_agent');
    const replies = await Promise.all([h.ask(a.id, 'one'), h.ask(b.id, 'two'), h.ask(c.id, 'three')]);
    expect(replies.map((r) => r.state)).toEqual(['complete', 'complete', 'complete']);
    expect(new Set(replies.map((r) => r.sessionId)).size).toBe(3);
  });

  it('marks only the first invoke of a runtime session as a cold start', async () => {
    const s = session('coach_companion');
    expect((await h.ask(s.id, 'first')).metrics?.coldStart).toBe(true);
    expect((await h.ask(s.id, 'second')).metrics?.coldStart).toBe(false);
  });
});

describe('OAuth agents', () => {
  const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSIsImF1ZCI6ImNvbnNvbGUifQ.c2lnbmF0dXJl';

  it('without a token: explains the JWT authorizer and offers to set one', async () => {
    const reply = await h.ask(session('cloud_engineer_agent').id, 'list my buckets');
    expect(reply).toMatchObject({ state: 'error', error: { code: 'bearer_required', action: { kind: 'set_bearer_token' } }, metrics: { coldStart: false } });
  });

  it('with a token: answers over Authorization: Bearer; the token stays in main', async () => {
    const s = session('cloud_engineer_agent');
    expect(h.chat.setBearer(s.agentKey, `Bearer ${jwt}`)).toEqual({ storage: 'memory' });
    expect(h.chat.bearerStatus(s.agentKey)).toEqual({ present: true, storage: 'memory' });
    const reply = await h.ask(s.id, 'list my buckets');
    expect(reply.state).toBe('complete');
    expect(reply.text).toContain('Here is what I found in account');
    const everything = JSON.stringify([h.chat.getSession(s.id), h.deltas, h.completed]);
    expect(everything).not.toContain(jwt);
    h.db.pragma('wal_checkpoint(TRUNCATE)');
    for (const file of readdirSync(h.dir).filter((f) => f.startsWith('console.db'))) expect(readFileSync(join(h.dir, file)).includes(jwt)).toBe(false);
  });

  it('with a token the authorizer rejects: says so and offers to set another', async () => {
    const s = session('cloud_engineer_agent');
    h.chat.setBearer(s.agentKey, 'not-a-jwt');
    const reply = await h.ask(s.id, 'hello');
    expect(reply.error).toMatchObject({ code: 'bearer_rejected', action: { kind: 'set_bearer_token' } });
    h.chat.setBearer(s.agentKey, null);
    expect(h.chat.bearerStatus(s.agentKey)).toEqual({ present: false, storage: 'none' });
  });
});
