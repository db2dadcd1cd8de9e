/**
 * SLO thresholds per agent and the breaches seen, in SQLite. Breaches are
 * merged into what is stored: the same incident seen through another range
 * (other period, other edges) overlaps a stored row and extends it rather
 * than being recorded twice. The war room reads them back with
 * `metrics.breaches`.
 */
import type { SloBreach, SloThresholds } from '../../../shared/metrics';
import type { Db } from '../store/database';
import { DEFAULT_SLO, type BreachRun } from './breaches';

interface BreachRow {
  id: number;
  agent_key: string;
  kind: SloBreach['kind'];
  started_at: number;
  ended_at: number | null;
  worst: number;
  threshold: number;
}

const LIST_LIMIT = 1000;

const toBreach = (r: BreachRow): SloBreach => ({
  agentKey: r.agent_key,
  kind: r.kind,
  startedAt: r.started_at,
  ...(r.ended_at !== null ? { endedAt: r.ended_at } : {}),
  worst: r.worst,
  threshold: r.threshold,
});

export class SloStore {
  constructor(private readonly db: Db) {}

  get(agentKey: string): SloThresholds {
    const row = this.db
      .prepare<[string], { error_rate_pct: number; p99_ms: number }>('SELECT error_rate_pct, p99_ms FROM metrics_slo WHERE agent_key = ?')
      .get(agentKey);
    return row ? { errorRatePct: row.error_rate_pct, p99Ms: row.p99_ms } : { ...DEFAULT_SLO };
  }

  /** null restores the defaults. */
  set(agentKey: string, slo: SloThresholds | null, now = Date.now()): SloThresholds {
    if (slo === null) this.db.prepare('DELETE FROM metrics_slo WHERE agent_key = ?').run(agentKey);
    else
      this.db
        .prepare(
          `INSERT INTO metrics_slo (agent_key, error_rate_pct, p99_ms, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT(agent_key) DO UPDATE SET error_rate_pct = excluded.error_rate_pct, p99_ms = excluded.p99_ms, updated_at = excluded.updated_at`,
        )
        .run(agentKey, slo.errorRatePct, slo.p99Ms, now);
    return this.get(agentKey);
  }

  /**
   * Records the runs computed over [windowStart, windowEnd): each merges into
   * a stored breach it overlaps, or is added; an open stored breach that
   * started before the window and shows no run at the window's start was over
   * by then.
   */
  record(agentKey: string, runs: BreachRun[], windowStart: number, live: boolean): void {
    const overlapping = this.db.prepare<[string, string, number, number], BreachRow>(
      `SELECT * FROM metrics_breaches WHERE agent_key = ? AND kind = ? AND started_at <= ? AND (ended_at IS NULL OR ended_at >= ?) ORDER BY started_at LIMIT 1`,
    );
    const update = this.db.prepare<[number, number | null, number, number]>('UPDATE metrics_breaches SET started_at = ?, ended_at = ?, worst = ? WHERE id = ?');
    const insert = this.db.prepare<[string, string, number, number | null, number, number]>(
      'INSERT OR IGNORE INTO metrics_breaches (agent_key, kind, started_at, ended_at, worst, threshold) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const close = this.db.prepare<[number, string, string, number]>(
      'UPDATE metrics_breaches SET ended_at = ? WHERE agent_key = ? AND kind = ? AND ended_at IS NULL AND started_at < ?',
    );
    this.db.transaction(() => {
      for (const kind of ['errorRate', 'p99'] as const) {
        if (!runs.some((r) => r.kind === kind && r.startedAt <= windowStart)) close.run(windowStart, agentKey, kind, windowStart);
      }
      for (const run of runs) {
        const end = run.endedAt ?? null;
        const row = overlapping.get(agentKey, run.kind, end ?? Number.MAX_SAFE_INTEGER, run.startedAt);
        if (!row) {
          insert.run(agentKey, run.kind, run.startedAt, end, run.worst, run.threshold);
          continue;
        }
        // A view of the past cannot close a breach that is still open; one that reaches now can.
        const mergedEnd = end === null ? null : row.ended_at === null ? (live ? end : null) : Math.max(end, row.ended_at);
        update.run(Math.min(row.started_at, run.startedAt), mergedEnd, Math.max(row.worst, run.worst), row.id);
      }
    })();
  }

  list(filter: { agentKey?: string; since?: number }): SloBreach[] {
    const since = filter.since ?? 0;
    const rows = filter.agentKey
      ? this.db
          .prepare<[string, number], BreachRow>(
            `SELECT * FROM metrics_breaches WHERE agent_key = ? AND (ended_at IS NULL OR ended_at >= ?) ORDER BY started_at DESC LIMIT ${LIST_LIMIT}`,
          )
          .all(filter.agentKey, since)
      : this.db
          .prepare<[number], BreachRow>(`SELECT * FROM metrics_breaches WHERE ended_at IS NULL OR ended_at >= ? ORDER BY started_at DESC LIMIT ${LIST_LIMIT}`)
          .all(since);
    return rows.map(toBreach);
  }

  openAgents(): Set<string> {
    return new Set(
      this.db
        .prepare<[], { agent_key: string }>('SELECT DISTINCT agent_key FROM metrics_breaches WHERE ended_at IS NULL')
        .all()
        .map((r) => r.agent_key),
    );
  }
}
