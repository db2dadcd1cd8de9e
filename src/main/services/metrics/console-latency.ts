/**
 * The console's own measurements of an agent: every assistant reply in chat
 * stores its time to first byte, total time and whether it was a cold start
 * (`meta.metrics`). Charted beside CloudWatch's Latency they show what a user
 * of this console actually waited, network included.
 */
import type { Point, Series } from '../../../shared/metrics';
import type { Db } from '../store/database';
import { percentile } from './series-math';

interface Row {
  at: number;
  ttfb: number | null;
  total: number | null;
  cold: number | null;
}

export interface ConsoleLatency {
  series: Series[];
  coldStarts: { now: number; previous: number | null };
}

export class ConsoleLatencyReader {
  constructor(private readonly db: Db) {}

  read(agentKey: string, endpoint: string, window: { from: number; start: number; end: number; periodMs: number }, withPrevious: boolean): ConsoleLatency {
    const rows = this.db
      .prepare<[string, string, number, number], Row>(
        `SELECT m.created_at AS at,
                json_extract(m.meta, '$.metrics.ttfbMs') AS ttfb,
                json_extract(m.meta, '$.metrics.totalMs') AS total,
                json_extract(m.meta, '$.metrics.coldStart') AS cold
           FROM chat_messages m JOIN chat_sessions s ON s.id = m.session_id
          WHERE s.agent_key = ? AND s.qualifier = ? AND m.role = 'assistant' AND m.created_at >= ? AND m.created_at < ?
            AND json_extract(m.meta, '$.metrics') IS NOT NULL`,
      )
      .all(agentKey, endpoint, window.from, window.end);
    const buckets = new Map<number, Row[]>();
    let coldNow = 0;
    let coldBefore = 0;
    for (const r of rows) {
      if (r.at < window.start) {
        if (r.cold) coldBefore++;
        continue;
      }
      if (r.cold) coldNow++;
      const t = window.start + Math.floor((r.at - window.start) / window.periodMs) * window.periodMs;
      const list = buckets.get(t) ?? [];
      list.push(r);
      buckets.set(t, list);
    }
    const stamps: number[] = [];
    for (let t = window.start; t < window.end; t += window.periodMs) stamps.push(t);
    const median =
      (pick: (r: Row) => number | null) =>
      (t: number): number | null => {
        const xs = (buckets.get(t) ?? []).map(pick).filter((x): x is number => typeof x === 'number');
        return xs.length ? percentile(xs, 50) : null;
      };
    const pointsOf = (f: (t: number) => number | null): Point[] => stamps.map((t) => [t, f(t)]);
    return {
      series: [
        { id: 'console.ttfb', label: 'Time to first byte (this console, p50)', unit: 'ms', source: 'console', points: pointsOf(median((r) => r.ttfb)) },
        { id: 'console.total', label: 'Reply time (this console, p50)', unit: 'ms', source: 'console', points: pointsOf(median((r) => r.total)) },
        {
          id: 'console.coldStarts',
          label: 'Cold starts (this console)',
          unit: 'count',
          source: 'console',
          points: pointsOf((t) => {
            const list = buckets.get(t);
            return list ? list.filter((r) => r.cold).length : null;
          }),
        },
      ],
      coldStarts: { now: coldNow, previous: withPrevious ? coldBefore : null },
    };
  }
}
