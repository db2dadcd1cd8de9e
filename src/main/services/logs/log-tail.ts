/**
 * One live log tail, owned by the stream that opened it. It prefers
 * StartLiveTail, and falls back to polling FilterLogEvents when live tail is
 * denied, over its concurrent-session quota or throttled, saying why. A live
 * session that ends (AWS's 3-hour limit, a dropped connection, a silent one)
 * is reopened with backoff and the gap it left is read back from history,
 * so no line is lost and, through the emitter's keys, none shows twice. A
 * deleted log group stops the tail with a reason; the lines so far stay.
 */
import { StartLiveTailCommand, type StartLiveTailResponseStream } from '@aws-sdk/client-cloudwatch-logs';
import { ApiError } from '../../../shared/errors';
import type { LogTailItem } from '../../../shared/logs';
import { describeAwsError, isThrottling } from '../aws/describe-error';
import type { Logger } from '../log/logger';
import { abortableSleep } from '../util/abortable-sleep';
import type { FullLines } from './full-lines';
import type { LogTarget } from './log-target';
import { logsApiError } from './logs-errors';
import { TailEmitter } from './tail-emitter';
import { TailPoller } from './tail-poller';
import { readWindow } from './tail-window';

export interface TailTiming {
  flushMs: number;
  pollMs: number;
  maxPollMs: number;
  /** A poll re-reads this far behind the newest line: CloudWatch can ingest a line seconds after its timestamp. */
  overlapMs: number;
  reconnectDelaysMs: readonly number[];
  /** A live session silent for this long is taken as dead (AWS sends an update at least every few seconds). */
  idleMs: number;
  backfillPages: number;
}

export const DEFAULT_TAIL_TIMING: TailTiming = {
  flushMs: 100,
  pollMs: 2000,
  maxPollMs: 30_000,
  overlapMs: 5000,
  reconnectDelaysMs: [250, 1000, 2000, 5000, 10_000],
  idleMs: 90_000,
  backfillPages: 3,
};

export interface TailOptions {
  target: LogTarget;
  endpoint: string;
  filterPattern?: string;
  backfillMs: number;
  push(item: LogTailItem): void;
  end(error?: ApiError): void;
  signal: AbortSignal;
  fullLines: FullLines;
  logger: Logger;
  timing: TailTiming;
}

/** Live tail cannot be used, but polling can: the reason is what the mode badge says. */
function fallbackReason(error: unknown): string | undefined {
  const d = describeAwsError(error);
  if (d.code === 'AccessDeniedException') return `Live tail is denied for this profile (logs:StartLiveTail): ${d.message}`;
  if (d.code === 'LimitExceededException') return `The account has reached its concurrent live tail sessions (${d.message})`;
  if (isThrottling(d)) return `StartLiveTail is throttled (${d.code})`;
  if (d.code === 'UnknownOperationException' || d.status === 404) return 'Live tail is not available at this endpoint';
  return undefined;
}

type SessionEnd = { kind: 'aborted' } | { kind: 'timeout' } | { kind: 'deleted'; message: string } | { kind: 'dropped'; message: string };

export class LogTail {
  private readonly emitter: TailEmitter;
  private readonly groupName: string;
  /** When the tail opened, on AWS's clock: read after the first call, which teaches the SDK the clock offset. */
  private startedAt = 0;

  constructor(private readonly o: TailOptions) {
    this.groupName = o.target.groupName(o.endpoint);
    this.emitter = new TailEmitter({
      endpoint: o.endpoint,
      push: o.push,
      fullLines: o.fullLines,
      now: o.target.now,
      flushMs: o.timing.flushMs,
      // Every re-read starts at most an overlap behind the newest line sent (a reconnect adds its own wait), so 20 s covers them all.
      dedupeWindowMs: Math.max(20_000, o.timing.overlapMs * 4),
    });
    o.signal.addEventListener('abort', () => this.emitter.close(), { once: true });
  }

  /** Resolves once lines are flowing (live or polling); rejects, refusing the stream, on a bad pattern or a missing group. */
  async start(): Promise<void> {
    let stream: AsyncIterable<StartLiveTailResponseStream>;
    try {
      stream = await this.openLive();
      this.startedAt = this.o.target.now();
    } catch (error) {
      this.startedAt = this.o.target.now();
      const reason = fallbackReason(error);
      if (!reason) throw logsApiError(error, 'StartLiveTail', this.groupName);
      await this.poll(reason, this.startedAt - this.o.backfillMs, true);
      return;
    }
    this.emitter.setMode('live');
    // The backfill runs under the live session so nothing between the two is missed.
    void this.follow(stream, this.held(this.backfill()));
  }

  /** Live lines wait while history is read under them, so what goes out next is one batch in time order. */
  private held(read: Promise<void>): Promise<void> {
    this.emitter.hold(true);
    return read.finally(() => this.emitter.hold(false));
  }

  private async backfill(): Promise<void> {
    if (this.o.backfillMs <= 0) return;
    try {
      const read = await readWindow(
        this.o.target,
        this.groupName,
        { startTime: this.startedAt - this.o.backfillMs, endTime: this.startedAt, ...this.pattern(), maxPages: this.o.timing.backfillPages },
        this.emitter,
        this.o.signal,
      );
      if (!read.complete)
        this.emitter.notice(
          'info',
          'backfill_truncated',
          `More lines than the first ${(this.o.timing.backfillPages * 10_000).toLocaleString('en-US')} in the ${Math.round(this.o.backfillMs / 60_000)} minutes before the tail opened: the rest are in History.`,
        );
    } catch (error) {
      if (!this.o.signal.aborted)
        this.emitter.notice(
          'warning',
          'backfill_failed',
          `The lines before the tail opened could not be read: ${logsApiError(error, 'FilterLogEvents').message}`,
        );
    }
  }

  private pattern(): { filterPattern?: string } {
    return this.o.filterPattern ? { filterPattern: this.o.filterPattern } : {};
  }

  private abortable(): { controller: AbortController; done(): void } {
    const controller = new AbortController();
    const forward = () => controller.abort();
    this.o.signal.addEventListener('abort', forward, { once: true });
    return { controller, done: () => this.o.signal.removeEventListener('abort', forward) };
  }

  private live: { controller: AbortController; done(): void } | undefined;

  private async openLive(): Promise<AsyncIterable<StartLiveTailResponseStream>> {
    this.live = this.abortable();
    const out = await this.o.target.client.send(
      new StartLiveTailCommand({
        logGroupIdentifiers: [this.o.target.groupArn(this.groupName)],
        ...(this.o.filterPattern ? { logEventFilterPattern: this.o.filterPattern } : {}),
      }),
      { abortSignal: this.live.controller.signal },
    );
    if (!out.responseStream) throw new ApiError('aws_error', 'StartLiveTail answered without an event stream.');
    return out.responseStream;
  }

  /** Reads one live session to its end, then decides: reconnect, fall back, or stop. */
  private async follow(stream: AsyncIterable<StartLiveTailResponseStream>, before?: Promise<void>): Promise<void> {
    const end = await this.readSession(stream);
    await before;
    this.live?.done();
    if (end.kind === 'aborted' || this.o.signal.aborted) return;
    if (end.kind === 'deleted') return this.stop(end.message);
    const droppedAt = this.emitter.newest ?? this.o.target.now();
    const why = end.kind === 'timeout' ? 'The live tail session reached AWS’s 3-hour limit' : `The live tail connection dropped (${end.message})`;
    this.emitter.setMode('reconnecting', why);
    for (let attempt = 0; !this.o.signal.aborted; attempt++) {
      const delay = this.o.timing.reconnectDelaysMs[Math.min(attempt, this.o.timing.reconnectDelaysMs.length - 1)] ?? 1000;
      if (end.kind !== 'timeout' || attempt > 0) await abortableSleep(delay, this.o.signal);
      if (this.o.signal.aborted) return;
      let next: AsyncIterable<StartLiveTailResponseStream>;
      try {
        next = await this.openLive();
      } catch (error) {
        const d = describeAwsError(error);
        if (d.code === 'ResourceNotFoundException') return this.stop(`The log group ${this.groupName} no longer exists: it was deleted while tailing.`);
        const reason = fallbackReason(error);
        if (reason) return this.poll(reason, droppedAt - this.o.timing.overlapMs, false);
        this.o.logger.warn('live tail reconnect failed', { group: this.groupName, code: d.code, attempt });
        continue;
      }
      this.emitter.setMode('live', 'Reconnected; the lines from the gap were read back from history');
      return this.follow(next, this.held(this.fillGap(droppedAt)));
    }
  }

  private async fillGap(from: number): Promise<void> {
    try {
      const read = await readWindow(
        this.o.target,
        this.groupName,
        { startTime: from - this.o.timing.overlapMs, endTime: this.o.target.now(), ...this.pattern(), maxPages: 20 },
        this.emitter,
        this.o.signal,
      );
      if (!read.complete) this.emitter.notice('warning', 'gap_truncated', 'Not every line of the reconnect gap could be read back; History has them.');
    } catch (error) {
      if (!this.o.signal.aborted)
        this.emitter.notice('warning', 'gap_failed', `Lines from the reconnect gap could not be read back: ${logsApiError(error, 'FilterLogEvents').message}`);
    }
  }

  private async readSession(stream: AsyncIterable<StartLiveTailResponseStream>): Promise<SessionEnd> {
    let idle: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      if (idle) clearTimeout(idle);
      idle = setTimeout(() => this.live?.controller.abort(new Error('idle')), this.o.timing.idleMs);
    };
    let sampledNoticeAt = 0;
    const pass = this.emitter.pass();
    try {
      arm();
      for await (const event of stream) {
        arm();
        if (event.sessionUpdate) {
          this.emitter.admit(event.sessionUpdate.sessionResults ?? [], pass);
          const now = this.o.target.now();
          if (event.sessionUpdate.sessionMetadata?.sampled && now - sampledNoticeAt > 60_000) {
            sampledNoticeAt = now;
            this.emitter.notice(
              'warning',
              'sampled',
              'AWS sampled this live tail: more than 500 lines per second arrive, and live tail shows a sample of them. History has every line.',
            );
          }
        } else if (event.SessionTimeoutException) return { kind: 'timeout' };
        else if (event.SessionStreamingException) return this.streamingEnd(event.SessionStreamingException.message ?? 'SessionStreamingException');
      }
      return this.o.signal.aborted ? { kind: 'aborted' } : { kind: 'dropped', message: 'the stream ended' };
    } catch (error) {
      if (this.o.signal.aborted) return { kind: 'aborted' };
      const d = describeAwsError(error);
      if (d.code === 'SessionTimeoutException') return { kind: 'timeout' };
      if (d.code === 'SessionStreamingException') return this.streamingEnd(d.message);
      if (this.live?.controller.signal.aborted) return { kind: 'dropped', message: `no update for ${Math.round(this.o.timing.idleMs / 1000)} s` };
      return { kind: 'dropped', message: d.message };
    } finally {
      if (idle) clearTimeout(idle);
    }
  }

  private streamingEnd(message: string): SessionEnd {
    return /deleted|does not exist|not found/i.test(message) ? { kind: 'deleted', message: `Stopped: ${message}` } : { kind: 'dropped', message };
  }

  private async poll(reason: string, from: number, initial: boolean): Promise<void> {
    const poller = new TailPoller({ ...this.o, groupName: this.groupName, emitter: this.emitter, stop: (why) => this.stop(why) });
    await poller.start(reason, from, initial);
  }

  private stop(reason: string): void {
    this.emitter.setMode('stopped', reason);
    this.o.end();
  }
}
