/**
 * The followers of one streaming reply. The reply runs in main whatever
 * happens to its followers: the stream that sent the prompt, and any
 * `chat.watch` opened later (after a reload or a reconnect), which starts
 * from the text streamed so far. With no follower the reply still completes
 * into SQLite; nothing is pushed.
 */
import type { ChatMessage, ChatReplyItem, ChatSession, ChatStep } from '../../../shared/chat';

/** Text and steps appended to a streaming reply (paced: at most one per frame). */
export interface ChatDelta {
  sessionId: string;
  messageId: number;
  text: string;
  steps?: ChatStep[];
}
/** A reply ended in any way: the final message as stored. */
export interface ChatCompleted {
  sessionId: string;
  message: ChatMessage;
}

export type ReplyListener = (item: ChatReplyItem) => void;

export class ReplyFanout {
  private text = '';
  private steps: ChatStep[] = [];
  private readonly listeners = new Set<ReplyListener>();
  private done = false;

  constructor(
    private readonly session: ChatSession,
    readonly assistantMessageId: number,
  ) {}

  /** Adds a follower; `catchUp` first hands it what streamed before it came. */
  follow(listener: ReplyListener, catchUp: boolean): () => void {
    if (this.done) return () => undefined;
    if (catchUp) {
      listener({
        kind: 'started',
        session: this.session,
        assistantMessageId: this.assistantMessageId,
        text: this.text,
        ...(this.steps.length ? { steps: [...this.steps] } : {}),
      });
    }
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  delta(delta: ChatDelta): void {
    this.text += delta.text;
    if (delta.steps) this.steps.push(...delta.steps);
    const item: ChatReplyItem = { kind: 'delta', text: delta.text, ...(delta.steps ? { steps: delta.steps } : {}) };
    for (const listener of this.listeners) listener(item);
  }

  completed(message: ChatMessage): void {
    this.done = true;
    for (const listener of this.listeners) listener({ kind: 'completed', message });
    this.listeners.clear();
    this.text = '';
    this.steps = [];
  }
}
