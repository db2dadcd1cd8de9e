/**
 * The metrics page on the demo fleet, in real Chromium: the fleet view worst
 * first and a row opening its agent; an agent's charts over each range with
 * the SLO lines on them; the slow demo agent breaching its default p99 SLO;
 * thresholds tightened in the editor (a bad value shown
 * at its field) until the agent breaches, which its badge and shaded periods
 * show; and a cost figure whose formula and inputs use the prices of
 * resources/pricing.json, the file itself read here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConsolePage } from './pages/console';
import { MetricsPage } from './pages/metrics';
import { expect, runtimeKey, test } from './fixtures/web-host';

interface PriceFile {
  source: string;
  checked: string;
  entries: Array<{ id: string; label: string; usd: number; per: string }>;
}

const prices = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'resources', 'pricing.json'), 'utf8')) as PriceFile;

test('the fleet view lists agents worst first, and a row opens its agent', async ({ page, host }) => {
  const console = new ConsolePage(page);
  const metrics = new MetricsPage(page);
  await console.open(host.openUrl);
  await console.navigate('Metrics');
  await expect(metrics.fleetTable()).toBeVisible({ timeout: 30_000 });
  for (const tile of ['invocations', 'errorRate', 'p99', 'cost']) await expect(metrics.tile(tile)).toBeVisible();
  await expect(page.getByTestId('metrics-month-end')).toBeVisible();

  const row = metrics.fleetTable().getByRole('row').filter({ hasText: 'sre_supervisor' }).first();
  await row.getByTestId('metrics-open-agent').click();
  await expect(page).toHaveURL(/#\/metrics\?agent=/);
  await metrics.waitForCharts();
  await expect(page.getByRole('navigation', { name: 'Breadcrumbs' })).toContainText('sre_supervisor');
  expect(console.pageErrors).toEqual([]);
  expect(console.cspViolations).toEqual([]);
});

test('the slow demo agent breaches its default p99 SLO: badged in the fleet table and on its own page, with the SLO line drawn', async ({ page, host }) => {
  const console = new ConsolePage(page);
  const metrics = new MetricsPage(page);
  await console.open(host.openUrl);
  await console.navigate('Metrics');
  await expect(metrics.fleetTable()).toBeVisible({ timeout: 30_000 });
  const slow = metrics.fleetTable().getByRole('row').filter({ hasText: 'strands_research_agent' }).first();
  await expect(slow.getByTestId('metrics-row-breached')).toBeVisible();

  await metrics.openAgent(await runtimeKey(host, 'strands_research_agent'), 'range=24h');
  await expect(metrics.breachBadge()).toBeVisible({ timeout: 30_000 });
  await expect(metrics.chart('latency')).toContainText('p99 SLO 10 s');
  await expect(metrics.breachAreas('latency').first()).toBeAttached();
  expect(console.pageErrors).toEqual([]);
});

test('an agent’s charts follow the range, carry its SLO lines, and show a breach once its thresholds are tightened', async ({ page, host }) => {
  const console = new ConsolePage(page);
  const metrics = new MetricsPage(page);
  await console.open(host.openUrl);
  const key = await runtimeKey(host, 'sre_supervisor');
  await metrics.openAgent(key);

  for (const range of ['6h', '24h', '7d', '1h'] as const) {
    await metrics.range(range);
    await expect(page).toHaveURL(range === '1h' ? /#\/metrics\?agent=[^&]+$/ : new RegExp(`range=${range}`));
    await metrics.waitForCharts();
  }
  // Fixed bounds (a custom range, or a link from a breach) chart exactly that period.
  const to = Date.now() - 3_600_000;
  await metrics.openAgent(key, `from=${to - 2 * 3_600_000}&to=${to}`);
  await expect(page.getByTestId('metrics-range').getByRole('button', { pressed: true })).toHaveCount(0);
  await metrics.range('24h');
  await expect(metrics.chart('latency')).toBeVisible();
  await expect(metrics.referenceLines('latency')).toHaveCount(1);
  await expect(metrics.referenceLines('errorRate')).toHaveCount(1);

  // A legend item hides its series and shows it again.
  const p50 = metrics.chart('latency').getByTestId('metrics-legend-item').filter({ hasText: 'p50' }).first();
  await p50.click();
  await expect(p50).toHaveAttribute('aria-pressed', 'false');
  await p50.click();
  await expect(p50).toHaveAttribute('aria-pressed', 'true');

  // Each chart exports its series as CSV and its drawing as PNG, made in the page (no remote content, nothing the CSP refuses).
  for (const [item, pattern] of [
    ['Download CSV', /^latency-.*\.csv$/],
    ['Download PNG', /^latency-.*\.png$/],
  ] as const) {
    await metrics.chart('latency').getByRole('button', { name: 'Export Latency' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: item }).click();
    expect((await download).suggestedFilename()).toMatch(pattern);
  }
  expect(console.cspViolations).toEqual([]);

  // A value main would refuse is said at its field, and nothing is saved.
  await page.getByTestId('metrics-edit-slo').click();
  await metrics.sloEditor().getByLabel('p99 latency threshold (ms)').fill('0');
  await metrics.sloEditor().getByTestId('metrics-slo-save').click();
  await expect(metrics.sloEditor()).toContainText('Between 1 ms and one hour');
  await metrics.sloEditor().getByRole('button', { name: 'Cancel' }).click();

  // A 1 ms p99 threshold: every period with traffic breaches it.
  await metrics.setSlo('0', '1');
  await expect(metrics.sloEditor()).toBeHidden();
  await expect(metrics.breachBadge()).toBeVisible({ timeout: 30_000 });
  await expect(metrics.breachAreas('latency').first()).toBeAttached();
  await expect(metrics.chart('latency')).toContainText('p99 SLO 1 ms');
  await expect(
    page
      .getByTestId('metrics-breaches')
      .getByRole('link', { name: /Logs of the p99 latency breach/ })
      .first(),
  ).toBeVisible();
  await page.screenshot({ path: 'e2e/artifacts/metrics-agent-breach.png', fullPage: true });
  expect(console.pageErrors).toEqual([]);
});

test('a cost figure opens its formula and inputs, priced from resources/pricing.json', async ({ page, host }) => {
  const console = new ConsolePage(page);
  const metrics = new MetricsPage(page);
  await console.open(host.openUrl);
  await metrics.openAgent(await runtimeKey(host, 'sre_supervisor'), 'range=24h');

  await expect(metrics.costLines().first()).toBeVisible();
  const count = await metrics.costLines().count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i += 1) {
    await metrics.costLines().nth(i).click();
    const details = metrics.costDetails();
    await expect(details).toBeVisible();
    const priceId = (await details.getByTestId('metrics-cost-price-id').innerText()).trim();
    const entry = prices.entries.find((e) => e.id === priceId);
    expect(entry, `price ${priceId} is in resources/pricing.json`).toBeDefined();
    // The formula names the price it used, and the popover the entry and the table's date.
    const formula = await details.getByTestId('metrics-cost-formula').innerText();
    expect(formula).toContain(String(entry!.usd));
    await expect(details).toContainText(entry!.per);
    await expect(details).toContainText(prices.checked);
    await expect(details.getByTestId('metrics-cost-inputs').getByRole('row')).not.toHaveCount(1);
    await page.keyboard.press('Escape');
    await expect(details).toBeHidden();
  }
  expect(console.pageErrors).toEqual([]);
});

test('a price overridden in Settings is the one the cost figures use, and clearing it brings the file’s back', async ({ page, host }) => {
  const console = new ConsolePage(page);
  const metrics = new MetricsPage(page);
  await console.open(host.openUrl);
  await console.navigate('Settings');
  const panel = page.getByTestId('settings-prices');
  const cpu = panel.getByLabel(/^Price override for Runtime CPU/);
  await cpu.fill('0.5');
  await panel.getByTestId('prices-save').click();
  await expect(panel.getByText('Overridden')).toBeVisible();

  await metrics.openAgent(await runtimeKey(host, 'sre_supervisor'), 'range=24h');
  await page.getByRole('row').filter({ hasText: 'Runtime CPU' }).getByTestId('metrics-cost-line').click();
  const details = metrics.costDetails();
  await expect(details.getByTestId('metrics-cost-price-id')).toHaveText('runtime.cpu');
  await expect(details.getByTestId('metrics-cost-formula')).toContainText('$0.5 ');
  await page.keyboard.press('Escape');

  await console.navigate('Settings');
  await panel.getByRole('button', { name: 'Use the file’s prices' }).click();
  await panel.getByTestId('prices-save').click();
  await expect(panel.getByText('Overridden')).toHaveCount(0);
  await expect(cpu).toHaveAttribute('placeholder', String(prices.entries.find((e) => e.id === 'runtime.cpu')!.usd));
  expect(console.pageErrors).toEqual([]);
});

test('the palette opens a memory’s metrics on the same charts, with its cost', async ({ page, host }) => {
  const console = new ConsolePage(page);
  const metrics = new MetricsPage(page);
  await console.open(host.openUrl);
  await console.openPalette();
  await page.keyboard.type('Metrics: sre_agent_memory');
  await page
    .getByRole('option', { name: /Metrics: sre_agent_memory/ })
    .first()
    .click();
  await expect(page).toHaveURL(/#\/metrics\?resource=/);
  await expect(metrics.header()).toHaveText('sre_agent_memory');
  await expect(page.getByTestId('metrics-cost')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('[data-testid^="metrics-chart-"]').first()).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Breadcrumbs' })).toContainText('sre_agent_memory');
  await page.screenshot({ path: 'e2e/artifacts/metrics-memory.png', fullPage: true });
  expect(console.pageErrors).toEqual([]);
});
