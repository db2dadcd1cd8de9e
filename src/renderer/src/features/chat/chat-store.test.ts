import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import type { ChatMessage, ChatReplyItem, ChatSession } from '../../../../shared/chat';
import { ApiError } from '../../../../shared/errors';
import type { ApiClient, StreamHandlers } from '../../api/client';
import { apiQueryKey } from '../../state/api-key';
import { createChatStore } from './chat-store';
import { testMessage, testSession } from './test-fixtures';

// The module also builds the app's store on the real api client (the web transport, here): give it a window and an idle EventSource.
vi.hoisted(() =>
  Object.assign(globalThis, {
    window: {},
    EventSource: class {
      addEventListener(): void {}
    },
  }),
);

const session = testSession('s1', { title: 'New chat' });
const message = (id: number, patch: Partial<ChatMessage> = {}): ChatMessage => testMessage(id, { createdAt: 2, ...patch });

/** A client whose streams the test drives by hand; transcripts load from `stored`. */
function fakeClient(initial: ChatMessage[]) {
  let stored = initial;
  const opened: Array<{ name: string; input: unknown; onItem: (item: ChatReplyItem) => void; handlers: StreamHandlers }> = [];
  const client = {
    call: async (method: string) => {
      if (method === 'chat.sessions.get') return { session, messages: stored };
      throw new Error(`unexpected ${method}`);
    },
    stream: (name: string, input: unknown, onItem: (item: ChatReplyItem) => void, handlers: StreamHandlers = {}) => {
      opened.push({ name, input, onItem, handlers });
      return () => undefined;
    },
    onConnection: () => () => undefined,
  } as unknown as Pick<ApiClient, 'call' | 'stream' | 'onConnection'>;
  return { client, opened, store: (next: ChatMessage[]) => (stored = next) };
}
/** Animation frames the test hands out itself. */
let frame: (() => void) | null = null;
const nextFrame = (run: () => void): (() => void) => ((frame = run), () => (frame = null));
const paint = (): void => frame?.();
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('chat store on reply streams', () => {
  it('sends on a chat.reply stream and draws its items into the transcript, in order', async () => {
    const { client, opened } = fakeClient([]);
    const cache = new QueryClient();
    cache.setQueryData(apiQueryKey('chat.sessions.list', { agentKey: session.agentKey }), [session]);
    const store = createChatStore(client, cache, nextFrame);
    store.open('s1');
    await settle();
    const sent = store.send('s1', { prompt: 'hi', mode: 'template' });
    expect(
      store
        .get()
        .transcripts.get('s1')
        ?.messages.map((m) => m.text),
    ).toEqual(['hi']); // shown at once
    const reply = opened[0];
    expect(reply?.name).toBe('chat.reply');
    expect(reply?.input).toEqual({ sessionId: 's1', prompt: 'hi', mode: 'template' });
    const titled = { ...session, title: 'hi', messageCount: 2 };
    reply?.onItem({ kind: 'started', session: titled, assistantMessageId: 8, userMessage: message(7, { role: 'user', text: 'hi', state: 'complete' }) });
    await sent;
    reply?.onItem({ kind: 'delta', text: 'Hel' });
    reply?.onItem({ kind: 'delta', text: 'lo' });
    paint();
    expect(store.get().transcripts.get('s1')?.messages[1]?.text).toBe('Hello');
    reply?.onItem({ kind: 'completed', message: message(8, { text: 'Hello', state: 'complete' }) });
    paint();
    expect(
      store
        .get()
        .transcripts.get('s1')
        ?.messages.map((m) => [m.id, m.text, m.state]),
    ).toEqual([
      [7, 'hi', 'complete'],
      [8, 'Hello', 'complete'],
    ]);
    // The agent's cached session list shows the title main derived.
    expect(cache.getQueryData<ChatSession[]>(apiQueryKey('chat.sessions.list', { agentKey: session.agentKey }))?.[0]?.title).toBe('hi');
  });

  it('takes the optimistic prompt back and rejects with main’s reason when the stream is refused', async () => {
    const { client, opened } = fakeClient([]);
    const store = createChatStore(client, new QueryClient(), nextFrame);
    store.open('s1');
    await settle();
    const sent = store.send('s1', { prompt: 'again', mode: 'template' });
    opened[0]?.handlers.onEnd?.(new ApiError('invalid_input', 'A reply is still streaming in this chat.'));
    await expect(sent).rejects.toMatchObject({ code: 'invalid_input' });
    expect(store.get().transcripts.get('s1')?.messages).toEqual([]);
  });

  it('follows a reply still streaming when a transcript opens (after a reload), replacing the stored partial text', async () => {
    const { client, opened } = fakeClient([message(5, { role: 'user', text: 'q', state: 'complete' }), message(6, { text: 'partial from disk' })]);
    const store = createChatStore(client, new QueryClient(), nextFrame);
    store.open('s1');
    await settle();
    expect(opened.map((o) => [o.name, o.input])).toEqual([['chat.watch', { sessionId: 's1' }]]);
    opened[0]?.onItem({ kind: 'started', session, assistantMessageId: 6, text: 'streamed so far' });
    opened[0]?.onItem({ kind: 'delta', text: '…' });
    paint();
    expect(store.get().transcripts.get('s1')?.messages[1]?.text).toBe('streamed so far…');
  });

  it('loads the final state when the reply finished between loading the transcript and following it', async () => {
    const fake = fakeClient([message(6, { text: 'partial' })]);
    const store = createChatStore(fake.client, new QueryClient(), nextFrame);
    store.open('s1');
    await settle();
    expect(fake.opened.map((o) => o.name)).toEqual(['chat.watch']);
    // Main has nothing streaming any more: the watch ends at once, with no item.
    fake.store([message(6, { text: 'the whole reply', state: 'complete' })]);
    fake.opened[0]?.handlers.onEnd?.();
    await settle();
    expect(store.get().transcripts.get('s1')?.messages[0]).toMatchObject({ text: 'the whole reply', state: 'complete' });
    expect(fake.opened).toHaveLength(1); // and does not watch again
  });
});
