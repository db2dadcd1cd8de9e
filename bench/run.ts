/**
 * `npm run bench [-- name-filter]`: runs every bench/*.bench.ts in turn (one at
 * a time: these machines have two cores), prints one table, and writes the
 * figures to bench/results/<date>.json.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Bench, BenchResult } from './bench-types';

// The SDK warns on every start that its 2027 releases need Node 22; benchmark output is no place for it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const here = import.meta.dirname;
const filter = process.argv[2];
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
  .sort();

const rows: Array<BenchResult & { bench: string }> = [];
let failures = 0;
for (const file of files) {
  const bench = (await import(pathToFileURL(join(here, file)).href)).default as Bench;
  process.stdout.write(`running ${bench.name}…\n`);
  try {
    for (const result of await bench.run()) rows.push({ bench: bench.name, ...result });
  } catch (error) {
    failures++;
    rows.push({ bench: bench.name, metric: `ERROR: ${error instanceof Error ? error.message : String(error)}`, value: NaN, unit: '', pass: false });
  }
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
writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), node: process.version, cpus: (await import('node:os')).cpus().length, results: rows }, null, 2));
console.log(`\nwrote ${out}`);
process.exit(failures > 0 ? 1 : 0);
