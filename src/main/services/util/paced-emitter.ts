/**
 * Paces a fast producer for a human-facing consumer: at most one emit per
 * interval (default one frame, ~16 ms), merging what arrives in between. The
 * first item goes out at once, so pacing never adds to time-to-first-token.
 * Chat deltas use it today; log tails, traces and load-test progress are
 * the same shape of problem.
 */
export class PacedEmitter<T> {
  private pending: T | undefined;
  private timer: NodeJS.Timeout | undefined;
  private lastEmit = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly emit: (item: T) => void,
    private readonly merge: (pending: T, next: T) => T,
    private readonly intervalMs = 16,
    private readonly now: () => number = () => performance.now(),
  ) {}

  add(item: T): void {
    this.pending = this.pending === undefined ? item : this.merge(this.pending, item);
    if (this.timer) return;
    const wait = this.lastEmit + this.intervalMs - this.now();
    if (wait <= 0) this.flush();
    else this.timer = setTimeout(() => this.flush(), wait);
  }

  /** Emits whatever is pending now (e.g. always before a final item). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending === undefined) return;
    const item = this.pending;
    this.pending = undefined;
    this.lastEmit = this.now();
    this.emit(item);
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = undefined;
  }
}
