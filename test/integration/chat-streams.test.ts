/**
 * Chat replies on owned streams, end to end in main: the real chat module and
 * stream hub, the real SDK against the emulator, a SQLite file. What a user
 * had is never lost when the window that asked goes away.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StreamHub } from '../../src/main/host/stream-hub';
import type { ChatModule } from '../../src/main/services/chat/chat-module';
import { startChatModuleRig, type ChatModuleRig } from './helpers/chat-module-rig';
import type { ChatReplyItem } from '../../src/shared/chat';
import type { StreamFrame } from '../../src/shared/contract';

let rig: ChatModuleRig;
let chat: ChatModule;
let hub: StreamHub;
let agentKey: string;

beforeAll(async () => {
  // Paced tokens (~30 ms each), so a reply is still streaming when the test cuts its connection.
  rig = await startChatModuleRig({ timeScale: 1, coldStartSeconds: 0, tokenMs: [30, 30] });
  ({ chat, hub } = rig);
  agentKey = rig.agentKey('strands_research_agent');
});
afterAll(() => rig.close());

function connect(connection: string): StreamFrame[] {
  const frames: StreamFrame[] = [];
  hub.connect({ connection, role: 'owner' }, { send: (batch) => (frames.push(...batch), true) });
  return frames;
}
const items = (frames: StreamFrame[], id: string): ChatReplyItem[] =>
  frames.filter((f) => f.id === id && f.type === 'item').map((f) => (f as { item: ChatReplyItem }).item);
const text = (list: ChatReplyItem[]): string => list.map((i) => (i.kind === 'delta' ? i.text : '')).join('');

describe('chat replies on owned streams', () => {
  it('two connections chatting at once each get only their own reply', async () => {
    const a = connect('a');
    const b = connect('b');
    const sa = chat.service.createSession({ agentKey, qualifier: 'DEFAULT' });
    const sb = chat.service.createSession({ agentKey, qualifier: 'DEFAULT' });
    await expect(hub.open('a', 'r', 'chat.reply', { sessionId: sa.id, prompt: 'research vector databases' })).resolves.toMatchObject({ ok: true });
    await expect(hub.open('b', 'r', 'chat.reply', { sessionId: sb.id, prompt: 'research graph databases' })).resolves.toMatchObject({ ok: true });
    await expect.poll(() => a.some((f) => f.type === 'end') && b.some((f) => f.type === 'end'), { timeout: 30_000 }).toBe(true);
    const final = (frames: StreamFrame[]) => items(frames, 'r').find((i) => i.kind === 'completed');
    expect(final(a)).toMatchObject({ message: { sessionId: sa.id, state: 'complete' } });
    expect(final(b)).toMatchObject({ message: { sessionId: sb.id, state: 'complete' } });
    expect(items(a, 'r')[0]).toMatchObject({ kind: 'started', session: { id: sa.id }, userMessage: { text: 'research vector databases' } });
    expect(JSON.stringify(a)).not.toContain(sb.id);
    expect(JSON.stringify(b)).not.toContain(sa.id);
    expect(text(items(a, 'r'))).toBe((final(a) as { message: { text: string } }).message.text);
  });

  it('refuses a second send while a reply streams: a typed error and no stream', async () => {
    connect('c');
    const s = chat.service.createSession({ agentKey, qualifier: 'DEFAULT' });
    await hub.open('c', 'first', 'chat.reply', { sessionId: s.id, prompt: 'research vector databases' });
    const second = await hub.open('c', 'second', 'chat.reply', { sessionId: s.id, prompt: 'again' });
    expect(second).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('still streaming') } });
    expect(hub.openStreams('c')).toEqual(['first']);
    await chat.service.idle();
  });

  it('a dropped connection stops the pushing at once, the reply still completes into SQLite, and a watch picks it up', async () => {
    const frames = connect('d');
    const s = chat.service.createSession({ agentKey, qualifier: 'DEFAULT' });
    await hub.open('d', 'r', 'chat.reply', { sessionId: s.id, prompt: 'research vector databases' });
    await expect.poll(() => text(items(frames, 'r')).length > 0, { timeout: 10_000 }).toBe(true);
    hub.disconnect('d');
    const seen = frames.length;

    // A new page opens the session and follows the reply from what streamed so far.
    const later = connect('e');
    await expect(hub.open('e', 'w', 'chat.watch', { sessionId: s.id })).resolves.toMatchObject({ ok: true });
    await chat.service.idle();
    expect(frames.length).toBe(seen);
    const stored = chat.service.getSession(s.id).messages.at(-1);
    expect(stored).toMatchObject({ role: 'assistant', state: 'complete' });
    expect((stored?.text ?? '').length).toBeGreaterThan(text(items(frames, 'r')).length);

    await expect.poll(() => later.some((f) => f.id === 'w' && f.type === 'end')).toBe(true);
    const watched = items(later, 'w');
    const started = watched[0];
    expect(started?.kind).toBe('started');
    const caughtUp = (started?.kind === 'started' ? (started.text ?? '') : '') + text(watched);
    expect(caughtUp).toBe(stored?.text);
  });

  it('a watch of a session with nothing streaming ends at once', async () => {
    const frames = connect('f');
    const s = chat.service.createSession({ agentKey, qualifier: 'DEFAULT' });
    await hub.open('f', 'w', 'chat.watch', { sessionId: s.id });
    await expect.poll(() => frames).toEqual([{ id: 'w', type: 'end' }]);
  });
});
