/**
 * The shapes the log store keeps, and its one ordering rule: a stream's
 * events stay sorted by id, i.e. by (timestamp, arrival). Lines nearly
 * always arrive in order, so an insert is an O(1) push; only backfilled
 * history lands mid-array.
 */
import type { RuntimeView } from '../core/types';

export interface LogEvent {
  /** Fixed-width digits: timestamp, stream hash, per-stream sequence. Sorts like (timestamp, arrival). */
  id: string;
  timestamp: number;
  ingestionTime: number;
  message: string;
  /** Epoch ms before which reads do not see the event (span ingestion lag, span-lag.ts); absent = visible. */
  visibleAt?: number;
}

export interface LogStream {
  name: string;
  creationTime: number;
  events: LogEvent[];
  seq: number;
  hash: string;
}

export interface LogGroup {
  name: string;
  arn: string;
  region: string;
  accountId: string;
  creationTime: number;
  kind: 'runtime' | 'spans';
  runtime?: RuntimeView;
  endpointName?: string;
  streams: Map<string, LogStream>;
  /** Synthetic history exists for minutes before this (epoch ms, minute aligned); undefined = never read. */
  materializedUntil?: number;
  storedBytes: number;
}

export type AppendListener = (group: LogGroup, stream: LogStream, event: LogEvent) => void;
export type DeleteListener = (group: LogGroup) => void;

/** Keeps `events` sorted by id: a push when in order (the common case, and what the load knob does), else a binary-search splice. */
export function insertSorted(events: LogEvent[], event: LogEvent): void {
  let lo = events.length;
  if (lo === 0 || events[lo - 1]!.id <= event.id) {
    events.push(event);
    return;
  }
  let low = 0;
  while (low < lo) {
    const mid = (low + lo) >> 1;
    if (events[mid]!.id <= event.id) low = mid + 1;
    else lo = mid;
  }
  events.splice(low, 0, event);
}

/** Index of the first event for which `before` is false (events sorted by id, hence by timestamp); O(log n) so reads of a 300k-line stream stay cheap. */
export function firstIndex(events: readonly LogEvent[], before: (e: LogEvent) => boolean): number {
  let low = 0;
  let high = events.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (before(events[mid]!)) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function isVisible(event: LogEvent, now: number): boolean {
  return event.visibleAt === undefined || event.visibleAt <= now;
}

/** FilterLogEvents' `eventId`: AWS's are 56 digits; ours are the sortable id padded to that width. */
export function eventIdOf(event: LogEvent): string {
  return `${event.id}${'0'.repeat(20)}`;
}
