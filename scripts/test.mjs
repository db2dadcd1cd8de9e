// `npm test`: typecheck, lint, format check, Electron hardening, unit + integration tests (vitest), then the
// end-to-end suite in real Chromium (Playwright). Ends with one plain line,
// "N passed, N failed", summed over vitest and Playwright.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfNeeded } from './build-if-needed.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const artifacts = join(root, 'e2e', 'artifacts');
mkdirSync(artifacts, { recursive: true });

const steps = [];
function step(name, command, args, env = {}) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  steps.push({ name, ok, seconds: ((Date.now() - started) / 1000).toFixed(1) });
  return ok;
}

const vitestJson = join(artifacts, 'vitest-results.json');
const vitestRunErrors = join(artifacts, 'vitest-run-errors.json');
const playwrightJson = join(artifacts, 'results.json');
// Counts come from this run only: a report left by an earlier run must not stand in for a step that did not run.
for (const report of [vitestJson, vitestRunErrors, playwrightJson]) rmSync(report, { force: true });

step('typecheck (main, preload, emulator, tests)', bin('tsc'), ['-p', 'tsconfig.node.json', '--noEmit']);
step('typecheck (renderer)', bin('tsc'), ['-p', 'tsconfig.web.json', '--noEmit']);
step('lint', bin('eslint'), ['.', '--max-warnings=0']);
step('format (Prettier)', bin('prettier'), ['--check', '.', '--log-level=warn']);
step('Electron hardening (electronegativity)', process.execPath, [join(root, 'scripts', 'electronegativity.mjs')]);
step(
  'unit + integration (vitest)',
  bin('vitest'),
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`, `--reporter=${join(root, 'scripts', 'vitest-run-errors.mjs')}`],
  { VITEST_RUN_ERRORS: vitestRunErrors },
);
if (findChromium()) {
  try {
    console.log('\n▶ build');
    buildIfNeeded(root);
    steps.push({ name: 'build', ok: true, seconds: '-' });
    step('end-to-end (Playwright, Chromium)', bin('playwright'), ['test']);
  } catch (error) {
    console.error(error.message);
    steps.push({ name: 'build', ok: false, seconds: '-' });
  }
} else {
  console.error(
    '\nNo Chromium for the end-to-end suite: install one (Debian/Ubuntu: sudo apt-get install -y chromium; macOS: brew install --cask chromium; anywhere: npx playwright install chromium) or set PLAYWRIGHT_CHROMIUM_EXECUTABLE.',
  );
  steps.push({ name: 'end-to-end (no Chromium found)', ok: false, seconds: '-' });
}

let passed = 0;
let failed = 0;
let skipped = 0;
// What failed, by name, so the last lines of a CI log say which test to open.
const failures = [];
if (existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += v.numPassedTests ?? 0;
  failed += v.numFailedTests ?? 0;
  skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
  failures.push(...vitestFailures(v));
}
if (existsSync(vitestRunErrors)) {
  for (const e of JSON.parse(readFileSync(vitestRunErrors, 'utf8'))) failures.push(`${e.where} — ${firstLine(e.message)} (outside a test)`);
}
if (existsSync(playwrightJson)) {
  const report = JSON.parse(readFileSync(playwrightJson, 'utf8'));
  const s = report.stats ?? {};
  passed += (s.expected ?? 0) + (s.flaky ?? 0);
  failed += s.unexpected ?? 0;
  skipped += s.skipped ?? 0;
  failures.push(...playwrightFailures(report.suites ?? []));
}

console.log('\nSummary');
for (const s of steps) console.log(`  ${s.ok ? 'ok  ' : 'FAIL'}  ${s.name}${s.seconds !== '-' ? ` (${s.seconds}s)` : ''}`);
if (failures.length > 0) console.log('Failed:');
for (const f of failures.slice(0, 20)) console.log(`  ✗ ${f}`);
const stepFailures = steps.filter((s) => !s.ok).length;
// A failed step with no failing test behind it (typecheck, lint, build, a crashed runner) counts as one failure.
const unexplained = steps.filter((s) => !s.ok && !(s.name.startsWith('unit') && failed > 0) && !(s.name.startsWith('end-to-end') && failed > 0)).length;
console.log(`${passed} passed, ${failed + unexplained} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(stepFailures > 0 || failed > 0 ? 1 : 0);

/** `file › test — first line of the error` for each failed vitest test. */
function vitestFailures(v) {
  const out = [];
  for (const file of v.testResults ?? []) {
    const name = file.name ? file.name.replace(`${root}/`, '') : '?';
    for (const a of file.assertionResults ?? []) {
      if (a.status === 'failed') out.push(`${name} › ${a.fullName ?? a.title} — ${firstLine(a.failureMessages?.[0])}`);
    }
  }
  return out;
}

/** `file:line › title — first line of the error` for each Playwright test whose outcome was unexpected. */
function playwrightFailures(suites) {
  const out = [];
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      if (spec.ok) continue;
      const error = spec.tests?.flatMap((t) => t.results ?? []).find((r) => r.error)?.error?.message;
      out.push(`${spec.file}:${spec.line} › ${spec.title} — ${firstLine(error)}`);
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of suites) walk(suite);
  return out;
}

// Error messages carry terminal colour codes.
const ESCAPE = String.fromCharCode(27);
function firstLine(text) {
  const line =
    String(text ?? '')
      .replaceAll(new RegExp(`${ESCAPE}\\[[0-9;]*m`, 'g'), '')
      .split('\n')
      .find((l) => l.trim()) ?? 'no message';
  return line.trim().slice(0, 200);
}

/** The browser the e2e suite will use, as playwright.config.ts picks it; null when there is none. */
function findChromium() {
  if (process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE)
    return existsSync(process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE) ? process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE : null;
  for (const name of ['chromium', 'chromium-browser']) {
    const found = spawnSync('which', [name], { encoding: 'utf8' });
    if (found.status === 0 && found.stdout.trim()) return found.stdout.trim();
  }
  const own = join(root, 'node_modules', 'playwright-core', 'lib', 'server', 'registry', 'index.js');
  if (!existsSync(own)) return null;
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('playwright-core').chromium.executablePath())"], {
    cwd: root,
    encoding: 'utf8',
  });
  return probe.status === 0 && existsSync(probe.stdout.trim()) ? probe.stdout.trim() : null;
}
