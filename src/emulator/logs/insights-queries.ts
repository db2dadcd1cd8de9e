/**
 * Logs Insights queries in flight. A query is `Running` on its first
 * GetQueryResults poll and `Complete` on the next, evaluated then against
 * what is visible at that moment (so ingestion lag shows, as on AWS), and
 * its result is kept for later polls. The mode knob (`PUT
 * /_emulator/insights`) makes new queries end in `Timeout` or `Failed`, or
 * stay `Running` for `slowMs`, for the console's bad-path tests. AWS allows
 * 30 concurrent queries per account and region; the 31st is
 * LimitExceededException.
 */
import { AwsError } from '../core/types';
import { Rng } from '../kit/rng';
import { firstIndex } from './events';
import { runInsightsQuery, type InsightsSource } from './insights-eval';
import type { Command } from './insights-parse';
import type { LogGroup, LogStore } from './store';

export type QueryStatus = 'Scheduled' | 'Running' | 'Complete' | 'Failed' | 'Cancelled' | 'Timeout';
export type InsightsMode = 'normal' | 'timeout' | 'fail' | 'slow';
export interface InsightsSetting {
  mode: InsightsMode;
  /** How long a `slow` query stays Running, ms of the emulator's clock. */
  slowMs: number;
}

export const DEFAULT_INSIGHTS: InsightsSetting = { mode: 'normal', slowMs: 10_000 };
const MAX_RUNNING = 30;
/** Finished queries kept for GetQueryResults; the oldest go first beyond this. */
const KEEP = 500;

export interface QueryStatistics {
  recordsMatched: number;
  recordsScanned: number;
  bytesScanned: number;
}
export interface QueryResults {
  status: QueryStatus;
  results: Array<Array<{ field: string; value: string }>>;
  statistics: QueryStatistics;
}

export interface QuerySpec {
  region: string;
  groups: LogGroup[];
  commands: Command[];
  /** Epoch ms, inclusive both ends. */
  fromMs: number;
  toMs: number;
  limit: number;
}

interface Query extends QuerySpec {
  setting: InsightsSetting;
  createdAt: number;
  polls: number;
  answer: QueryResults;
}

const EMPTY: QueryStatistics = { recordsMatched: 0, recordsScanned: 0, bytesScanned: 0 };
const unfinished = (s: QueryStatus): boolean => s === 'Scheduled' || s === 'Running';

export class InsightsQueries {
  setting: InsightsSetting = DEFAULT_INSIGHTS;
  private readonly queries = new Map<string, Query>();
  private counter = 0;

  constructor(
    private readonly store: LogStore,
    private readonly seed: number,
    private readonly now: () => number,
  ) {}

  clear(): void {
    this.queries.clear();
    this.setting = DEFAULT_INSIGHTS;
  }

  start(spec: QuerySpec): string {
    const running = [...this.queries.values()].filter((q) => q.region === spec.region && unfinished(q.answer.status)).length;
    if (running >= MAX_RUNNING) throw new AwsError(400, 'LimitExceededException', `Account maximum query concurrency limit of [${MAX_RUNNING}] reached.`);
    const id = Rng.for(this.seed, 'insights-query', this.now(), this.counter++).uuid();
    this.queries.set(id, { ...spec, setting: this.setting, createdAt: this.now(), polls: 0, answer: { status: 'Scheduled', results: [], statistics: EMPTY } });
    this.prune();
    return id;
  }

  results(region: string, id: string): QueryResults {
    const q = this.find(region, id);
    if (unfinished(q.answer.status)) this.advance(q);
    return q.answer;
  }

  /** StopQuery: true if the query was still running (now Cancelled). */
  stop(region: string, id: string): boolean {
    const q = this.find(region, id);
    if (!unfinished(q.answer.status)) return false;
    q.answer = { ...q.answer, status: 'Cancelled' };
    return true;
  }

  private find(region: string, id: string): Query {
    const q = this.queries.get(id);
    if (!q || q.region !== region) throw new AwsError(400, 'ResourceNotFoundException', `Query does not exist: ${id}`);
    return q;
  }

  private advance(q: Query): void {
    q.polls++;
    const { mode, slowMs } = q.setting;
    const due = mode === 'slow' ? this.now() - q.createdAt >= slowMs : q.polls > 1;
    if (!due) {
      q.answer = { ...q.answer, status: 'Running' };
      return;
    }
    if (mode === 'timeout' || mode === 'fail') {
      q.answer = { status: mode === 'timeout' ? 'Timeout' : 'Failed', results: [], statistics: EMPTY };
      return;
    }
    const sources = this.scan(q);
    const out = runInsightsQuery(q.commands, sources, q.limit);
    q.answer = {
      status: 'Complete',
      results: out.rows,
      statistics: {
        recordsMatched: out.recordsMatched,
        recordsScanned: sources.length,
        bytesScanned: sources.reduce((n, s) => n + Buffer.byteLength(s.event.message), 0),
      },
    };
  }

  /** The visible events of the query's groups inside its window. */
  private scan(q: Query): InsightsSource[] {
    const out: InsightsSource[] = [];
    for (const group of q.groups) {
      this.store.ensure(group);
      for (const s of group.streams.values()) {
        for (let i = firstIndex(s.events, (e) => e.timestamp < q.fromMs); i < s.events.length; i++) {
          const event = s.events[i]!;
          if (event.timestamp > q.toMs) break;
          if (this.store.visible(event)) out.push({ group, stream: s.name, event });
        }
      }
    }
    return out;
  }

  private prune(): void {
    if (this.queries.size <= KEEP) return;
    for (const [id, q] of this.queries) {
      if (this.queries.size <= KEEP) break;
      if (!unfinished(q.answer.status)) this.queries.delete(id);
    }
  }
}
