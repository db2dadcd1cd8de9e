/**
 * Presentation mode on the demo fleet, in real Chromium: one toggle in the
 * top bar (remembered), a clear "Presentation on" badge, and no account id,
 * account part of an ARN or runtime session id left anywhere in the page —
 * fields, agent output, log lines and span attributes alike — while the same
 * account keeps the same pseudonym from page to page.
 */
import type { Page } from '@playwright/test';
import { ChatPage } from './pages/chat';
import { ConsolePage } from './pages/console';
import { FleetPage } from './pages/fleet';
import { LogsPage } from './pages/logs';
import { MetricsPage } from './pages/metrics';
import { callHost, expect, runtimeKey, setEmulatorFaults, test } from './fixtures/web-host';

/** Every 12-digit run in the page's text and attributes (an AWS account id, or a part of an ARN). */
const accountIdsIn = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const doc = (globalThis as unknown as { document: { body: { innerText: string; outerHTML: string } } }).document;
    const text = `${doc.body.innerText}\n${doc.body.outerHTML}`;
    return [...new Set(text.match(/(?<![\d])\d{12}(?![\d])/g) ?? [])];
  });
const sessionIdsIn = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const doc = (globalThis as unknown as { document: { body: { innerText: string } } }).document;
    return [...new Set(doc.body.innerText.match(/console-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? [])];
  });

test('presentation mode masks identifiers everywhere, consistently, and is remembered', async ({ page, host }) => {
  const console = new ConsolePage(page);
  await console.open(host.openUrl);
  await console.navigate('Fleet');
  const fleet = new FleetPage(page);
  await expect(fleet.rows().first()).toBeVisible();
  expect((await accountIdsIn(page)).length).toBeGreaterThan(0); // the check can see them when they are there

  await page.getByRole('button', { name: /^Presentation mode: mask/ }).click();
  await expect(page.getByRole('button', { name: /Presentation mode is on/ })).toBeVisible();
  await expect(page.locator('body.presentation-mode')).toBeAttached();
  await expect(fleet.rows().first()).toContainText('account-A');
  expect(await accountIdsIn(page)).toEqual([]);

  await fleet.openByName('sre_supervisor');
  await expect(page.getByTestId('page-fleet-detail')).toBeVisible();
  await expect(page.locator('main, body').first()).toContainText('account-A');
  expect(await accountIdsIn(page)).toEqual([]);

  const chat = new ChatPage(page);
  await chat.openAgent(await runtimeKey(host, 'sre_supervisor'));
  await chat.newSession();
  const reply = await chat.send('Which account is checkout-api in? Show its ARN.');
  await expect(reply).toHaveAttribute('data-state', /complete|incomplete|error/);
  expect(await accountIdsIn(page)).toEqual([]);
  expect(await sessionIdsIn(page)).toEqual([]);

  await reply.getByTestId('chat-open-logs').click();
  await new LogsPage(page).waitForLines();
  expect(await accountIdsIn(page)).toEqual([]);
  expect(await sessionIdsIn(page)).toEqual([]);

  // Remembered: a reload comes back in presentation mode.
  await page.reload();
  await expect(page.getByRole('button', { name: /Presentation mode is on/ })).toBeVisible({ timeout: 30_000 });
  expect(console.pageErrors).toEqual([]);
});

test('presentation mode masks the account in AWS’s own error messages: a region denied, CloudWatch refused, live tail denied', async ({ page, host }) => {
  const console = new ConsolePage(page);
  await console.open(host.openUrl);
  await page.getByRole('button', { name: /^Presentation mode: mask/ }).click();
  await expect(page.getByRole('button', { name: /Presentation mode is on/ })).toBeVisible();
  await setEmulatorFaults(host, {
    rules: [
      { operation: 'ListAgentRuntimes', region: 'eu-central-1', accessDeniedRate: 1 },
      { operation: 'GetMetricData', region: 'eu-central-1', accessDeniedRate: 1 },
      { operation: 'StartLiveTail', accessDeniedRate: 1 },
    ],
  });
  // As IAM words it, the denial names the caller's role ARN, account and all: the mask has something to do.
  const polled = await callHost<{ cells: Array<{ region: string; error?: { message: string } }> }>(host, 'fleet.refresh', {});
  expect(polled.cells.find((c) => c.region === 'eu-central-1')?.error?.message).toMatch(/arn:aws:sts::\d{12}:assumed-role/);

  await console.navigate('Fleet');
  await expect(page.getByTestId('cell-error')).toContainText(/arn:aws:sts::account-A:assumed-role/);
  // AWS's message ends without a full stop; the alert's own sentence follows it as a sentence.
  await expect(page.getByTestId('cell-error')).toContainText(/service control policy\. (Showing this region’s resources from|No data from this region yet)/);
  expect(await accountIdsIn(page)).toEqual([]);

  const metrics = new MetricsPage(page);
  await metrics.openFleet();
  await expect(page.getByTestId('metrics-notice-aws_error')).toContainText('account-A');
  expect(await accountIdsIn(page)).toEqual([]);

  const chat = new ChatPage(page);
  await chat.openAgent(await runtimeKey(host, 'sre_supervisor'));
  await chat.newSession();
  await expect(await chat.send('Is the checkout queue draining?')).toHaveAttribute('data-state', 'complete');
  await chat.assistantMessages().first().getByTestId('chat-open-logs').click();
  const logs = new LogsPage(page);
  await logs.mode('Live');
  await expect(logs.tailMode()).toHaveAttribute('data-mode', 'polling');
  await expect(logs.pane()).toContainText(/denied/i);
  expect(await accountIdsIn(page)).toEqual([]);
  expect(console.pageErrors).toEqual([]);
});
