/**
 * `npm run bench [-- name-filter]`: runs every bench/*.bench.ts in turn (one at
 * a time: these machines have two cores), each in a fresh process so one
 * bench's garbage and JIT state never land in another's figures (an idle-CPU
 * window once paid for the previous bench's garbage collection), prints one
 * table, and writes the figures to bench/results/<date>.json.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Bench, BenchResult } from './bench-types';

/** A child run prints its results on one line after this marker; everything else it prints passes through. */
const RESULTS_MARKER = 'BENCH-RESULTS ';

// The SDK warns on every start that its 2027 releases need Node 22; benchmark output is no place for it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const here = import.meta.dirname;
type Row = BenchResult & { bench: string };

/** Child mode (`run.ts --one <file>`): run one bench here and hand its rows to the parent. */
async function runOne(file: string): Promise<Row[]> {
  const bench = (await import(pathToFileURL(join(here, file)).href)).default as Bench;
  try {
    return (await bench.run()).map((result) => ({ bench: bench.name, ...result }));
  } catch (error) {
    return [{ bench: bench.name, metric: `ERROR: ${error instanceof Error ? error.message : String(error)}`, value: NaN, unit: '', pass: false }];
  }
}

if (process.argv[2] === '--one') {
  const rows = await runOne(process.argv[3] ?? '');
  console.log(RESULTS_MARKER + JSON.stringify(rows));
  process.exit(0);
}

const filter = process.argv[2];
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
  .sort();

const rows: Row[] = [];
let failures = 0;
for (const file of files) {
  process.stdout.write(`running ${file}…\n`);
  const child = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, '--one', file], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const lines = (child.stdout ?? '').split('\n');
  const marked = lines.find((line) => line.startsWith(RESULTS_MARKER));
  for (const line of lines) if (line && !line.startsWith(RESULTS_MARKER)) console.log(line);
  const result: Row[] = marked
    ? // JSON has no NaN (a figure not measured): it comes back as null.
      (JSON.parse(marked.slice(RESULTS_MARKER.length)) as Row[]).map((row) => ({ ...row, value: row.value ?? NaN }))
    : [{ bench: file, metric: `ERROR: bench process exited with ${child.status ?? child.signal} and no results`, value: NaN, unit: '', pass: false }];
  if (result.some((row) => row.metric.startsWith('ERROR:'))) failures++;
  rows.push(...result);
}

const format = (v: number): string => (Number.isInteger(v) ? v.toLocaleString('en-US') : v.toLocaleString('en-US', { maximumFractionDigits: 2 }));
const table = rows.map((r) => [r.bench, r.metric, `${format(r.value)} ${r.unit}`.trim(), r.target ?? '', r.pass === undefined ? '' : r.pass ? 'ok' : 'MISS']);
const header = ['bench', 'metric', 'value', 'target', ''];
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => (row[i] as string).length)));
const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i] as number)).join('  ');
console.log('\n' + line(header) + '\n' + widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of table) console.log(line(row));

const resultsDir = join(here, 'results');
mkdirSync(resultsDir, { recursive: true });
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const out = join(resultsDir, `${stamp}.json`);
writeFileSync(
  out,
  JSON.stringify({ at: new Date().toISOString(), node: process.version, cpus: (await import('node:os')).cpus().length, results: rows }, null, 2),
);
console.log(`\nwrote ${out}`);
process.exit(failures > 0 ? 1 : 0);
