/**
 * What a log tail has already sent, for a window behind the newest
 * timestamp: a reconnect's gap fill, a poll's overlap and the backfill under
 * a fresh live session all re-read lines the view already has, and this is
 * what stops them showing twice.
 *
 * Live tail gives no event id, so an event is known by its key (endpoint,
 * stream, timestamp, message), and two identical lines in the same
 * millisecond share one. So the count of each key is kept: every read of a
 * source (one live session, one window of history) is a *pass* that counts
 * its own occurrences, and an occurrence is new only when its pass has seen
 * the key more often than any pass before. Bounded by time and by count; a
 * key older than the window is taken as new (every re-read starts inside it).
 */
/** One read of a source; its counts live in the keys' entries, so they are pruned with them (a live session can run for hours). */
export interface Pass {
  readonly id: number;
}

interface Entry {
  /** Occurrences sent so far. */
  n: number;
  ts: number;
  /** Occurrences seen per pass (one or two at a time: a live session and a gap fill under it). */
  passes: Array<{ id: number; seen: number }>;
}

export class RecentKeys {
  /** Key → what was sent of it; in insertion (≈ time) order. */
  private readonly counts = new Map<string, Entry>();
  private nextPass = 0;
  private newest = 0;

  constructor(
    private readonly windowMs: number,
    private readonly maxKeys = 250_000,
  ) {}

  /** A new read of a source: occurrences are counted from zero in it. */
  pass(): Pass {
    return { id: this.nextPass++ };
  }

  /** True when this occurrence of `key` in `pass` has not been sent before (and remembers it). */
  admit(key: string, timestamp: number, pass: Pass): boolean {
    const known = this.counts.get(key);
    if (!known) {
      this.counts.set(key, { n: 1, ts: timestamp, passes: [{ id: pass.id, seen: 1 }] });
    } else {
      let mine = known.passes.find((p) => p.id === pass.id);
      if (!mine) {
        mine = { id: pass.id, seen: 0 };
        // Older passes have ended by the time a third one reads the key; keep the newest two.
        known.passes = [...known.passes.slice(-1), mine];
      }
      mine.seen++;
      if (known.n >= mine.seen) return false;
      known.n = mine.seen;
    }
    if (timestamp > this.newest) this.newest = timestamp;
    if (this.counts.size > this.maxKeys) this.prune(true);
    return true;
  }

  /**
   * Drops keys older than the window (once per batch); `force` also drops the
   * oldest-inserted half when over the count cap. Keys arrive nearly in time
   * order, so the walk stops at the first one inside the window: pruning a
   * busy tail costs what it drops, not the whole map every batch.
   */
  prune(force = false): void {
    const horizon = this.newest - this.windowMs;
    let excess = force && this.counts.size > this.maxKeys ? this.counts.size - Math.floor(this.maxKeys / 2) : 0;
    for (const [key, { ts }] of this.counts) {
      if (ts >= horizon && excess <= 0) break;
      this.counts.delete(key);
      excess--;
    }
  }

  get size(): number {
    return this.counts.size;
  }
}
