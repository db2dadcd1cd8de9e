/**
 * Reads a time window of one log group with FilterLogEvents, page after
 * page, into a tail's emitter: the backfill a tail opens with, the gap a
 * dropped live session leaves, and every poll of the polling fallback. A
 * page budget keeps one read from running away on a very busy group; the
 * caller learns whether the window was read to its end.
 */
import { FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import type { LogTarget } from './log-target';
import type { TailEmitter } from './tail-emitter';

export interface WindowRead {
  /** Every page of the window was read. */
  complete: boolean;
  fresh: number;
  /** The newest event time among the lines read. */
  newest?: number;
}

export async function readWindow(
  target: LogTarget,
  groupName: string,
  window: { startTime: number; endTime?: number; filterPattern?: string; maxPages: number },
  emitter: TailEmitter,
  signal: AbortSignal,
): Promise<WindowRead> {
  let nextToken: string | undefined;
  let fresh = 0;
  let newest: number | undefined;
  const pass = emitter.pass();
  for (let page = 0; page < window.maxPages; page++) {
    const out = await target.client.send(
      new FilterLogEventsCommand({
        logGroupName: groupName,
        startTime: Math.max(0, Math.floor(window.startTime)),
        ...(window.endTime !== undefined ? { endTime: Math.floor(window.endTime) } : {}),
        limit: 10_000,
        ...(window.filterPattern ? { filterPattern: window.filterPattern } : {}),
        ...(nextToken ? { nextToken } : {}),
      }),
      { abortSignal: signal },
    );
    const events = out.events ?? [];
    fresh += emitter.admit(events, pass);
    for (const e of events) if (e.timestamp !== undefined && (newest === undefined || e.timestamp > newest)) newest = e.timestamp;
    nextToken = out.nextToken;
    if (!nextToken || signal.aborted) return { complete: true, fresh, ...(newest !== undefined ? { newest } : {}) };
  }
  return { complete: false, fresh, ...(newest !== undefined ? { newest } : {}) };
}
