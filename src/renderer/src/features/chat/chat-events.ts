/**
 * The pure core of the chat view: how the items of reply streams
 * (`chat.reply`, `chat.watch`) change the open transcripts. The store queues
 * them and applies one batch per animation frame; only the messages a batch touches get new object
 * identities, so memoized rows of every other message skip re-rendering.
 */
import type { ChatMessage, ChatSession, ChatStep } from '../../../../shared/chat';

export interface Transcript {
  session: ChatSession;
  messages: readonly ChatMessage[];
}

/** Text and steps for one streaming reply; `reset` replaces what is shown (a watch starting from what streamed so far). */
export interface ReplyDelta {
  sessionId: string;
  messageId: number;
  text: string;
  steps?: ChatStep[];
  reset?: boolean;
}

export type ChatEvent = { kind: 'delta'; delta: ReplyDelta } | { kind: 'completed'; completed: { sessionId: string; message: ChatMessage } };

export interface BatchResult {
  transcripts: ReadonlyMap<string, Transcript>;
  /** Sessions whose transcript changed in this batch. */
  touched: ReadonlySet<string>;
  /** Sessions whose reply finished in this batch. */
  finished: ReadonlySet<string>;
}

/** Index of a message by id, searching from the end: the streaming reply is almost always last. */
export function findMessageIndex(messages: readonly ChatMessage[], id: number): number {
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i]?.id === id) return i;
  return -1;
}

interface PendingDelta {
  sessionId: string;
  messageId: number;
  text: string[];
  steps: ChatStep[];
  reset: boolean;
}

/**
 * Applies the merged deltas of one message (text and steps appended, or
 * replaced after a reset) to a transcript. A stream's first item puts the
 * message in place, so a delta for a message not shown is not ours to draw.
 */
function applyDelta(messages: ChatMessage[], pending: PendingDelta): boolean {
  const index = findMessageIndex(messages, pending.messageId);
  const current = messages[index];
  // A late delta after the final message arrived must not append text twice.
  if (!current || current.state !== 'streaming') return false;
  const text = pending.text.join('');
  if (!pending.reset && text === '' && pending.steps.length === 0) return false;
  messages[index] = {
    ...current,
    text: pending.reset ? text : current.text + text,
    steps: pending.reset ? pending.steps : pending.steps.length ? [...(current.steps ?? []), ...pending.steps] : current.steps,
  };
  return true;
}

/**
 * Applies a batch of events in order. Consecutive deltas of one message are
 * merged first, so 1,000 chunks in a frame cost one string join and one new
 * message object, not a thousand.
 */
export function applyChatEvents(transcripts: ReadonlyMap<string, Transcript>, events: readonly ChatEvent[]): BatchResult {
  const next = new Map(transcripts);
  const working = new Map<string, ChatMessage[]>();
  const touched = new Set<string>();
  const finished = new Set<string>();
  let pending: PendingDelta | null = null;

  const messagesOf = (sessionId: string): ChatMessage[] | null => {
    const existing = working.get(sessionId);
    if (existing) return existing;
    const transcript = next.get(sessionId);
    if (!transcript) return null; // not open here: nothing to keep up to date
    const copy = [...transcript.messages];
    working.set(sessionId, copy);
    return copy;
  };
  const flushPending = (): void => {
    if (!pending) return;
    const messages = messagesOf(pending.sessionId);
    if (messages && applyDelta(messages, pending)) touched.add(pending.sessionId);
    pending = null;
  };

  for (const event of events) {
    if (event.kind === 'delta') {
      const { delta } = event;
      if (pending && !delta.reset && pending.sessionId === delta.sessionId && pending.messageId === delta.messageId) {
        pending.text.push(delta.text);
        if (delta.steps) pending.steps.push(...delta.steps);
        continue;
      }
      flushPending();
      pending = { sessionId: delta.sessionId, messageId: delta.messageId, text: [delta.text], steps: [...(delta.steps ?? [])], reset: delta.reset === true };
      continue;
    }
    flushPending();
    const { sessionId, message } = event.completed;
    finished.add(sessionId);
    const messages = messagesOf(sessionId);
    if (!messages) continue;
    const index = findMessageIndex(messages, message.id);
    if (index === -1) messages.push(message);
    else messages[index] = message;
    touched.add(sessionId);
  }
  flushPending();

  for (const [sessionId, messages] of working) {
    if (!touched.has(sessionId)) continue;
    const transcript = next.get(sessionId) as Transcript;
    const last = messages[messages.length - 1];
    const messageCount = Math.max(transcript.session.messageCount, messages.length);
    const lastActivityAt = Math.max(transcript.session.lastActivityAt, last?.createdAt ?? 0);
    // The session object keeps its identity while text streams, so the header and composer do not re-render per frame.
    const unchanged = messageCount === transcript.session.messageCount && lastActivityAt === transcript.session.lastActivityAt;
    next.set(sessionId, { messages, session: unchanged ? transcript.session : { ...transcript.session, messageCount, lastActivityAt } });
  }
  return { transcripts: touched.size ? next : transcripts, touched, finished };
}

/** The id of the assistant reply still streaming in a transcript, if any. */
export function streamingMessageId(messages: readonly ChatMessage[]): number | null {
  for (let i = messages.length - 1; i >= Math.max(0, messages.length - 4); i--) {
    const message = messages[i];
    if (message?.state === 'streaming') return message.id;
  }
  return null;
}

/** The last user message before a given message: what "Retry" sends again. */
export function userMessageBefore(messages: readonly ChatMessage[], messageId: number): ChatMessage | null {
  const index = findMessageIndex(messages, messageId);
  for (let i = (index === -1 ? messages.length : index) - 1; i >= 0; i--) {
    const message = messages[i];
    if (message?.role === 'user') return message;
  }
  return null;
}

export const promptBefore = (messages: readonly ChatMessage[], messageId: number): string | null => userMessageBefore(messages, messageId)?.text ?? null;

/** A user turn sent as a raw JSON body: main stores the body as both text and raw bytes (a template turn's raw is the filled template). */
export const isRawTurn = (message: ChatMessage): boolean =>
  message.role === 'user' && (message.format === 'json' || (message.raw !== undefined && message.raw === message.text));
