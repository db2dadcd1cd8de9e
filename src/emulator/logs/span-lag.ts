/**
 * Ingestion lag of `aws/spans`: on AWS a span reaches Transaction Search a
 * second or two after the agent exported it, and the spans of one trace
 * arrive in no particular order, so a trace can be read half-written. Each
 * span written by an invocation gets a visibility time (`LogEvent.visibleAt`)
 * that every read path honours; no timers are involved, so a test's fixed
 * clock makes it exact.
 */
import { fnv1a32 } from '../../shared/fnv';

export interface SpanLag {
  lagMs: number;
  /** Each span waits `lagMs` plus up to this much more, so spans of one trace show up out of order. */
  jitterMs: number;
}

export const DEFAULT_SPAN_LAG: SpanLag = { lagMs: 1500, jitterMs: 500 };
/** Fast mode (tests): spans are readable as soon as they are written. */
export const NO_SPAN_LAG: SpanLag = { lagMs: 0, jitterMs: 0 };

/** When a span written at `writtenAt` becomes visible; undefined = at once. `salt` (the record) spreads the jitter. */
export function visibleAt(lag: SpanLag, writtenAt: number, salt: string): number | undefined {
  if (lag.lagMs <= 0 && lag.jitterMs <= 0) return undefined;
  return writtenAt + lag.lagMs + (lag.jitterMs > 0 ? fnv1a32(salt) % (lag.jitterMs + 1) : 0);
}
