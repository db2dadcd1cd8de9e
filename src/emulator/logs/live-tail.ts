/**
 * StartLiveTail: an `application/vnd.amazon.eventstream` response framed by
 * @smithy/eventstream-codec. An `initial-response` event first, as every
 * awsJson event stream starts on AWS: botocore (boto3, the AWS CLI) refuses a
 * stream without it, and the JS SDK folds it into the response and skips it.
 * Then `sessionStart` (the SDK awaits it before `send()` resolves), then a `sessionUpdate` per tick with the lines
 * that arrived, an empty update now and then as AWS's heartbeat, and a
 * SessionTimeoutException frame after AWS's 3-hour session limit. Ends when
 * the client disconnects.
 */
import { EventStreamCodec } from '@smithy/eventstream-codec';
import type { MessageHeaders } from '@smithy/eventstream-codec';
import type { Reply, RequestContext } from '../core/types';
import { Rng } from '../kit/rng';
import { optString, optStringList } from '../kit/json-body';
import { compilePattern, groupNotFound, invalidParameter, readLogsBody } from './errors';
import { groupNameFromIdentifier } from './naming';
import type { LogEvent, LogGroup, LogStore } from './store';

export interface LiveTailOptions {
  tickMs: number;
  /** Send an empty update after this many quiet ticks. */
  heartbeatTicks: number;
  maxSessionMs: number;
  /** AWS samples down to 500 events per update. */
  maxPerUpdate: number;
}

export const DEFAULT_LIVE_TAIL: LiveTailOptions = { tickMs: 1000, heartbeatTicks: 5, maxSessionMs: 3 * 3_600_000, maxPerUpdate: 500 };

const codec = new EventStreamCodec(
  (bytes) => Buffer.from(bytes).toString('utf8'),
  (text) => new Uint8Array(Buffer.from(text, 'utf8')),
);

function frame(headers: MessageHeaders, body: unknown): Uint8Array {
  return codec.encode({ headers, body: new Uint8Array(Buffer.from(JSON.stringify(body), 'utf8')) });
}

function eventFrame(eventType: string, body: unknown): Uint8Array {
  return frame(
    {
      ':message-type': { type: 'string', value: 'event' },
      ':event-type': { type: 'string', value: eventType },
      ':content-type': { type: 'string', value: 'application/json' },
    },
    body,
  );
}

function exceptionFrame(type: string, message: string): Uint8Array {
  return frame(
    {
      ':message-type': { type: 'string', value: 'exception' },
      ':exception-type': { type: 'string', value: type },
      ':content-type': { type: 'string', value: 'application/json' },
    },
    { message },
  );
}

/** Resolves after `ms`, or early when the client goes away. */
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

export function startLiveTail(store: LogStore, seed: number, now: () => number, ctx: RequestContext, options: LiveTailOptions = DEFAULT_LIVE_TAIL): Reply {
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

  // Catch history up first, so the tail starts at "now" instead of replaying the backfill.
  for (const g of groups.keys()) store.ensure(g);
  const pending: TailHit[] = [];
  const unsubscribe = store.onAppend((group, stream, event) => {
    const identifier = groups.get(group);
    if (identifier !== undefined && wantStream(stream.name) && match(event.message)) pending.push({ identifier, stream: stream.name, event });
  });
  const rng = Rng.for(seed, 'live-tail', now(), identifiers.join(','));
  const start = {
    requestId: rng.uuid(),
    sessionId: rng.uuid(),
    logGroupIdentifiers: identifiers,
    ...(streamNames ? { logStreamNames: streamNames } : {}),
    ...(streamPrefixes ? { logStreamNamePrefixes: streamPrefixes } : {}),
    logEventFilterPattern: pattern ?? '',
  };
  const startedAt = now();

  async function* frames(): AsyncGenerator<Uint8Array> {
    try {
      // The response's non-stream members; StartLiveTailResponse has none.
      yield eventFrame('initial-response', {});
      yield eventFrame('sessionStart', start);
      let quiet = 0;
      while (!ctx.signal.aborted) {
        await sleep(options.tickMs, ctx.signal);
        if (ctx.signal.aborted) break;
        if (now() - startedAt >= options.maxSessionMs) {
          yield exceptionFrame('SessionTimeoutException', 'Session timed out after 3 hours.');
          break;
        }
        for (const g of groups.keys()) store.ensure(g);
        if (pending.length === 0 && ++quiet < options.heartbeatTicks) continue;
        quiet = 0;
        const batch = pending.splice(0, pending.length).sort((a, b) => (a.event.id < b.event.id ? -1 : 1));
        const sampled = batch.length > options.maxPerUpdate;
        const shown = sampled ? batch.filter((_, i) => i % Math.ceil(batch.length / options.maxPerUpdate) === 0) : batch;
        yield eventFrame('sessionUpdate', {
          sessionMetadata: { sampled },
          sessionResults: shown.map((h) => ({
            logStreamName: h.stream,
            logGroupIdentifier: h.identifier,
            message: h.event.message,
            timestamp: h.event.timestamp,
            ingestionTime: h.event.ingestionTime,
          })),
        });
      }
    } finally {
      unsubscribe();
    }
  }

  return { headers: { 'content-type': 'application/vnd.amazon.eventstream' }, stream: frames() };
}
