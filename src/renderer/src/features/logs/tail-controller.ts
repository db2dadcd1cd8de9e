/**
 * One live tail as the view needs it, framework-free: the `logs.tail` stream
 * this page owns, its items applied once per animation frame, the bounded
 * buffer, pause (lines wait, counted, and join on resume), the feed's mode
 * and notices, and a reconnect after the host connection was lost that
 * neither repeats nor loses lines (the backfill starts just before the last
 * line shown, and lines already shown are skipped by key).
 */
import type { StreamInput } from '../../../../shared/contract';
import type { ApiError } from '../../../../shared/errors';
import type { LogTailItem, TailMode } from '../../../../shared/logs';
import type { ApiClient } from '../../api';
import { createFrameBatcher, type Schedule } from '../../lib/frame-batcher';
import type { LogEntry } from './log-entry';
import type { LineFilter } from './log-filter';
import { TailBuffer, type TailBatch } from './tail-buffer';

type Client = Pick<ApiClient, 'stream' | 'onConnection' | 'connection'>;
export type TailInput = Pick<StreamInput<'logs.tail'>, 'agentKey' | 'endpoint' | 'filterPattern'>;

export interface TailNotice {
  level: 'info' | 'warning' | 'error';
  code: string;
  message: string;
  at: number;
}

export interface TailSnapshot {
  rows: readonly LogEntry[];
  lineCount: number;
  droppedOlder: number;
  undelivered: number;
  visibleAppended: number;
  received: number;
  mode: TailMode;
  reason: string | undefined;
  /** One per notice code, newest first. */
  notices: readonly TailNotice[];
  /** Why the tail is not running: the open was refused, or the stream ended with an error. */
  error: ApiError | null;
  paused: boolean;
  pendingLines: number;
}

/** A reopened tail starts this long before the last line shown, so nothing in between is lost. */
const REOPEN_OVERLAP_MS = 10_000;
const MAX_BACKFILL_MS = 60 * 60_000;

export class TailController {
  private readonly buffer: TailBuffer;
  private readonly listeners = new Set<() => void>();
  private readonly batcher;
  private close: (() => void) | null = null;
  private stopWaiting: (() => void) | null = null;
  /** After a reopen: keys of lines already shown, until the backfill passes the last of them. */
  private skip: { keys: ReadonlySet<string>; until: number } | undefined;
  private pending: TailBatch[] = [];
  private pendingLines = 0;
  private paused = false;
  private received = 0;
  private mode: TailMode = 'connecting';
  private reason: string | undefined;
  private notices: TailNotice[] = [];
  private error: ApiError | null = null;
  private cached: TailSnapshot | null = null;

  constructor(
    private readonly client: Client,
    private readonly input: TailInput,
    private capacity: number,
    schedule?: Schedule,
    private readonly now: () => number = Date.now,
  ) {
    this.buffer = new TailBuffer(capacity);
    this.batcher = createFrameBatcher<LogTailItem>((items) => this.apply(items), schedule);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = (): TailSnapshot => {
    this.cached ??= {
      rows: this.buffer.visible,
      lineCount: this.buffer.lineCount,
      droppedOlder: this.buffer.droppedOlder,
      undelivered: this.buffer.undelivered,
      visibleAppended: this.buffer.visibleAppended,
      received: this.received,
      mode: this.mode,
      reason: this.reason,
      notices: this.notices,
      error: this.error,
      paused: this.paused,
      pendingLines: this.pendingLines,
    };
    return this.cached;
  };

  start(backfillMs?: number): void {
    if (this.close) return;
    this.error = null;
    this.buffer.resetSequence();
    const input = { ...this.input, ...(backfillMs !== undefined ? { backfillMs } : {}) } as StreamInput<'logs.tail'>;
    this.close = this.client.stream('logs.tail', input, (item) => this.batcher.push(item), {
      onEnd: (error) => this.ended(error),
    });
    this.changed();
  }

  stop(): void {
    this.stopWaiting?.();
    this.stopWaiting = null;
    this.batcher.flush();
    this.close?.();
    this.close = null;
  }

  pause(): void {
    this.paused = true;
    this.changed();
  }

  resume(): void {
    this.batcher.flush();
    this.paused = false;
    this.buffer.append(this.pending);
    this.pending = [];
    this.pendingLines = 0;
    this.changed();
  }

  clear(): void {
    this.buffer.clear();
    this.pending = [];
    this.pendingLines = 0;
    this.changed();
  }

  dismissNotice(code: string): void {
    this.notices = this.notices.filter((n) => n.code !== code);
    this.changed();
  }

  setFilter(filter: LineFilter): void {
    this.buffer.setFilter(filter);
    this.changed();
  }

  setCapacity(capacity: number): void {
    if (capacity === this.capacity) return;
    this.capacity = capacity;
    this.buffer.setCapacity(capacity);
    this.changed();
  }

  private apply(items: readonly LogTailItem[]): void {
    const batches: TailBatch[] = [];
    for (const item of items) {
      if (item.kind === 'lines') {
        batches.push({ seq: item.seq, lines: item.lines });
        this.received += item.lines.length;
        if (item.mode !== this.mode) this.setMode(item.mode);
      } else if (item.kind === 'mode') this.setMode(item.mode, item.reason);
      else this.notices = [{ level: item.level, code: item.code, message: item.message, at: item.at }, ...this.notices.filter((n) => n.code !== item.code)];
    }
    if (this.paused) this.hold(batches);
    else if (batches.length > 0) {
      this.buffer.append(batches, this.skip?.keys);
      // Only the backfill of a reopened tail can repeat lines: once past the last line shown, nothing is skipped.
      const until = this.skip?.until;
      if (until !== undefined && batches.some((b) => (b.lines.at(-1)?.timestamp ?? 0) > until)) this.skip = undefined;
    }
    this.changed();
  }

  /** Paused lines wait; past the capacity, the oldest waiting batches go (counted as dropped). */
  private hold(batches: readonly TailBatch[]): void {
    for (const batch of batches) {
      this.pending.push(batch);
      this.pendingLines += batch.lines.length;
    }
    while (this.pendingLines > this.capacity && this.pending.length > 1) {
      const oldest = this.pending.shift() as TailBatch;
      this.pendingLines -= oldest.lines.length;
      this.buffer.discard(oldest);
    }
  }

  private setMode(mode: TailMode, reason?: string): void {
    this.mode = mode;
    this.reason = reason;
  }

  private ended(error: ApiError | undefined): void {
    this.batcher.flush();
    this.close = null;
    if (error?.code === 'stream_lost') {
      this.setMode('reconnecting', 'The connection to the console host was lost; the tail reopens when it is back.');
      this.waitForConnection();
    } else {
      this.error = error ?? null;
      this.setMode('stopped', error ? error.message : 'The tail ended.');
    }
    this.changed();
  }

  private waitForConnection(): void {
    const reopen = (): void => {
      this.stopWaiting?.();
      this.stopWaiting = null;
      const last = this.buffer.lastTimestamp();
      if (last === null) return this.start();
      const since = last - REOPEN_OVERLAP_MS;
      this.skip = { keys: this.buffer.keysSince(since), until: last };
      this.start(Math.min(MAX_BACKFILL_MS, Math.max(0, this.now() - since)));
    };
    if (this.client.connection() === 'connected') return reopen();
    this.stopWaiting = this.client.onConnection((state) => {
      if (state === 'connected') reopen();
    });
  }

  private changed(): void {
    this.cached = null;
    for (const listener of this.listeners) listener();
  }
}
