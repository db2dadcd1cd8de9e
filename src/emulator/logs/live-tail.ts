/**
 * StartLiveTail: an `application/vnd.amazon.eventstream` response (frames in
 * event-frames.ts). An `initial-response` event first, as every awsJson event
 * stream starts on AWS: botocore (boto3, the AWS CLI) refuses a stream without
 * it, and the JS SDK folds it into the response and skips it. Then
 * `sessionStart` (the SDK awaits it before `send()` resolves), then a
 * `sessionUpdate` per tick with the lines that arrived, an empty update now
 * and then as AWS's heartbeat, and a SessionTimeoutException frame after
 * AWS's 3-hour session limit. Deleting a tailed log group ends the session
 * with a SessionStreamingException frame. Ends when the client disconnects.
 */
import { AwsError, type Reply, type RequestContext } from '../core/types';
import { Rng } from '../kit/rng';
import { optString, optStringList } from '../kit/json-body';
import { compilePattern, groupNotFound, invalidParameter, readLogsBody } from './errors';
import { eventFrame, exceptionFrame } from './event-frames';
import { groupNameFromIdentifier } from './naming';
import type { LogEvent, LogGroup, LogStore } from './store';

export interface LiveTailOptions {
  tickMs: number;
  /** Send an empty update after this many quiet ticks. */
  heartbeatTicks: number;
  maxSessionMs: number;
  /** AWS samples down to 500 events per update. */
  maxPerUpdate: number;
  /** AWS's quota: concurrent Live Tail sessions per account and region. */
  maxSessions: number;
}

export const DEFAULT_LIVE_TAIL: LiveTailOptions = { tickMs: 1000, heartbeatTicks: 5, maxSessionMs: 3 * 3_600_000, maxPerUpdate: 500, maxSessions: 15 };

/** A client that stops reading must not make the emulator buffer a load test's lines forever: beyond this many updates' worth, lines are dropped (and the update says `sampled`). */
const PENDING_UPDATES = 10;

export interface LiveTailEnv {
  store: LogStore;
  seed: number;
  now: () => number;
  options: LiveTailOptions;
  /** The load knob's override of `options.maxPerUpdate`, read on every update. */
  maxPerUpdate?: () => number | undefined;
  sessions: LiveTailSessions;
}

/** Open sessions per account and region, for AWS's concurrency quota. */
export class LiveTailSessions {
  private readonly open = new Map<string, number>();

  /** Claims a slot, or answers LimitExceededException as AWS does once the quota is used up. Returns the release (idempotent). */
  acquire(key: string, max: number): () => void {
    const n = this.open.get(key) ?? 0;
    if (n >= max) throw new AwsError(400, 'LimitExceededException', 'You have exceeded the maximum number of concurrent Live Tail sessions');
    this.open.set(key, n + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(key) ?? 1) - 1;
      if (left > 0) this.open.set(key, left);
      else this.open.delete(key);
    };
  }

  count(key: string): number {
    return this.open.get(key) ?? 0;
  }
}

/** Resolves after `ms`, or early when the signal fires (client gone, or the session must end). */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

interface TailHit {
  identifier: string;
  stream: string;
  event: LogEvent;
}

export function startLiveTail(env: LiveTailEnv, ctx: RequestContext): Reply {
  const { store, options } = env;
  const body = readLogsBody(ctx);
  const identifiers = optStringList(body, 'logGroupIdentifiers') ?? [];
  if (identifiers.length < 1 || identifiers.length > 10) throw invalidParameter('logGroupIdentifiers must contain between 1 and 10 log group ARNs.');
  const streamNames = optStringList(body, 'logStreamNames');
  const streamPrefixes = optStringList(body, 'logStreamNamePrefixes');
  if (streamNames && streamPrefixes) throw invalidParameter('logStreamNames and logStreamNamePrefixes are mutually exclusive parameters.');
  if ((streamNames || streamPrefixes) && identifiers.length !== 1)
    throw invalidParameter('logStreamNames and logStreamNamePrefixes can only be used with exactly one log group.');
  const groups = new Map<LogGroup, string>();
  for (const id of identifiers) {
    if (!id.startsWith('arn:')) throw invalidParameter(`Log group identifier '${id}' must be an ARN.`);
    if (id.endsWith('*')) throw invalidParameter('Log group ARN must not end with an asterisk.');
    const group = store.find(ctx.region, groupNameFromIdentifier(id));
    if (!group) throw groupNotFound();
    groups.set(group, id);
  }
  const pattern = optString(body, 'logEventFilterPattern');
  const match = compilePattern(pattern);
  const wantStream = (name: string) => (!streamNames || streamNames.includes(name)) && (!streamPrefixes || streamPrefixes.some((p) => name.startsWith(p)));
  const accountId = [...groups.keys()][0]?.accountId ?? '';
  const release = env.sessions.acquire(`${accountId}|${ctx.region}`, options.maxSessions);

  // Catch history up first, so the tail starts at "now" instead of replaying the backfill.
  for (const g of groups.keys()) store.ensure(g);
  const pending: TailHit[] = [];
  let overflowed = false;
  const perUpdate = (): number => env.maxPerUpdate?.() ?? options.maxPerUpdate;
  const unsubscribe = store.onAppend((group, stream, event) => {
    const identifier = groups.get(group);
    if (identifier === undefined || !wantStream(stream.name) || !match(event.message)) return;
    if (pending.length >= perUpdate() * PENDING_UPDATES) overflowed = true;
    else pending.push({ identifier, stream: stream.name, event });
  });
  const ended = new AbortController();
  let deletedGroup: string | undefined;
  const unwatchDeletes = store.onDelete((group) => {
    if (!groups.has(group) || deletedGroup !== undefined) return;
    deletedGroup = group.name;
    ended.abort();
  });
  const wake = AbortSignal.any([ctx.signal, ended.signal]);
  const finish = (): void => {
    unsubscribe();
    unwatchDeletes();
    release();
  };
  const rng = Rng.for(env.seed, 'live-tail', env.now(), identifiers.join(','));
  const start = {
    requestId: rng.uuid(),
    sessionId: rng.uuid(),
    logGroupIdentifiers: identifiers,
    ...(streamNames ? { logStreamNames: streamNames } : {}),
    ...(streamPrefixes ? { logStreamNamePrefixes: streamPrefixes } : {}),
    logEventFilterPattern: pattern ?? '',
  };
  const startedAt = env.now();

  const update = (): Uint8Array => {
    const cap = perUpdate();
    // Spans still inside their ingestion lag wait for a later update.
    const held = pending.filter((h) => !store.visible(h.event));
    const batch = pending
      .splice(0, pending.length, ...held)
      .filter((h) => store.visible(h.event))
      .sort((a, b) => (a.event.id < b.event.id ? -1 : 1));
    const sampled = batch.length > cap || overflowed;
    overflowed = false;
    // Sampling keeps `cap` lines spread evenly over the batch (5,001 lines under a 5,000 cap lose one, not half).
    const shown = batch.length > cap ? Array.from({ length: cap }, (_, i) => batch[Math.floor((i * batch.length) / cap)]!) : batch;
    return eventFrame('sessionUpdate', {
      sessionMetadata: { sampled },
      sessionResults: shown.map((h) => ({
        logStreamName: h.stream,
        logGroupIdentifier: h.identifier,
        message: h.event.message,
        timestamp: h.event.timestamp,
        ingestionTime: h.event.ingestionTime,
      })),
    });
  };

  async function* frames(): AsyncGenerator<Uint8Array> {
    try {
      // The response's non-stream members; StartLiveTailResponse has none.
      yield eventFrame('initial-response', {});
      yield eventFrame('sessionStart', start);
      let quiet = 0;
      while (!ctx.signal.aborted) {
        await sleep(options.tickMs, wake);
        if (ctx.signal.aborted) break;
        if (deletedGroup !== undefined) {
          // The lines that made it before the delete, then the end of the session.
          if (pending.length > 0) yield update();
          yield exceptionFrame('SessionStreamingException', `The log group ${deletedGroup} was deleted. The Live Tail session has ended.`);
          break;
        }
        if (env.now() - startedAt >= options.maxSessionMs) {
          yield exceptionFrame('SessionTimeoutException', 'Session timed out after 3 hours.');
          break;
        }
        for (const g of groups.keys()) store.ensure(g);
        if (!pending.some((h) => store.visible(h.event)) && ++quiet < options.heartbeatTicks) continue;
        quiet = 0;
        yield update();
      }
    } finally {
      finish();
    }
  }

  // A reply that is never streamed (a garbled-body fault) never runs the generator's finally; onDelivered always runs.
  return { headers: { 'content-type': 'application/vnd.amazon.eventstream' }, stream: frames(), onDelivered: finish };
}
