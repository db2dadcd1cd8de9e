/**
 * The keys of lines already sent, for a window behind the newest timestamp:
 * a reconnect's gap fill, a poll's overlap and the backfill under a fresh live
 * tail all re-read lines the view already has, and this is what stops them
 * showing twice. Bounded by time and by count, so a busy group cannot grow it
 * without end; a key older than the window is taken as new (it cannot be a
 * re-read: every re-read starts inside the window).
 */
export class RecentKeys {
  private readonly byKey = new Map<string, number>();
  private newest = 0;

  constructor(
    private readonly windowMs: number,
    private readonly maxKeys = 250_000,
  ) {}

  /** True the first time a key is seen (and remembers it). */
  admit(key: string, timestamp: number): boolean {
    if (this.byKey.has(key)) return false;
    this.byKey.set(key, timestamp);
    if (timestamp > this.newest) this.newest = timestamp;
    if (this.byKey.size > this.maxKeys) this.prune(true);
    return true;
  }

  /** Drops keys older than the window (call once per batch); `force` also drops the oldest-inserted half when over the count cap. */
  prune(force = false): void {
    const horizon = this.newest - this.windowMs;
    for (const [key, ts] of this.byKey) if (ts < horizon) this.byKey.delete(key);
    if (force && this.byKey.size > this.maxKeys) {
      let excess = this.byKey.size - Math.floor(this.maxKeys / 2);
      for (const key of this.byKey.keys()) {
        if (excess-- <= 0) break;
        this.byKey.delete(key);
      }
    }
  }

  get size(): number {
    return this.byKey.size;
  }
}
