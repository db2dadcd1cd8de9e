/**
 * The followers of one streaming reply. The reply runs in main whatever
 * happens to its followers: the stream that sent the prompt, and any
 * `chat.watch` opened later (after a reload or a reconnect), which starts
 * from the text streamed so far. With no follower the reply still completes
 * into SQLite; nothing is pushed.
 */
import type { ChatMessage, ChatReplyItem, ChatSession, ChatStep } from '../../../shared/chat';

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

  /** Text and steps appended to the reply (paced by the turn: at most one call per frame). */
  delta(text: string, steps: ChatStep[]): void {
    this.text += text;
    this.steps.push(...steps);
    const item: ChatReplyItem = { kind: 'delta', text, ...(steps.length ? { steps } : {}) };
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
