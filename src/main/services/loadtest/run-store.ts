/**
 * Saved scenarios and load runs in SQLite (migration 8). A run's summary
 * columns serve lists and filters; the whole LoadRun (stages, ticks, error
 * samples) is one JSON document, rewritten as the run goes. A run still
 * `running` when the console starts again was cut off by a close: it becomes
 * `interrupted`, with what was measured kept and said.
 */
import type { LoadRun, LoadRunSummary, SavedScenario, Scenario } from '../../../shared/loadtest';
import type { Db } from '../store/database';
import { plannedSeconds } from './schedule';

interface RunRow {
  result: string;
}

interface SummaryRow {
  summary: string;
}

/** Why a run cut off by the console closing is incomplete, and how much it covers. */
export function interruptedNote(run: LoadRun): string {
  const measured = Math.round(((run.summary.endedAt ?? run.summary.startedAt) - run.summary.startedAt) / 1000);
  const planned = plannedSeconds(run.scenario);
  return `The console closed during the run: the figures cover ${measured} s${planned !== null ? ` of ${planned} s` : ''} (${run.summary.requests} requests measured).`;
}

export class LoadRunStore {
  private readonly stmts;

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {
    this.stmts = {
      upsertRun: db.prepare<[string, string, string, number, number | null, string, string, number, number, string]>(
        `INSERT INTO loadtest_runs (id, name, agent_key, started_at, ended_at, status, verdict, requests, failed, result)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET ended_at = excluded.ended_at, status = excluded.status, verdict = excluded.verdict,
           requests = excluded.requests, failed = excluded.failed, result = excluded.result`,
      ),
      run: db.prepare<[string], RunRow>('SELECT result FROM loadtest_runs WHERE id = ?'),
      runs: db.prepare<[number], SummaryRow>(`SELECT json_extract(result, '$.summary') AS summary FROM loadtest_runs ORDER BY started_at DESC LIMIT ?`),
      runsOfAgent: db.prepare<[string, number], SummaryRow>(
        `SELECT json_extract(result, '$.summary') AS summary FROM loadtest_runs WHERE agent_key = ? ORDER BY started_at DESC LIMIT ?`,
      ),
      failedBetween: db.prepare<{ from: number; to: number }, RunRow>(
        `SELECT result FROM loadtest_runs WHERE started_at <= $to AND coalesce(ended_at, $to) >= $from AND (failed > 0 OR verdict = 'fail') ORDER BY started_at`,
      ),
      agentBetween: db.prepare<{ agentKey: string; from: number; to: number }, RunRow>(
        `SELECT result FROM loadtest_runs WHERE agent_key = $agentKey AND started_at <= $to AND coalesce(ended_at, $to) >= $from ORDER BY started_at`,
      ),
      running: db.prepare<[], RunRow>(`SELECT result FROM loadtest_runs WHERE status = 'running'`),
      deleteRun: db.prepare<[string]>('DELETE FROM loadtest_runs WHERE id = ?'),
      scenarios: db.prepare<[], { name: string; scenario: string; updated_at: number }>(
        'SELECT name, scenario, updated_at FROM loadtest_scenarios ORDER BY name COLLATE NOCASE',
      ),
      upsertScenario: db.prepare<[string, string, number]>(
        `INSERT INTO loadtest_scenarios (name, scenario, updated_at) VALUES (?, ?, ?)
         ON CONFLICT(name) DO UPDATE SET scenario = excluded.scenario, updated_at = excluded.updated_at`,
      ),
      deleteScenario: db.prepare<[string]>('DELETE FROM loadtest_scenarios WHERE name = ?'),
    };
  }

  saveRun(run: LoadRun): void {
    const s = run.summary;
    this.stmts.upsertRun.run(s.id, s.name, s.agentKey, s.startedAt, s.endedAt, s.status, s.verdict, s.requests, s.failed, JSON.stringify(run));
  }

  run(id: string): LoadRun | undefined {
    const row = this.stmts.run.get(id);
    return row ? (JSON.parse(row.result) as LoadRun) : undefined;
  }

  /** Newest first; only the summary is read out of each document. */
  runs(filter: { agentKey?: string; limit: number }): LoadRunSummary[] {
    const rows = filter.agentKey ? this.stmts.runsOfAgent.all(filter.agentKey, filter.limit) : this.stmts.runs.all(filter.limit);
    return rows.map((r) => JSON.parse(r.summary) as LoadRunSummary);
  }

  /** Runs whose time overlaps [from, to] that failed requests or their acceptance table (for the war room). A running run extends to `to`. */
  failedRunsBetween(from: number, to: number): LoadRun[] {
    return this.stmts.failedBetween.all({ from, to }).map((r) => JSON.parse(r.result) as LoadRun);
  }

  runsOfAgentBetween(agentKey: string, from: number, to: number): LoadRun[] {
    return this.stmts.agentBetween.all({ agentKey, from, to }).map((r) => JSON.parse(r.result) as LoadRun);
  }

  deleteRun(id: string): boolean {
    return this.stmts.deleteRun.run(id).changes > 0;
  }

  /** Marks every run left `running` by a console that closed mid-run; answers how many. */
  markInterrupted(): number {
    const rows = this.stmts.running.all();
    for (const row of rows) {
      const run = JSON.parse(row.result) as LoadRun;
      const lastTick = run.ticks.at(-1)?.t ?? run.summary.startedAt;
      run.summary = { ...run.summary, status: 'interrupted', endedAt: lastTick };
      run.partial = interruptedNote(run);
      this.saveRun(run);
    }
    return rows.length;
  }

  scenarios(): SavedScenario[] {
    return this.stmts.scenarios.all().map((r) => ({ name: r.name, scenario: JSON.parse(r.scenario) as Scenario, updatedAt: r.updated_at }));
  }

  saveScenario(scenario: Scenario): SavedScenario {
    const updatedAt = this.now();
    this.stmts.upsertScenario.run(scenario.name, JSON.stringify(scenario), updatedAt);
    return { name: scenario.name, scenario, updatedAt };
  }

  deleteScenario(name: string): boolean {
    return this.stmts.deleteScenario.run(name).changes > 0;
  }
}
