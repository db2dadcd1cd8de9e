/**
 * The polling fallback of a log tail: FilterLogEvents every few seconds from
 * just behind the newest line (CloudWatch ingests some lines seconds late;
 * the emitter's keys drop what a poll reads twice). Throttling stretches the
 * interval, up to a cap, and says so; a deleted group or a denied read stops
 * the tail with the reason.
 */
import { describeAwsError, isThrottling } from '../aws/describe-error';
import type { Logger } from '../log/logger';
import { abortableSleep } from '../util/abortable-sleep';
import type { LogTarget } from './log-target';
import { logsApiError } from './logs-errors';
import type { TailEmitter } from './tail-emitter';
import type { TailTiming } from './log-tail';
import { readWindow } from './tail-window';

export interface TailPollerOptions {
  target: LogTarget;
  groupName: string;
  filterPattern?: string;
  emitter: TailEmitter;
  signal: AbortSignal;
  logger: Logger;
  timing: TailTiming;
  stop(reason: string): void;
}

export class TailPoller {
  private interval: number;

  constructor(private readonly o: TailPollerOptions) {
    this.interval = o.timing.pollMs;
  }

  /**
   * The first poll happens before this resolves: when it is the tail's first
   * read (`initial`), a bad pattern or a missing group refuses the stream.
   */
  async start(reason: string, from: number, initial: boolean): Promise<void> {
    const mode = `${reason}. Polling FilterLogEvents every ${Math.round(this.o.timing.pollMs / 1000)} s instead`;
    this.o.emitter.setMode('polling', mode);
    let cursor = from;
    const first = await this.pollOnce(cursor, initial);
    if (first === 'stop') return;
    cursor = first;
    void this.loop(cursor);
  }

  private async loop(start: number): Promise<void> {
    let cursor = start;
    while (!this.o.signal.aborted) {
      await abortableSleep(this.interval, this.o.signal);
      if (this.o.signal.aborted) return;
      const next = await this.pollOnce(cursor, false);
      if (next === 'stop') return;
      cursor = next;
    }
  }

  /** Reads from `cursor` to now; returns where the next poll starts, or 'stop'. */
  private async pollOnce(cursor: number, initial: boolean): Promise<number | 'stop'> {
    const endTime = this.o.target.now();
    try {
      const read = await readWindow(
        this.o.target,
        this.o.groupName,
        { startTime: cursor, endTime, ...(this.o.filterPattern ? { filterPattern: this.o.filterPattern } : {}), maxPages: 20 },
        this.o.emitter,
        this.o.signal,
      );
      if (this.interval !== this.o.timing.pollMs) {
        this.interval = this.o.timing.pollMs;
        this.o.emitter.notice('info', 'poll_recovered', 'FilterLogEvents answers again; polling at the usual pace.');
      }
      this.o.emitter.flush();
      // Next poll: just behind the newest line seen, or behind this poll's end when the group was quiet.
      return Math.max(cursor, (read.complete ? Math.max(read.newest ?? endTime, endTime) : (read.newest ?? cursor)) - this.o.timing.overlapMs);
    } catch (error) {
      if (this.o.signal.aborted) return 'stop';
      const d = describeAwsError(error);
      if (initial && !isThrottling(d)) throw logsApiError(error, 'FilterLogEvents', this.o.groupName);
      if (d.code === 'ResourceNotFoundException') {
        this.o.stop(`The log group ${this.o.groupName} no longer exists: it was deleted while tailing.`);
        return 'stop';
      }
      if (d.code === 'AccessDeniedException') {
        this.o.stop(logsApiError(error, 'FilterLogEvents').message);
        return 'stop';
      }
      this.interval = Math.min(this.o.timing.maxPollMs, this.interval * 2);
      const message = isThrottling(d)
        ? `FilterLogEvents is throttled (${d.code}); polling every ${Math.round(this.interval / 1000)} s until it recovers.`
        : `A poll failed (${d.code}: ${d.message}); retrying in ${Math.round(this.interval / 1000)} s.`;
      this.o.logger.warn('log poll failed', { group: this.o.groupName, code: d.code });
      this.o.emitter.notice('warning', isThrottling(d) ? 'throttled' : 'poll_failed', message);
      return cursor;
    }
  }
}
