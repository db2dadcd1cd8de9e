/**
 * The load-test page on the demo fleet, in real Chromium: the field reports'
 * acceptance table (10 users < 2 s 100 %, 50 < 5 s 100 %, 100 < 10 s 99 %,
 * 200 < 15 s 98 %) run against an agent with injected latency and seeded
 * throttling — live charts while it runs, the expected pass/fail per row,
 * exports, and the run found again after the host restarts on the same data
 * dir; the scenario handed to a real `artillery run` against the emulator and
 * its report imported back; and bad input refused at its field.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { ensureArtillery, runArtilleryScript } from '../test/helpers/artillery';
import { ConsolePage } from './pages/console';
import { LoadTestPage } from './pages/loadtest';
import { emulatorUrl, expect, runtimeKey, setEmulatorFaults, startHost, test, type RunningHost } from './fixtures/web-host';

/**
 * 300–900 ms a reply, and 1.5 % of calls throttled. The dice are seeded and
 * each stage's requests take the next block of them, so with 100 requests a
 * stage the throttles fall 2, 3, 1, 1: the two rows that allow no failure
 * fail, the 99 % and 98 % rows pass.
 */
const SEEDED_FAULTS = { seed: 6, rules: [{ operation: 'InvokeAgentRuntime', latencyMs: 300, jitterMs: 600, throttleRate: 0.015 }] };

async function fillScenario(page: Page, host: RunningHost, name: string): Promise<LoadTestPage> {
  const loadtest = new LoadTestPage(page);
  await loadtest.openNew(await runtimeKey(host, 'sre_supervisor'));
  await loadtest.name(name);
  await loadtest.prompt(0, 'Why is checkout-api slow after the deploy?');
  await loadtest.prompt(1, 'Is payments-api affected too?');
  return loadtest;
}

test('the seed acceptance table under latency and throttling: live charts, pass/fail per row, exports, and the run again after a restart', async ({
  page,
  host,
}) => {
  test.setTimeout(180_000);
  const console = new ConsolePage(page);
  await console.open(host.openUrl);
  await setEmulatorFaults(host, SEEDED_FAULTS);
  const loadtest = await fillScenario(page, host, 'Checkout acceptance');
  await loadtest.stopAfterRequests(100);
  await loadtest.seedTable();
  await expect(loadtest.page.getByRole('spinbutton', { name: 'Virtual users (users), row 4' })).toHaveValue('200');
  // Four stages of 100 requests: an exact count, not an upper bound.
  await expect(loadtest.estimateRequests()).toContainText('400');
  await expect(loadtest.estimateRequests()).toContainText('Exact');
  await loadtest.start().click();

  await expect(loadtest.live()).toBeVisible();
  await expect(page).toHaveURL(/#\/loadtest\?run=/);
  await expect(loadtest.chart('throughput').locator('svg.recharts-surface')).toBeVisible();
  await expect(loadtest.chart('latency').locator('.recharts-line').first()).toBeAttached();

  await expect(loadtest.result()).toBeVisible({ timeout: 90_000 });
  await expect(loadtest.verdict()).toHaveAttribute('data-verdict', 'fail');
  expect(await loadtest.acceptanceResults()).toEqual(['Fail', 'Fail', 'Pass', 'Pass']);
  // Throttling is reported as throttling, with AWS's own message.
  const throttled = page.locator('[data-error-class="throttled"]');
  await expect(throttled).toContainText('Throttled (429): 7');
  await expect(page.locator('[data-error-class]')).toHaveCount(1);
  await expect(loadtest.chart('latency').locator('svg.recharts-surface')).toBeVisible();
  const runUrl = page.url();

  const markdown = await loadtest.exportRun('Markdown');
  const text = readFileSync((await markdown.path())!, 'utf8');
  expect(text).toContain('Checkout acceptance');
  expect(text).toMatch(/FAIL|Fail/);
  const json = JSON.parse(readFileSync((await (await loadtest.exportRun('JSON')).path())!, 'utf8')) as { summary: { requests: number } };
  expect(json.summary.requests).toBe(400);

  // The same data dir after a restart: the run is listed and opens with the same verdicts.
  await host.stop();
  const again = await startHost({ dataDir: host.dataDir });
  try {
    await new ConsolePage(page).open(again.openUrl);
    await loadtest.openRuns();
    await expect(loadtest.runLink('Checkout acceptance')).toBeVisible();
    await loadtest.runLink('Checkout acceptance').click();
    await expect(loadtest.result()).toBeVisible();
    expect(await loadtest.acceptanceResults()).toEqual(['Fail', 'Fail', 'Pass', 'Pass']);
    expect(new URL(page.url()).hash).toBe(new URL(runUrl).hash);
  } finally {
    await again.stop();
  }
  expect(console.pageErrors).toEqual([]);
});

test('bad input: zero users and an empty prompt set are refused at their fields, and a malformed prompt file shows main’s error with its line', async ({
  page,
  host,
}) => {
  const console = new ConsolePage(page);
  await console.open(host.openUrl);
  const loadtest = await fillScenario(page, host, 'Bad input');
  await expect(loadtest.estimateRequests()).toBeVisible();
  await expect(loadtest.start()).toBeEnabled();

  await loadtest.setNumber('users', '0');
  await loadtest.prompt(1, '');
  await loadtest.prompt(0, '');
  await expect(loadtest.field('users')).toContainText('At least one virtual user');
  await expect(loadtest.promptsField()).toContainText('Add at least one prompt');
  await expect(loadtest.start()).toBeDisabled();
  await expect(page.getByTestId('loadtest-blocking')).toContainText('Virtual users: At least one virtual user');

  await loadtest.setNumber('users', '5');
  await loadtest.promptFile('prompts.jsonl', '{"prompt": "Why is checkout-api slow?"}\n{"prompt": "unterminated\n');
  await expect(loadtest.promptsField()).toContainText('prompts.jsonl, line 2: not valid JSON');
  await expect(page.getByTestId('loadtest-estimate-error')).toContainText('line 2');
  await expect(loadtest.start()).toBeDisabled();
  expect(console.pageErrors).toEqual([]);
});

test('a scenario saved by name loads again, Stop ends its run at once and keeps what it measured, and Run again copies it', async ({ page, host }) => {
  const console = new ConsolePage(page);
  await console.open(host.openUrl);
  await setEmulatorFaults(host, { rules: [{ operation: 'InvokeAgentRuntime', latencyMs: 200 }] });
  const loadtest = await fillScenario(page, host, 'Soak');
  await loadtest.setNumber('users', '5');
  await loadtest.setNumber('durationSeconds', '600');
  await loadtest.saveScenario();
  await expect(page.getByText('Saved scenario “Soak”')).toBeVisible();

  await loadtest.openNew();
  await loadtest.loadScenario('Soak');
  await expect(loadtest.field('name').locator('input')).toHaveValue('Soak');
  await expect(loadtest.field('durationSeconds').locator('input')).toHaveValue('600');
  await expect(loadtest.estimateRequests()).toContainText('≤');
  await loadtest.start().click();

  await expect(loadtest.live()).toBeVisible();
  await expect(loadtest.tile('throughput')).toContainText('req/s');
  await expect(loadtest.tile('success')).toContainText(/ of [1-9]/);
  await page.getByTestId('loadtest-stop').click();
  await expect(loadtest.result()).toBeVisible();
  await expect(loadtest.result()).toContainText('Stopped');
  await expect(page.getByTestId('loadtest-stages')).toContainText('5');
  await expect(loadtest.tile('requests')).not.toHaveText(/Requests\s*0\b/);

  await page.getByTestId('loadtest-run-again').click();
  await expect(loadtest.header()).toHaveText('New load test');
  await expect(loadtest.field('name').locator('input')).toHaveValue('Soak');
  expect(console.pageErrors).toEqual([]);
});

test('the scenario handed to a real `artillery run` against the emulator, and its report imported back into the same pass/fail table', async ({
  page,
  host,
}) => {
  test.setTimeout(20 * 60_000);
  const { bin } = await ensureArtillery();
  const dir = mkdtempSync(join(tmpdir(), 'e2e-artillery-'));
  try {
    const console = new ConsolePage(page);
    await console.open(host.openUrl);
    await setEmulatorFaults(host, { rules: [{ operation: 'InvokeAgentRuntime', latencyMs: 50 }] });
    const loadtest = await fillScenario(page, host, 'Artillery hand-off');
    // The seed table's shape at a tenth of the users, two seconds a stage, and a last row no reply can meet (50 ms at least).
    await loadtest.setNumber('durationSeconds', '2');
    await loadtest.seedTable();
    for (const [row, users] of ['1', '5', '10', '20'].entries())
      await page.getByRole('spinbutton', { name: `Virtual users (users), row ${row + 1}` }).fill(users);
    await page.getByRole('button', { name: 'Add row' }).click();
    await page.getByRole('spinbutton', { name: 'Virtual users (users), row 5' }).fill('2');
    await page.getByRole('spinbutton', { name: 'Latency limit (seconds), row 5' }).fill('0.02');
    await expect(loadtest.estimateRequests()).toBeVisible();

    await loadtest.openArtilleryExport();
    await expect(loadtest.artilleryDialog().getByTestId('loadtest-artillery-command')).toContainText(
      'artillery run artillery-hand-off.artillery.yml --output report.json',
    );
    const buttons = loadtest.artilleryDialog().getByTestId('loadtest-artillery-download');
    const names: string[] = [];
    for (let i = 0; i < (await buttons.count()); i++) {
      const download = await loadtest.downloadFrom(() => buttons.nth(i).click());
      names.push(download.suggestedFilename());
      await download.saveAs(join(dir, download.suggestedFilename()));
    }
    expect(names).toEqual(expect.arrayContaining(['artillery-hand-off.artillery.yml', 'artillery-hand-off.processor.cjs', 'package.json']));
    await page.getByRole('button', { name: 'Done' }).click();

    const report = join(dir, 'report.json');
    const result = await runArtilleryScript({ bin, dir, script: 'artillery-hand-off.artillery.yml', report, endpoint: emulatorUrl(host) });
    // `ensure` fails the last row, so Artillery exits non-zero and names the condition.
    expect(result.exitCode).not.toBe(0);
    expect(result.stdout).toMatch(/fail: agentcore\.stage_\d\.within_limit/);

    await loadtest.importArtilleryReport('report.json', readFileSync(report, 'utf8'));
    await expect(loadtest.result()).toBeVisible();
    await expect(loadtest.header()).toContainText('Artillery hand-off');
    await expect(page.getByText('imported from Artillery')).toBeVisible();
    // Stages run in order of users: the 2-user row (< 20 ms) is the second.
    expect(await loadtest.acceptanceResults()).toEqual(['Pass', 'Fail', 'Pass', 'Pass', 'Pass']);
    await expect(loadtest.verdict()).toHaveAttribute('data-verdict', 'fail');
    expect(console.pageErrors).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
