/**
 * The fleet's "Not signed in / Session expired — Sign in" banner and Settings → AWS profiles, on a user's
 * AWS config with several kinds of profile (SSO, legacy SSO, assume-role, static keys, and a broken one
 * with a malformed line), every AWS endpoint pointed at the emulator.
 */
import { expect, test } from '@playwright/test';
import { startEmulator, type RunningEmulator } from '../src/emulator/index';
import { startHostOnAwsHome } from './fixtures/aws-home';
import type { RunningHost } from './fixtures/web-host';
import { ConsolePage } from './pages/console';

let emulator: RunningEmulator;
let host: RunningHost;

test.beforeAll(async () => {
  emulator = await startEmulator({ fast: true });
  ({ host } = await startHostOnAwsHome(emulator, {
    config: [
      '[profile legacy-prod]',
      'sso_start_url = https://legacy-corp.awsapps.com/start',
      'sso_region = eu-west-1',
      'sso_account_id = 444455556666',
      'sso_role_name = ReadOnly',
      'region = eu-west-1',
      '',
      '[profile deploy]',
      'role_arn = arn:aws:iam::111122223333:role/AgentCoreDeploy',
      'source_profile = static-dev',
      'region = us-west-2',
      '',
      '[profile broken]',
      'sso_session = nowhere',
      'region = us-west-2',
      'this line is not a setting',
      '',
    ],
    credentials: ['[static-dev]', 'aws_access_key_id = AKIAEXAMPLEEXAMPLE', 'aws_secret_access_key = example/secret/not-used', ''],
  }));
});

test.afterAll(async () => {
  await host?.stop();
  await emulator?.close();
});

test('a profile that needs sign-in gets its own banner on the fleet; signing in from it brings its resources', async ({ page }) => {
  const console = new ConsolePage(page);
  await console.open(host.openUrl);
  const banner = page.getByTestId('session-expired-ops');
  await expect(banner).toContainText(/Sign in to ops/);
  await page.screenshot({ path: 'e2e/artifacts/fleet-sign-in-banner.png' });

  await banner.getByRole('button', { name: 'Sign in to ops' }).click();
  const code = page.getByTestId('sign-in-user-code');
  await expect(code).toContainText(/[A-Z0-9]{4}-[A-Z0-9]{4}/);
  const userCode = /[A-Z0-9]{4}-[A-Z0-9]{4}/.exec((await code.textContent()) ?? '')?.[0] ?? '';
  await page.screenshot({ path: 'e2e/artifacts/fleet-sign-in-dialog.png' });

  const approval = await fetch(`${emulator.url}/_emulator/approve?user_code=${userCode}`);
  expect(approval.status).toBe(200);
  await expect(page.getByTestId('sign-in-dialog')).toContainText('Signed in');
  await expect(banner).toBeHidden({ timeout: 30_000 });
  await expect(page.getByTestId('fleet-table').locator('tbody tr.fleet-grid__row').first()).toBeVisible({ timeout: 30_000 });
});

test('Settings lists every profile with its kind, status and configuration problems by file and line', async ({ page }) => {
  const console = new ConsolePage(page);
  await console.open(host.openUrl);
  await console.navigate('Settings');
  const profiles = page.getByTestId('settings-profiles');
  for (const name of ['ops', 'legacy-prod', 'deploy', 'broken', 'static-dev']) await expect(profiles).toContainText(name);
  await expect(profiles).toContainText('https://d-emulator.awsapps.com/start');
  await expect(profiles).toContainText(/config:\d+/);
  await expect(profiles).toContainText('nowhere');
  await expect(page.getByTestId('profile-sign-in-legacy-prod')).toBeVisible();
  await profiles.screenshot({ path: 'e2e/artifacts/settings-profiles.png' });
  await page.screenshot({ path: 'e2e/artifacts/settings-page.png' });
  expect(await page.content()).not.toContain('example/secret/not-used');
});
