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
const playwrightJson = join(artifacts, 'results.json');
// Counts come from this run only: a report left by an earlier run must not stand in for a step that did not run.
for (const report of [vitestJson, playwrightJson]) rmSync(report, { force: true });

step('typecheck (main, preload, emulator, tests)', bin('tsc'), ['-p', 'tsconfig.node.json', '--noEmit']);
step('typecheck (renderer)', bin('tsc'), ['-p', 'tsconfig.web.json', '--noEmit']);
step('lint', bin('eslint'), ['.', '--max-warnings=0']);
step('format (Prettier)', bin('prettier'), ['--check', '.', '--log-level=warn']);
step('Electron hardening (electronegativity)', process.execPath, [join(root, 'scripts', 'electronegativity.mjs')]);
step('unit + integration (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
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
if (existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += v.numPassedTests ?? 0;
  failed += v.numFailedTests ?? 0;
  skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
}
if (existsSync(playwrightJson)) {
  const s = JSON.parse(readFileSync(playwrightJson, 'utf8')).stats ?? {};
  passed += (s.expected ?? 0) + (s.flaky ?? 0);
  failed += s.unexpected ?? 0;
  skipped += s.skipped ?? 0;
}

console.log('\nSummary');
for (const s of steps) console.log(`  ${s.ok ? 'ok  ' : 'FAIL'}  ${s.name}${s.seconds !== '-' ? ` (${s.seconds}s)` : ''}`);
const stepFailures = steps.filter((s) => !s.ok).length;
// A failed step with no failing test behind it (typecheck, lint, build, a crashed runner) counts as one failure.
const unexplained = steps.filter((s) => !s.ok && !(s.name.startsWith('unit') && failed > 0) && !(s.name.startsWith('end-to-end') && failed > 0)).length;
console.log(`${passed} passed, ${failed + unexplained} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(stepFailures > 0 || failed > 0 ? 1 : 0);

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
