/** Sessions over restarts: crash recovery, search after reopening the file, export/import, StopRuntimeSession. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatStore } from '../../src/main/services/chat/chat-store';
import { MATCH_END, MATCH_START } from '../../src/main/services/store/message-index';
import { startChatHarness, type ChatHarness } from './helpers/chat-harness';

let h: ChatHarness;
beforeAll(async () => {
  h = await startChatHarness();
});
afterAll(() => h.close());

const session = (name = 'sre_supervisor', qualifier = 'prod') => h.chat.createSession({ agentKey: h.agentKey(name), qualifier });

describe('chat sessions', () => {
  it('titles a session from its first prompt; rename, pin, list per agent and delete', async () => {
    const s = session('coach_companion', 'DEFAULT');
    expect(s.runtimeSessionId).toMatch(/^console-[0-9a-f-]{36}$/);
    await h.ask(s.id, 'Plan my marathon block\nwith details');
    expect(h.chat.getSession(s.id).session).toMatchObject({ title: 'Plan my marathon block', messageCount: 2 });
    const renamed = h.chat.updateSession({ sessionId: s.id, title: 'Marathon', pinned: true });
    expect(renamed).toMatchObject({ title: 'Marathon', pinned: true });
    expect(h.chat.listSessions({ agentKey: s.agentKey })[0]?.id).toBe(s.id);
    await h.chat.deleteSession(s.id);
    expect(h.chat.listSessions({ agentKey: s.agentKey }).map((x) => x.id)).not.toContain(s.id);
  });

  it('marks a reply left streaming by a crash as incomplete on the next start, keeping its text', async () => {
    const s = session();
    const store = new ChatStore(h.db);
    const reply = store.addMessage({ sessionId: s.id, role: 'assistant', text: '', state: 'streaming', createdAt: Date.now() });
    store.appendChunk(reply.id, 0, 'half of a zanzibar answer');
    await h.reopen();
    expect(h.chat.getSession(s.id).messages.at(-1)).toMatchObject({
      id: reply.id,
      state: 'incomplete',
      text: 'half of a zanzibar answer',
      error: { code: 'interrupted' },
    });
  });

  it('finds messages after a restart, with session titles and agent names', async () => {
    const s = session();
    await h.ask(s.id, 'why is the quokka-service restarting?');
    await h.reopen();
    const hits = await h.transcripts.search('quokka', 10);
    // The agent's answer names the service too; newest first.
    expect(hits.map((hit) => hit.role)).toEqual(['assistant', 'user']);
    expect(hits[1]).toMatchObject({ sessionId: s.id, agentName: 'sre_supervisor', sessionTitle: 'why is the quokka-service restarting?' });
    expect(hits[0]?.snippet).toContain(`${MATCH_START}quokka${MATCH_END}`);
    expect((await h.transcripts.search('zanzibar', 10)).length).toBe(1);
  });

  it('exports Markdown and JSON, and imports the JSON back as an equal session', async () => {
    const s = session('llmops_agent', 'DEFAULT');
    await h.ask(s.id, 'train a classifier for $12');
    const md = h.transcripts.exportSession(s.id, 'markdown');
    expect(md).toMatchObject({ mimeType: 'text/markdown', filename: expect.stringMatching(/^llmops_agent-train-a-classifier.*\.md$/) });
    expect(md.content).toContain('## You —');
    const json = h.transcripts.exportSession(s.id, 'json');
    const imported = h.transcripts.importSession(json.content);
    expect(imported).toMatchObject({ agentKey: s.agentKey, title: 'train a classifier for $12', runtimeSessionId: s.runtimeSessionId, messageCount: 2 });
    const strip = (m: { id: number; sessionId: string; raw?: string; rawTruncated?: boolean }) => ({
      ...m,
      id: 0,
      sessionId: '',
      raw: undefined,
      rawTruncated: undefined,
    });
    expect(h.chat.getSession(imported.id).messages.map(strip)).toEqual(h.chat.getSession(s.id).messages.map(strip));
  });

  it('rejects a bad import file with a specific error', () => {
    expect(() => h.transcripts.importSession('not json')).toThrow(/not JSON/);
    expect(() => h.transcripts.importSession('{"hello": 1}')).toThrow(/not a chat transcript/);
    const bad = JSON.stringify({
      format: 'agentcore-ops-console.chat',
      version: 1,
      session: { agentKey: 'x', runtimeSessionId: 'short', title: 't', createdAt: 1 },
      messages: [],
    });
    expect(() => h.transcripts.importSession(bad)).toThrow(/invalid at session\.agentKey/);
  });

  it('ends the runtime session with StopRuntimeSession; the next send opens a new one', async () => {
    const s = session('coach_companion', 'DEFAULT');
    const first = await h.ask(s.id, 'hello');
    expect(first.runtimeSessionId).toBe(s.runtimeSessionId);
    const ended = await h.chat.endSession(s.id);
    expect(ended.ended).toBe(true);
    const sent = h.chat.send({ sessionId: s.id, prompt: 'again', mode: 'template' }, h.follower(s.id));
    expect(sent.session.ended).toBe(false);
    expect(sent.session.runtimeSessionId).not.toBe(s.runtimeSessionId);
    await h.chat.idle();
    const second = h.chat.getSession(s.id).messages.at(-1);
    expect(second).toMatchObject({ state: 'complete', runtimeSessionId: sent.session.runtimeSessionId, metrics: { coldStart: true } });
  });
});
