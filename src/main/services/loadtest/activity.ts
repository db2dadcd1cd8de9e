/**
 * What the war room's timeline reads from load runs: runs that failed
 * requests or their acceptance table while a window was open (one entry
 * each, its errors by class as the detail), and the cold starts the console's
 * own load caused on an agent — so an incident's spike can be told apart
 * from a test someone ran.
 */
import { errorClasses, type LoadRun } from '../../../shared/loadtest';
import type { LoadRunStore } from './run-store';

export interface LoadTestActivity {
  failedRuns(from: number, to: number): Array<{ at: number; agentKey: string; runId: string; title: string; detail: string }>;
  coldStarts(agentKey: string, from: number, to: number): number;
}

export function loadTestActivity(store: Pick<LoadRunStore, 'failedRunsBetween' | 'runsOfAgentBetween'>): LoadTestActivity {
  return {
    failedRuns: (from, to) =>
      store.failedRunsBetween(from, to).map((run) => ({ at: run.summary.startedAt, agentKey: run.summary.agentKey, runId: run.summary.id, ...describe(run) })),
    coldStarts: (agentKey, from, to) =>
      store
        .runsOfAgentBetween(agentKey, from, to)
        .flatMap((run) => run.stages)
        .filter((s) => s.startedAt <= to && (s.endedAt ?? Number.MAX_SAFE_INTEGER) >= from)
        .reduce((n, s) => n + s.coldStarts, 0),
  };
}

function describe(run: LoadRun): { title: string; detail: string } {
  const s = run.summary;
  const failedRows = run.acceptance.filter((a) => !a.pass).length;
  const title =
    s.failed > 0
      ? `Load test “${s.name}”: ${s.failed} of ${s.requests} requests failed`
      : `Load test “${s.name}”: ${failedRows} of ${run.acceptance.length} acceptance rows failed`;
  const counts = errorClasses.map((c) => [c, run.stages.reduce((n, st) => n + (st.errors[c] ?? 0), 0)] as const).filter(([, n]) => n > 0);
  const errors = counts.length ? counts.map(([c, n]) => `${c} ${n}`).join(', ') : 'no failed requests';
  const rows = failedRows ? `; acceptance failed on ${failedRows} row${failedRows === 1 ? '' : 's'}` : '';
  return { title, detail: `Errors by class: ${errors}${rows}.${run.partial ? ` ${run.partial}` : ''}` };
}
