/**
 * The read-only share in real Chromium: the owner starts one from the top
 * bar, a second browser opens the link and watches the fleet and metrics in
 * the viewer shell, redacted, and cannot invoke, delete or change settings
 * even by calling the API itself; the owner sees the viewer count; Stop ends
 * the viewer's session for good; a full share says so; the share keeps
 * working after the owner's page is gone. (Expiry is covered at the
 * integration level: src/main/host/share-lifecycle.test.ts sets the clock.)
 */
import type { Browser } from '@playwright/test';
import { ConsolePage } from './pages/console';
import { FleetPage } from './pages/fleet';
import { MetricsPage } from './pages/metrics';
import { accountIdsIn, ShareOwner, ShareViewer } from './pages/share';
import { expect, test } from './fixtures/web-host';

// Not after a decimal point: a fraction such as 0.001769094625 in a JSON number is no account id.
const RAW_ACCOUNT = /(?<![\d.])\d{12}(?!\d)/;

async function viewerIn(browser: Browser, url: string): Promise<ShareViewer> {
  const context = await browser.newContext();
  const viewer = new ShareViewer(await context.newPage());
  await viewer.open(url);
  return viewer;
}

test('a viewer watches the fleet and metrics redacted, cannot change anything, and Stop ends the share for good', async ({ page, host, browser }) => {
  const owner = new ConsolePage(page);
  await owner.open(host.openUrl);
  const fleet = new FleetPage(page);
  await expect(fleet.rows().first()).toBeVisible();
  expect(await accountIdsIn(page)).not.toEqual([]); // the check sees account ids where they are shown
  const share = new ShareOwner(page);
  const url = await share.start();
  expect(new URL(url).origin).not.toBe(host.url);

  const viewer = await viewerIn(browser, url);
  await expect(viewer.badge()).toHaveText(/^Read-only share · expires in (59 min|1 h)$/);
  await expect(new FleetPage(viewer.page).rows().first()).toBeVisible();
  await expect(viewer.nav().getByRole('link')).toHaveText(['AgentCore Ops · shared', 'Fleet', 'Logs', 'Traces', 'Metrics', 'War room']);
  await expect(viewer.page.getByRole('button', { name: /Presentation/ })).toHaveCount(0);
  await expect(viewer.page.getByRole('button', { name: 'Settings' })).toHaveCount(0);
  await expect(viewer.page.getByRole('button', { name: 'Refresh fleet' })).toHaveCount(0);
  await expect(viewer.page.locator('body.presentation-mode')).toBeAttached();
  await expect(share.indicator()).toHaveText('Sharing — 1 viewer');

  const metrics = new MetricsPage(viewer.page);
  await metrics.openFleet();
  await expect(metrics.fleetTable().locator('tbody tr').first()).toBeVisible();
  await viewer.page.evaluate(() => ((globalThis as unknown as { location: { hash: string } }).location.hash = '#/logs'));
  await expect(viewer.page.getByTestId('page-logs')).toBeVisible();
  // The pages ask main only for what a viewer may read: no call of theirs is refused (and logged as failed).
  expect(viewer.bodies.filter(({ body }) => body.includes('"forbidden"')).map(({ url }) => url)).toEqual([]);

  // Every refusal comes from main, whatever the page shows.
  for (const [method, input] of [
    ['chat.sessions.create', { agentKey: 'demo|us-east-1|runtime|x' }],
    ['chat.sessions.delete', { id: 'x' }],
    ['memory.deleteEvent', {}],
    ['settings.set', { theme: 'dark' }],
    ['settings.get', {}],
    ['traces.stopSession', {}],
    ['share.stop', {}],
  ] as const) {
    const answer = await viewer.call(method, input);
    expect(answer.status, method).toBe(403);
    expect(answer.body.error?.code, method).toBe('forbidden');
  }
  await viewer.page.evaluate(() => ((globalThis as unknown as { location: { hash: string } }).location.hash = '#/chat'));
  await expect(viewer.page.getByTestId('not-shared')).toContainText('Chat is not part of this read-only share');

  expect(await accountIdsIn(viewer.page)).toEqual([]);
  expect(viewer.bodies.length).toBeGreaterThan(5);
  expect(viewer.bodies.filter(({ body }) => RAW_ACCOUNT.test(body)).map(({ url, body }) => `${url}: ${RAW_ACCOUNT.exec(body)?.[0]}`)).toEqual([]);

  await share.stop();
  await expect(viewer.page.getByTestId('share-ended')).toContainText('This share has ended');
  await viewer.page.goto(url);
  await expect(viewer.page.locator('body')).toContainText('This share has ended');
  await viewer.page.context().close();
});

test('past its viewer cap a share says it is full; it keeps serving after the owner’s page closes', async ({ page, host, browser }) => {
  const owner = new ConsolePage(page);
  await owner.open(host.openUrl);
  const url = await new ShareOwner(page).start({ maxViewers: 1 });
  const first = await viewerIn(browser, url);

  const context = await browser.newContext();
  const second = await context.newPage();
  await second.goto(url);
  await expect(second.locator('body')).toContainText('This share is full (1 viewer)');
  await context.close();

  await page.close();
  await new FleetPage(first.page).rows().first().waitFor();
  const metrics = new MetricsPage(first.page);
  await metrics.openFleet();
  await expect(metrics.fleetTable().locator('tbody tr').first()).toBeVisible();
  await first.page.reload();
  await expect(first.page.locator('body[data-app-state="ready"]')).toBeAttached({ timeout: 30_000 });
  await expect(first.badge()).toBeVisible();
  await first.page.context().close();
});
