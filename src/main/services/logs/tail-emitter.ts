/**
 * The sending side of one log tail: every event passes the recent-keys check
 * (so a gap fill, a poll's overlap or a backfill under a fresh live session
 * never shows a line twice), is parsed once, and waits at most `flushMs`
 * before going out in a batch, sorted by time, numbered so the view can count
 * exactly what a slow connection dropped. Mode changes and notices go out as
 * they happen; every batch repeats the mode, so a dropped mode item cannot
 * leave the view showing a stale one.
 */
import type { LogLine, LogTailItem, TailMode } from '../../../shared/logs';
import type { FullLines } from './full-lines';
import { lineKey, toLogLine, type RawLogEvent } from './log-line';
import { RecentKeys, type Pass } from './recent-keys';

/** A batch goes out at once past this many lines, so one item stays a few hundred KB at most. */
const MAX_BATCH = 2000;

export interface TailEmitterOptions {
  endpoint: string;
  push(item: LogTailItem): void;
  fullLines: FullLines;
  now(): number;
  flushMs: number;
  dedupeWindowMs: number;
}

export class TailEmitter {
  private seq = 0;
  private pending: LogLine[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private held = false;
  private readonly keys: RecentKeys;
  private currentMode: TailMode = 'connecting';
  /** The newest event time delivered (AWS clock), where a gap fill starts. */
  newest: number | undefined;

  constructor(private readonly o: TailEmitterOptions) {
    this.keys = new RecentKeys(o.dedupeWindowMs);
  }

  get mode(): TailMode {
    return this.currentMode;
  }

  /** A new read of a source (a live session, a window of history): see RecentKeys. */
  pass(): Pass {
    return this.keys.pass();
  }

  /** Lines of `pass` that are new to this tail; returns how many were. */
  admit(events: readonly RawLogEvent[], pass: Pass): number {
    let fresh = 0;
    for (const event of events) {
      const timestamp = event.timestamp ?? event.ingestionTime ?? 0;
      if (!this.keys.admit(lineKey(this.o.endpoint, event.logStreamName ?? '', timestamp, event.message ?? ''), timestamp, pass)) continue;
      const { line, full } = toLogLine(this.o.endpoint, event);
      if (full !== undefined) this.o.fullLines.keep(line.key, full);
      this.pending.push(line);
      if (this.newest === undefined || timestamp > this.newest) this.newest = timestamp;
      fresh++;
    }
    if (this.pending.length >= MAX_BATCH) this.flush();
    else if (fresh > 0) this.schedule();
    return fresh;
  }

  /** While held (a backfill under a live session), lines collect without going out, so the batch that follows is in time order. */
  hold(held: boolean): void {
    this.held = held;
    if (!held) this.flush();
  }

  setMode(mode: TailMode, reason?: string): void {
    if (mode === this.currentMode && reason === undefined) return;
    this.flush();
    this.currentMode = mode;
    this.o.push({ kind: 'mode', mode, ...(reason ? { reason } : {}), at: this.o.now() });
  }

  notice(level: 'info' | 'warning' | 'error', code: string, message: string): void {
    this.flush();
    this.o.push({ kind: 'notice', level, code, message, at: this.o.now() });
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.held || this.pending.length === 0) return;
    const lines = this.pending.sort((a, b) => a.timestamp - b.timestamp);
    this.pending = [];
    this.o.push({ kind: 'lines', seq: this.seq, lines, mode: this.currentMode });
    this.seq += lines.length;
    this.keys.prune();
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = [];
  }

  private schedule(): void {
    if (this.timer || this.held) return;
    this.timer = setTimeout(() => this.flush(), this.o.flushMs);
  }
}
