/**
 * The lines of one live tail, bounded: past `capacity` lines the oldest go
 * and are counted (the list shows "N older lines dropped"). Each batch's
 * `seq` numbers its first line among all the stream sent, so a jump in it is
 * exactly the lines main dropped while this view was not reading; they
 * become a gap marker. The filtered view is kept incrementally: a batch is
 * filtered on its own, and only a filter change walks every line.
 */
import type { LogLine } from '../../../../shared/logs';
import { createIdSource, type LogEntry } from './log-entry';
import { filterEntries, NO_FILTER, type LineFilter } from './log-filter';

export interface TailBatch {
  seq: number;
  lines: readonly LogLine[];
}

/** The first index in `entries` (ids ascending) whose id is at least `id`. */
function firstAtLeast(entries: readonly LogEntry[], id: number): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((entries[mid]?.id ?? Infinity) < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class TailBuffer {
  private entries: LogEntry[] = [];
  private lines = 0;
  private expectedSeq: number | null = null;
  private readonly nextId = createIdSource();
  private filter: LineFilter = NO_FILTER;
  /** Lines that left the front to keep the buffer within capacity. */
  droppedOlder = 0;
  /** Lines the stream numbered but never delivered. */
  undelivered = 0;
  /** What the list shows: a new array whenever it changes. */
  visible: readonly LogEntry[] = [];
  /** Lines ever added to `visible`: "N new since you scrolled up" counts from it. */
  visibleAppended = 0;

  constructor(private capacity: number) {}

  get lineCount(): number {
    return this.lines;
  }

  /**
   * Adds batches in arrival order. Lines whose key is in `skip` (already
   * shown before a reconnect) still count for the sequence, but are not added.
   */
  append(batches: readonly TailBatch[], skip?: ReadonlySet<string>): void {
    const added: LogEntry[] = [];
    for (const batch of batches) {
      let from = 0;
      if (this.expectedSeq !== null && batch.seq > this.expectedSeq) {
        const missing = batch.seq - this.expectedSeq;
        this.undelivered += missing;
        added.push({ kind: 'gap', id: this.nextId(), count: missing });
      } else if (this.expectedSeq !== null && batch.seq < this.expectedSeq) {
        from = this.expectedSeq - batch.seq; // a repeat of lines already here
      }
      this.expectedSeq = Math.max(this.expectedSeq ?? 0, batch.seq + batch.lines.length);
      for (let i = from; i < batch.lines.length; i++) {
        const line = batch.lines[i] as LogLine;
        if (skip?.has(line.key)) continue;
        added.push({ kind: 'line', id: this.nextId(), line });
      }
    }
    if (added.length === 0) return;
    for (const entry of added) {
      this.entries.push(entry);
      if (entry.kind === 'line') this.lines++;
    }
    const trimmed = this.trim();
    const shown = filterEntries(added, this.filter);
    this.visibleAppended += shown.reduce((n, e) => n + (e.kind === 'line' ? 1 : 0), 0);
    const kept = trimmed ? this.visible.slice(firstAtLeast(this.visible, this.entries[0]?.id ?? Infinity)) : this.visible;
    this.visible = kept.concat(shown);
  }

  /** A batch received but not kept (a paused view over its cap): it counts as delivered, and as dropped. */
  discard(batch: TailBatch): void {
    this.expectedSeq = Math.max(this.expectedSeq ?? 0, batch.seq + batch.lines.length);
    this.droppedOlder += batch.lines.length;
  }

  /** A new stream numbers its lines from 0 again. */
  resetSequence(): void {
    this.expectedSeq = null;
  }

  setFilter(filter: LineFilter): void {
    this.filter = filter;
    this.visible = filterEntries(this.entries, filter).slice();
  }

  setCapacity(capacity: number): void {
    this.capacity = capacity;
    if (this.trim()) this.visible = this.visible.slice(firstAtLeast(this.visible, this.entries[0]?.id ?? Infinity));
  }

  clear(): void {
    this.entries = [];
    this.lines = 0;
    this.droppedOlder = 0;
    this.undelivered = 0;
    this.visible = [];
  }

  /** Keys of the lines at or after `timestamp`: what a reopened tail's backfill would repeat. */
  keysSince(timestamp: number): Set<string> {
    const keys = new Set<string>();
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const entry = this.entries[i] as LogEntry;
      if (entry.kind !== 'line') continue;
      if (entry.line.timestamp < timestamp) break;
      keys.add(entry.line.key);
    }
    return keys;
  }

  /** The newest line's timestamp, if any. */
  lastTimestamp(): number | null {
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const entry = this.entries[i] as LogEntry;
      if (entry.kind === 'line') return entry.line.timestamp;
    }
    return null;
  }

  /** Drops lines from the front until the buffer is within capacity; true when any went. */
  private trim(): boolean {
    let excess = this.lines - this.capacity;
    if (excess <= 0) return false;
    let cut = 0;
    while (excess > 0 && cut < this.entries.length) {
      if (this.entries[cut]?.kind === 'line') {
        excess--;
        this.droppedOlder++;
        this.lines--;
      }
      cut++;
    }
    this.entries.splice(0, cut);
    return true;
  }
}
