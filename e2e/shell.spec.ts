/** The app shell in real Chromium against the real web host on the demo fleet. */
import { ConsolePage, pages } from './pages/console';
import { expect, test } from './fixtures/web-host';

test('the shell renders the demo fleet with its badge and no CSP violations', async ({ page, host }) => {
  const console = new ConsolePage(page);
  await console.open(host.openUrl);
  // The token was swapped for a cookie and is gone from the address bar.
  expect(page.url()).not.toContain('token=');
  await expect(page.getByTestId('data-source-badge').first()).toContainText('Demo fleet');
  await expect(console.header('fleet')).toBeVisible();
  await expect(page.getByTestId('fleet-summary')).toContainText('READY');
  await expect(page.getByTestId('fleet-table').getByRole('row').nth(1)).toBeVisible();
  await page.screenshot({ path: 'e2e/artifacts/shell-fleet.png' });
  expect(console.cspViolations).toEqual([]);
  expect(console.pageErrors).toEqual([]);
});

test('side navigation reaches every page', async ({ page, host }) => {
  const console = new ConsolePage(page);
  await console.open(host.openUrl);
  for (const target of pages) {
    await console.navigate(target.label);
    await expect(console.header(target.id)).toBeVisible();
    expect(page.url()).toContain(`#/${target.id}`);
  }
  expect(console.pageErrors).toEqual([]);
});

test('the command palette jumps to a page from the keyboard', async ({ page, host }) => {
  const console = new ConsolePage(page);
  await console.open(host.openUrl);
  await console.openPalette();
  await page.keyboard.type('Settings');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(console.header('settings')).toBeVisible();
});

test('dark mode follows the operating system', async ({ page, host }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const console = new ConsolePage(page);
  await console.open(host.openUrl);
  await expect(page.locator('body.awsui-dark-mode')).toBeAttached();
  await page.screenshot({ path: 'e2e/artifacts/shell-fleet-dark.png' });
});
