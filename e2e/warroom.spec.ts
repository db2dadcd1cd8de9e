/**
 * The war room on the demo fleet, in real Chromium: a board of every failing
 * agent shows the fleet's broken runtime highlighted, an incident takes a
 * note and exports its Markdown report, and a read-only share opened in a
 * second browser context shows the board but can invoke, delete and change
 * nothing, and never receives an unredacted account id.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { ConsolePage } from './pages/console';
import { WarRoomPage } from './pages/warroom';
import { callHost, expect, test } from './fixtures/web-host';

const ACCOUNT_ID = /(?<![0-9])\d{12}(?![0-9])/;

test('a board of failing agents, an incident with a note and a report, and a share that can only watch', async ({ page, host, browser }) => {
  const console = new ConsolePage(page);
  await console.open(host.openUrl);
  const fleet = await callHost<{ resources: Array<{ kind: string; accountId: string; health: string; name: string }> }>(host, 'fleet.refresh', {});
  const accounts = [...new Set(fleet.resources.map((r) => r.accountId))];
  expect(accounts.length).toBeGreaterThan(0);

  const room = new WarRoomPage(page);
  await room.open();
  await expect(room.tiles().first()).toBeVisible({ timeout: 30_000 });
  const failing = room.tiles().and(page.locator('[data-health="failing"]'));
  await expect(failing.first()).toBeVisible();
  await expect(failing.first()).toContainText('Failing');
  // Failing first: the first tile is the highlighted one.
  await expect(room.tiles().first()).toHaveAttribute('data-health', 'failing');

  await room.startIncident('Checkout degraded after deploy');
  await room.addNote('Rolled back checkout-agent to v41; watching the error rate');
  await expect(room.timeline().filter({ hasText: 'Rolled back checkout-agent' })).toBeVisible();
  await page.getByRole('heading', { name: 'Checkout degraded after deploy' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'e2e/artifacts/warroom-incident.png' });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export report' }).click();
  const report = readFileSync(await (await download).path(), 'utf8');
  expect(report).toContain('# Checkout degraded after deploy');
  expect(report).toContain('UTC');
  expect(report).toContain('Rolled back checkout-agent to v41');

  const share = await callHost<{ url: string }>(host, 'share.start', { minutes: 30, maxViewers: 3 });
  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  const bodies: string[] = [];
  viewer.on('response', (response) => {
    bodies.push(response.url());
    void response
      .text()
      .then((text) => bodies.push(text))
      .catch(() => undefined);
  });
  await viewer.goto(share.url);
  await expect(viewer.locator('body[data-app-state="ready"]')).toBeAttached({ timeout: 30_000 });
  await viewer.evaluate(() => ((globalThis as unknown as { location: { hash: string } }).location.hash = '#/warroom'));
  await expect(viewer.getByTestId('board-tile').first()).toBeVisible({ timeout: 30_000 });
  await expect(viewer.getByTestId('board-tile').first()).toHaveAttribute('data-health', 'failing');

  await expectRefused(viewer, 'chat.sessions.create', { agentKey: 'demo|us-east-1|runtime|x', qualifier: 'DEFAULT' });
  await expectRefused(viewer, 'memory.deleteRecords', {});
  await expectRefused(viewer, 'settings.set', { theme: 'dark' });
  await expectRefused(viewer, 'warroom.addNote', { text: 'a viewer note' });
  await expectRefused(viewer, 'traces.stopSession', {});
  await expectRefused(viewer, 'loadtest.start', {});

  await viewer.evaluate(() => ((globalThis as unknown as { location: { hash: string } }).location.hash = '#/fleet'));
  await expect(viewer.getByTestId('page-fleet')).toBeVisible();
  await viewer.waitForTimeout(1000);
  const dom = await viewer.content();
  for (const account of accounts) {
    expect(dom).not.toContain(account);
    for (const body of bodies) expect(body).not.toContain(account);
  }
  expect(dom).not.toMatch(ACCOUNT_ID);
  await viewerContext.close();
  expect(console.pageErrors).toEqual([]);
});

/** Calls the API from the viewer's own page, with its cookie: main must refuse before any handler runs. */
async function expectRefused(viewer: Page, method: string, input: unknown): Promise<void> {
  const status = await viewer.evaluate(
    async ([m, i]) => (await fetch(`/api/${m as string}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(i) })).status,
    [method, input] as const,
  );
  expect(status, `${method} from a viewer`).toBe(403);
}

test('the board at 1920×1080 in light and dark, driven by keyboard alone', async ({ page, host }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const console = new ConsolePage(page);
  await console.open(host.openUrl);
  const room = new WarRoomPage(page);
  await room.open('show=all&panel=off');
  await expect(room.tiles().nth(5)).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.board-status__clock')).toContainText('updated');
  await page.screenshot({ path: 'e2e/artifacts/warroom-board-light.png' });

  // Arrows move between tiles, Tab goes on into the focused tile's links, Enter follows one.
  await room.tiles().first().focus();
  await page.keyboard.press('ArrowRight');
  const second = room.tiles().nth(1);
  await expect(second).toBeFocused();
  const name = (await second.getByRole('heading').textContent()) ?? '';
  await page.keyboard.press('Tab');
  await expect(second.getByRole('link', { name: 'Logs' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/metrics\?agent=/);
  await expect(page.getByTestId('page-metrics')).toBeVisible();
  expect(name.length).toBeGreaterThan(0);

  await callHost(host, 'settings.set', { theme: 'dark' });
  await room.open('show=all&panel=off');
  await expect(page.locator('body.awsui-dark-mode')).toBeAttached();
  await expect(room.tiles().nth(5)).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: 'e2e/artifacts/warroom-board-dark.png' });
  expect(console.pageErrors).toEqual([]);
});
