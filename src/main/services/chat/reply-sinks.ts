/**
 * Where a streaming reply's text goes while it arrives, each at its own pace:
 * - `DeltaThrottle` pushes `chat.delta` to the renderer at most once per
 *   frame (~16 ms) per message, coalescing text and steps. The first delta
 *   goes out at once, so batching never adds to time-to-first-token.
 * - `ChunkWriter` appends to SQLite every 100 ms or 16 KB, whichever first,
 *   so a crash loses at most that much and the database is not written per
 *   token.
 */
import type { ChatDelta, ChatStep } from '../../../shared/chat';

export class DeltaThrottle {
  private text = '';
  private steps: ChatStep[] = [];
  private timer: NodeJS.Timeout | undefined;
  private lastEmit = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly base: Pick<ChatDelta, 'sessionId' | 'messageId'>,
    private readonly emit: (delta: ChatDelta) => void,
    private readonly intervalMs = 16,
    private readonly now: () => number = () => performance.now(),
  ) {}

  add(text: string, steps: ChatStep[]): void {
    this.text += text;
    if (steps.length) this.steps.push(...steps);
    if (this.timer) return;
    const wait = this.lastEmit + this.intervalMs - this.now();
    if (wait <= 0) this.flush();
    else this.timer = setTimeout(() => this.flush(), wait);
  }

  /** Sends whatever is pending now (always before chat.completed). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.text && !this.steps.length) return;
    const delta: ChatDelta = { ...this.base, text: this.text };
    if (this.steps.length) delta.steps = this.steps;
    this.text = '';
    this.steps = [];
    this.lastEmit = this.now();
    this.emit(delta);
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}

export class ChunkWriter {
  private pending = '';
  private seq = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly write: (seq: number, text: string) => void,
    private readonly onError: (error: unknown) => void,
    private readonly maxDelayMs = 100,
    private readonly maxChars = 16_384,
  ) {}

  add(text: string): void {
    if (!text) return;
    this.pending += text;
    if (this.pending.length >= this.maxChars) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.maxDelayMs);
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.pending) return;
    const text = this.pending;
    this.pending = '';
    try {
      this.write(this.seq++, text);
    } catch (error) {
      // A full disk must not kill the stream on screen; the final write will try again.
      this.onError(error);
    }
  }

  /** The reply is finished and written whole: pending chunks are redundant. */
  discard(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = '';
  }
}
