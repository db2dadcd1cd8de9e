/**
 * A run as a file: JSON (the LoadRun as stored), CSV (one row per stage and
 * one per tick, columns in CSV_COLUMNS) and Markdown (summary, the
 * acceptance table with the measured figure beside each limit, stages, and
 * errors by class with samples) for a ticket or a review.
 */
import { slugOf } from './artillery-script';
import { errorClasses, type ErrorClass, type ExportedFile, type LoadRun } from '../../../shared/loadtest';

/** kind is `stage` or `tick`; t is the stage's start or the tick's second (ISO 8601); latencies in ms; blanks where a row has no such figure. */
export const CSV_COLUMNS = [
  'kind',
  'stage',
  't',
  'users',
  'requests',
  'succeeded',
  ...errorClasses,
  'p50_ms',
  'p90_ms',
  'p99_ms',
  'max_ms',
  'ttfb_p50_ms',
  'bytes',
  'cold_starts',
  'achieved_rps',
  'scheduled_rps',
] as const;

type Cell = string | number | null | undefined;

export function exportRun(run: LoadRun, format: 'json' | 'csv' | 'markdown'): ExportedFile {
  const base = `loadtest-${slugOf(run.summary.name)}-${new Date(run.summary.startedAt).toISOString().slice(0, 19).replace(/[:T]/g, '-')}`;
  if (format === 'json') return { fileName: `${base}.json`, mimeType: 'application/json', content: JSON.stringify(run, null, 2) };
  if (format === 'csv') return { fileName: `${base}.csv`, mimeType: 'text/csv', content: runCsv(run) };
  return { fileName: `${base}.md`, mimeType: 'text/markdown', content: runMarkdown(run) };
}

export function runCsv(run: LoadRun): string {
  const errs = (e: Partial<Record<ErrorClass, number>>): Cell[] => errorClasses.map((c) => e[c] ?? 0);
  const rows: Cell[][] = [[...CSV_COLUMNS]];
  for (const s of run.stages)
    rows.push([
      'stage',
      s.index,
      iso(s.startedAt),
      s.users,
      s.requests,
      s.succeeded,
      ...errs(s.errors),
      fixed(s.latencyMs.p50),
      fixed(s.latencyMs.p90),
      fixed(s.latencyMs.p99),
      fixed(s.latencyMs.max),
      fixed(s.ttfbMs.p50),
      s.bytes,
      s.coldStarts,
      fixed(s.achievedRps),
      fixed(s.scheduledRps),
    ]);
  for (const t of run.ticks)
    rows.push([
      'tick',
      t.stageIndex,
      iso(t.t),
      t.activeUsers,
      t.requests,
      t.succeeded,
      ...errs(t.errors),
      fixed(t.p50Ms),
      fixed(t.p90Ms),
      fixed(t.p99Ms),
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function runMarkdown(run: LoadRun): string {
  const s = run.summary;
  const out: string[] = [];
  out.push(`# Load test “${md(s.name)}”`, '');
  out.push(`- Agent: ${md(s.agentName)} (endpoint ${md(s.qualifier)})`);
  out.push(`- Source: ${s.source === 'artillery' ? 'Artillery report' : 'this console'}`);
  out.push(`- Started: ${iso(s.startedAt)}${s.endedAt ? `, ended ${iso(s.endedAt)}` : ''}`);
  out.push(`- Status: ${s.status}; verdict: ${s.verdict}`);
  out.push(`- Requests: ${s.requests}, failed: ${s.failed}`);
  if (run.partial) out.push(`- Note: ${md(run.partial)}`);
  if (run.acceptance.length) {
    out.push('', '## Acceptance', '', '| Users | Limit | Required | Measured | Latency at that percentile | Result |', '|---:|---:|---:|---:|---:|:--|');
    for (const a of run.acceptance)
      out.push(
        `| ${a.row.users} | ${ms(a.row.latencyMs)} | ${a.row.successPct} % | ${a.measuredPct === null ? '—' : `${a.measuredPct.toFixed(2)} %`} | ${a.measuredLatencyMs === null ? '—' : ms(a.measuredLatencyMs)} | ${a.pass ? 'pass' : 'FAIL'} |`,
      );
  }
  out.push(
    '',
    '## Stages',
    '',
    '| Stage | Users | Requests | Succeeded | p50 | p90 | p99 | Max | Requests/s (scheduled) | Cold starts |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const st of run.stages)
    out.push(
      `| ${st.index + 1} | ${st.users} | ${st.requests} | ${st.succeeded} | ${ms(st.latencyMs.p50)} | ${ms(st.latencyMs.p90)} | ${ms(st.latencyMs.p99)} | ${ms(st.latencyMs.max)} | ${st.achievedRps.toFixed(2)} (${st.scheduledRps === null ? '—' : st.scheduledRps.toFixed(2)}) | ${st.coldStarts} |`,
    );
  const totals = new Map<ErrorClass, number>();
  for (const st of run.stages) for (const c of errorClasses) totals.set(c, (totals.get(c) ?? 0) + (st.errors[c] ?? 0));
  const failing = errorClasses.filter((c) => (totals.get(c) ?? 0) > 0);
  out.push('', '## Errors by class', '');
  if (failing.length === 0) out.push('No failed requests.');
  for (const c of failing) {
    out.push(`- **${c}**: ${totals.get(c)}`);
    for (const e of run.errorSamples.filter((x) => x.errorClass === c)) out.push(`  - ${iso(e.at)}${e.status ? ` HTTP ${e.status}` : ''}: ${md(e.message)}`);
  }
  return out.join('\n') + '\n';
}

function csvCell(v: Cell): string {
  if (v === null || v === undefined) return '';
  const text = String(v);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const fixed = (n: number | null): Cell => (n === null ? '' : Number(n.toFixed(3)));
const iso = (t: number): string => new Date(t).toISOString();
const ms = (n: number | null): string => (n === null ? '—' : n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(0)} ms`);
/** Agent text and names can hold pipes and markup: escaped so the table stays a table. */
const md = (text: string): string => text.replace(/[\\|*_`<>[\]]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
