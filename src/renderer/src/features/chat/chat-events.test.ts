import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../../../shared/chat';
import { applyChatEvents, isRawTurn, promptBefore, streamingMessageId, type ChatEvent, type Transcript } from './chat-events';
import { testMessage, testSession } from './test-fixtures';

const session = (id: string) => testSession(id);
const message = testMessage;
const delta = (text: string, messageId = 2, sessionId = 's1'): ChatEvent => ({ kind: 'delta', delta: { sessionId, messageId, text } });
const open = (...messages: ChatMessage[]): Map<string, Transcript> => new Map([['s1', { session: session('s1'), messages }]]);

describe('applyChatEvents', () => {
  it('merges a frame of deltas into one new message object and keeps other messages identical', () => {
    const user = message(1, { role: 'user', text: 'hi', state: 'complete' });
    const before = new Map([['s1', { session: { ...session('s1'), messageCount: 2, lastActivityAt: 10 }, messages: [user, message(2)] }]]);
    const events = Array.from({ length: 1000 }, (_, i) => delta(String(i % 10)));
    const { transcripts, touched } = applyChatEvents(before, events);
    const after = transcripts.get('s1') as Transcript;
    expect(after.messages[1]?.text).toHaveLength(1000);
    expect(after.messages[0]).toBe(user);
    expect(after.session).toBe(before.get('s1')?.session);
    expect([...touched]).toEqual(['s1']);
  });

  it('appends steps in order', () => {
    const { transcripts } = applyChatEvents(open(message(7)), [
      { kind: 'delta', delta: { sessionId: 's1', messageId: 7, text: '', steps: [{ kind: 'agent_thinking', title: 'plan' }] } },
      { kind: 'delta', delta: { sessionId: 's1', messageId: 7, text: 'A', steps: [{ kind: 'workflow_step', title: 'k8s' }] } },
    ]);
    const reply = transcripts.get('s1')?.messages[0];
    expect(reply).toMatchObject({ id: 7, state: 'streaming', text: 'A' });
    expect(reply?.steps?.map((s) => s.title)).toEqual(['plan', 'k8s']);
  });

  it('draws nothing for a delta of a message it does not show (the stream puts the message in place first)', () => {
    const before = open(message(2));
    const result = applyChatEvents(before, [delta('stray', 9)]);
    expect(result.touched.size).toBe(0);
    expect(result.transcripts).toBe(before);
  });

  it('replaces the text shown with a watch’s catch-up, then appends to it', () => {
    const { transcripts } = applyChatEvents(open(message(2, { text: 'stale partial from the database' })), [
      { kind: 'delta', delta: { sessionId: 's1', messageId: 2, text: 'streamed so far', steps: [{ kind: 'workflow_step', title: 'a' }], reset: true } },
      delta(', and more'),
    ]);
    expect(transcripts.get('s1')?.messages[0]).toMatchObject({ text: 'streamed so far, and more', steps: [{ title: 'a' }] });
  });

  it('replaces the streaming message with the completed one and ignores late deltas', () => {
    const final = message(2, { text: 'done', state: 'complete' });
    const { transcripts, finished } = applyChatEvents(open(message(2, { text: 'do' })), [
      delta('n'),
      { kind: 'completed', completed: { sessionId: 's1', message: final } },
      delta('late'),
    ]);
    expect(transcripts.get('s1')?.messages).toEqual([final]);
    expect(finished.has('s1')).toBe(true);
  });

  it('keeps deltas for several sessions apart, and drops those of sessions not open', () => {
    const before = new Map([...open(message(2)), ['s2', { session: session('s2'), messages: [message(5, { sessionId: 's2' })] }]]);
    const { transcripts, touched } = applyChatEvents(before, [delta('a'), delta('x', 5, 's2'), delta('b'), delta('zzz', 9, 'closed')]);
    expect(transcripts.get('s1')?.messages[0]?.text).toBe('ab');
    expect(transcripts.get('s2')?.messages[0]?.text).toBe('x');
    expect([...touched].sort()).toEqual(['s1', 's2']);
  });

  it('returns the same map when nothing changed', () => {
    const before = open(message(2, { state: 'complete' }));
    expect(applyChatEvents(before, [delta('x')]).transcripts).toBe(before);
  });

  it('bumps the session activity and count', () => {
    const { transcripts } = applyChatEvents(open(), [
      { kind: 'completed', completed: { sessionId: 's1', message: message(3, { createdAt: 99, state: 'complete' }) } },
    ]);
    expect(transcripts.get('s1')?.session).toMatchObject({ lastActivityAt: 99, messageCount: 1 });
  });
});

describe('transcript helpers', () => {
  const messages = [
    message(1, { role: 'user', text: 'first', state: 'complete' }),
    message(2, { state: 'error' }),
    message(3, { role: 'user', text: 'second', state: 'complete' }),
    message(4),
  ];
  it('finds the prompt to retry and the streaming reply', () => {
    expect(promptBefore(messages, 2)).toBe('first');
    expect(promptBefore(messages, 4)).toBe('second');
    expect(promptBefore(messages, 1)).toBeNull();
    expect(streamingMessageId(messages)).toBe(4);
    expect(streamingMessageId(messages.slice(0, 3))).toBeNull();
  });
});

describe('raw turns', () => {
  it('tells a raw JSON body from a prompt sent through the template', () => {
    expect(isRawTurn(message(1, { role: 'user', text: '{"a":1}', raw: '{"a":1}' }))).toBe(true);
    expect(isRawTurn(message(1, { role: 'user', text: 'hi', raw: '{"prompt": "hi"}' }))).toBe(false);
    expect(isRawTurn(message(1, { role: 'assistant', text: 'x', raw: 'x' }))).toBe(false);
  });
});
