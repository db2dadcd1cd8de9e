/**
 * Appends a streaming reply to SQLite every 100 ms or 16 KB, whichever
 * first, so a crash loses at most that much and the database is not written
 * per token.
 */
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
