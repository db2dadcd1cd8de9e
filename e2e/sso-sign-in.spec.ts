/**
 * IAM Identity Center sign-in end to end: the real web host on a user's AWS
 * config (one SSO profile), every AWS endpoint pointed at the emulator. The
 * profile starts signed out (its fleet cells paused); the user signs in from
 * Settings, opens the sign-in page from the dialog and approves the device
 * code there (the emulator's approval page, in a new browser tab), and the
 * fleet of that account appears.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startEmulator, type RunningEmulator } from '../src/emulator/index';
import { SSO_START_URL, startHostOnAwsHome } from './fixtures/aws-home';
import type { RunningHost } from './fixtures/web-host';
import { ConsolePage } from './pages/console';

let emulator: RunningEmulator;
let host: RunningHost;
let home: string;

test.beforeAll(async () => {
  emulator = await startEmulator({ fast: true });
  ({ host, home } = await startHostOnAwsHome(emulator));
});

test.afterAll(async () => {
  await host?.stop();
  await emulator?.close();
});

test('a signed-out SSO profile signs in from Settings and its fleet appears', async ({ page }) => {
  const console = new ConsolePage(page);
  await console.open(host.openUrl);
  await expect(page.getByTestId('data-source-badge').first()).not.toContainText('Demo fleet');
  // Not signed in yet: the profile's polling is paused and says how to fix it.
  await expect(page.getByText(/Sign in/).first()).toBeVisible();

  await console.navigate('Settings');
  await page.getByTestId('profile-sign-in-ops').click();
  const code = page.getByTestId('sign-in-user-code');
  await expect(code).toContainText(/[A-Z0-9]{4}-[A-Z0-9]{4}/);
  const userCode = /[A-Z0-9]{4}-[A-Z0-9]{4}/.exec((await code.textContent()) ?? '')?.[0] ?? '';
  // The web host cannot open a browser for you (it is one): it offers the page instead.
  await expect(page.getByTestId('sign-in-open-page')).toBeVisible();
  await page.screenshot({ path: 'e2e/artifacts/sso-sign-in.png' });

  // The person opens the page (the emulator's is plain http on loopback), confirms leaving, and approves there.
  await page.getByTestId('sign-in-open-page').click();
  const leave = page.getByRole('dialog').filter({ hasText: 'Leave the console?' });
  await expect(leave).toContainText(`${emulator.url}/_emulator/approve?user_code=${userCode}`);
  const [approvalPage] = await Promise.all([page.context().waitForEvent('page'), leave.getByRole('button', { name: 'Open in browser' }).click()]);
  await expect(approvalPage.getByRole('heading', { name: 'Request approved' })).toBeVisible();
  await expect(page.getByTestId('sign-in-dialog')).toContainText('Signed in');

  await console.navigate('Fleet');
  await expect(page.getByTestId('fleet-table').getByRole('row').nth(1)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('fleet-summary')).toContainText('READY');

  // The token cache is the AWS CLI's: the `aws` CLI is signed in too.
  const cacheDir = join(home, '.aws', 'sso', 'cache');
  const [cacheFile] = readdirSync(cacheDir);
  const cached = JSON.parse(readFileSync(join(cacheDir, cacheFile as string), 'utf8')) as Record<string, unknown>;
  expect(cached).toMatchObject({ startUrl: SSO_START_URL, region: 'us-east-1' });
  expect(typeof cached.accessToken).toBe('string');
  // …and the token never reached the page.
  expect(await page.content()).not.toContain(cached.accessToken as string);
});
