/** The fleet an SRE opens first in an incident, in real Chromium against the real web host on the demo fleet. */
import { ConsolePage } from './pages/console';
import { FleetPage } from './pages/fleet';
import { expect, test } from './fixtures/web-host';

const BROKEN = /FAILED|UNSUCCESSFUL/;

test('failures are listed first, with their reason inline and the status summary on top', async ({ page, host }) => {
  const console = new ConsolePage(page);
  const fleet = new FleetPage(page);
  await console.open(host.openUrl);
  await expect(fleet.rows().first()).toBeVisible();
  // Every broken resource comes before the first healthy one.
  const statuses = await fleet.rows().locator('[data-col="status"]').allInnerTexts();
  const firstHealthy = statuses.findIndex((text) => !BROKEN.test(text) && !/ING\b|PENDING/.test(text));
  const lastBroken = statuses.map((text) => BROKEN.test(text)).lastIndexOf(true);
  expect(lastBroken).toBeGreaterThanOrEqual(0);
  expect(lastBroken).toBeLessThan(firstHealthy);
  await expect(fleet.rows().first()).toContainText(BROKEN);
  await expect(fleet.table()).toContainText('ecr:BatchGetImage');
  await expect(page.getByTestId('fleet-summary')).toContainText(/\d+ READY/);
  await expect(page.getByTestId('fleet-summary')).toContainText(/\d+ UPDATE_FAILED/);
  await expect(page.getByTestId('fleet-as-of')).toContainText(/As of \d\d:\d\d:\d\d/);
  await page.screenshot({ path: 'e2e/artifacts/fleet-overview.png' });
  // A rollout shows live → target on its endpoint.
  await fleet.filterText('sre_supervisor');
  await expect(fleet.table()).toContainText('prod · v3 → v4');
  expect(console.pageErrors).toEqual([]);
});

test('the overview in dark mode', async ({ page, host }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const console = new ConsolePage(page);
  await console.open(host.openUrl);
  await expect(new FleetPage(page).rows().first()).toBeVisible();
  await page.screenshot({ path: 'e2e/artifacts/fleet-overview-dark.png' });
});

test('column headers stay under the top bar while the table scrolls, and j/k keep the selection in view', async ({ page, host }) => {
  const console = new ConsolePage(page);
  const fleet = new FleetPage(page);
  await console.open(host.openUrl);
  await expect(fleet.rows().first()).toBeVisible();
  const header = fleet.table().getByRole('columnheader', { name: /Status/ });
  const topBarBottom = async (): Promise<number> => (await page.locator('#top-nav').boundingBox())?.height ?? 0;

  await page.mouse.move(700, 600);
  await page.mouse.wheel(0, 900);
  await expect.poll(() => page.evaluate('window.scrollY')).toBeGreaterThan(600);
  const stuck = await header.boundingBox();
  expect(Math.abs((stuck?.y ?? -1) - (await topBarBottom()))).toBeLessThanOrEqual(1);

  // Down to the last row and back up: the selected row is never hidden under the bar and the headers.
  await page.locator('body').click({ position: { x: 5, y: 500 } });
  for (let i = 0; i < 25; i++) await page.keyboard.press('j');
  for (let i = 0; i < 20; i++) await page.keyboard.press('k');
  const selected = page.locator('tr[aria-selected="true"]');
  await expect(selected).toBeInViewport();
  const headerBox = await header.boundingBox();
  const selectedBox = await selected.boundingBox();
  expect(selectedBox?.y ?? 0).toBeGreaterThanOrEqual((headerBox?.y ?? 0) + (headerBox?.height ?? 0) - 1);
  await page.screenshot({ path: 'e2e/artifacts/fleet-scrolled.png' });
});

test('an expanded failure reason stays with its resource when the filter puts another in its row', async ({ page, host }) => {
  const console = new ConsolePage(page);
  const fleet = new FleetPage(page);
  await console.open(host.openUrl);
  const first = fleet.rows().first();
  await expect(first).toContainText(BROKEN);
  const firstName = (await first.locator('[data-col="name"]').innerText()).trim();
  await first.getByRole('button', { name: 'Show more' }).click();
  await expect(first.getByRole('button', { name: 'Show less' })).toBeVisible();

  // Rows are reused by position: the resource now in the first row must not inherit the expanded state.
  await fleet.filterText('cost_optimizer');
  await expect(first).toContainText('cost_optimizer_agent');
  expect(firstName).not.toContain('cost_optimizer');
  await expect(first.getByRole('button', { name: 'Show more' })).toBeVisible();
});

test('text, status and type filters narrow the table and survive navigation away and back', async ({ page, host }) => {
  const console = new ConsolePage(page);
  const fleet = new FleetPage(page);
  await console.open(host.openUrl);
  const total = await fleet.rows().count();

  await fleet.filterText('coach');
  await expect(fleet.rows()).toHaveCount(3); // two runtimes and their memory
  await fleet.chooseType(/^Runtimes/);
  await expect(fleet.rows()).toHaveCount(2);
  await fleet.chooseStatus('READY');
  await expect(fleet.rows()).toHaveCount(2);
  await fleet.filterText('coach us-west-2');
  await expect(fleet.rows()).toHaveCount(1);
  expect(total).toBeGreaterThan(1);
  // The address bar catches up once typing pauses.
  await expect(page).toHaveURL(/q=coach/);

  await console.navigate('Settings');
  await expect(console.header('settings')).toBeVisible();
  await console.navigate('Fleet');
  await expect(fleet.filterInput()).toHaveValue('coach us-west-2');
  await expect(fleet.rows()).toHaveCount(1);
  await expect(fleet.rows().first()).toContainText('coach_companion');
  await expect(page).toHaveURL(/status=READY/);

  // Browser back and forth keeps it too.
  await page.goBack();
  await expect(console.header('settings')).toBeVisible();
  await page.goForward();
  await expect(fleet.filterInput()).toHaveValue('coach us-west-2');
});

test('an agent’s detail page shows ARN, authorizer, endpoints and timeline, and links to its chat', async ({ page, host }) => {
  const console = new ConsolePage(page);
  const fleet = new FleetPage(page);
  await console.open(host.openUrl);
  await fleet.openByName('cloud_engineer_agent');
  await expect(page.getByTestId('detail-arn')).toContainText('arn:aws:bedrock-agentcore:us-east-1:');
  await expect(page.getByTestId('detail-authorizer')).toContainText('Custom JWT');
  await expect(page.getByTestId('detail-jwt-notice')).toContainText('Invoke requires a bearer token');
  await expect(page.getByTestId('detail-configuration')).toContainText('VPC');
  await expect(page.getByTestId('detail-endpoints')).toBeVisible();
  await expect(page.getByTestId('detail-env')).toContainText('COGNITO_USER_POOL_ID');
  await expect(page.getByTestId('detail-env')).not.toContainText('us-east-1_Xk3Lm9PqR');
  await expect(page.getByTestId('detail-timeline')).toContainText('READY');
  const chat = page.getByTestId('detail-open-chat');
  await expect(chat).toHaveAttribute('href', /#\/chat\?agent=/);
  await page.screenshot({ path: 'e2e/artifacts/fleet-agent-detail.png', fullPage: true });

  // The rollout agent: endpoint live → target, and its linked memory.
  await page.getByRole('button', { name: 'Back to fleet' }).click();
  await fleet.openByName('sre_supervisor');
  await expect(page.getByTestId('detail-endpoints')).toContainText('v3 → v4');
  await expect(page.getByTestId('detail-links')).toContainText('sre_agent_memory');
  await expect(page.getByTestId('detail-open-memory')).toHaveAttribute('href', /#\/memory\?memory=/);
  await page.screenshot({ path: 'e2e/artifacts/fleet-agent-detail-rollout.png', fullPage: true });

  await chat.click();
  await expect(console.header('chat')).toBeVisible();
  expect(decodeURIComponent(page.url())).toContain('agent=demo|us-east-1|runtime|');
});

test('a gateway’s detail page lists its targets, with the one waiting for OAuth consent', async ({ page, host }) => {
  const console = new ConsolePage(page);
  const fleet = new FleetPage(page);
  await console.open(host.openUrl);
  await fleet.openByName('llmops-tools');
  await expect(page.getByTestId('detail-targets')).toContainText('CREATE_PENDING_AUTH');
  await expect(page.getByTestId('detail-targets')).toContainText('OAuth authorization flow');
  await expect(page.getByTestId('gateway-url')).toContainText('https://');
  await page.screenshot({ path: 'e2e/artifacts/fleet-gateway-detail.png', fullPage: true });

  await page.getByRole('button', { name: 'Back to fleet' }).click();
  await fleet.openByName('cloud-engineer-gateway');
  await expect(page.getByTestId('detail-targets')).toContainText('SYNCHRONIZE_UNSUCCESSFUL');
  await expect(page.getByTestId('detail-failure')).toContainText('401');
  await page.screenshot({ path: 'e2e/artifacts/fleet-gateway-failed.png', fullPage: true });
});

test('a memory’s detail page shows its strategies and namespaces; Enter opens details from the keyboard', async ({ page, host }) => {
  const console = new ConsolePage(page);
  const fleet = new FleetPage(page);
  await console.open(host.openUrl);
  await fleet.filterText('coach_companion_memory');
  await expect(fleet.rows()).toHaveCount(1);
  await page.locator('body').click({ position: { x: 5, y: 400 } });
  await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('page-fleet-detail')).toContainText('coach_companion_memory');
  await expect(page.getByTestId('detail-strategies')).toContainText('/users/{actorId}/preferences');
  await expect(page.getByTestId('detail-configuration')).toContainText('90 days');
});

test('a resource key that is not in the fleet says so and offers a refresh', async ({ page, host }) => {
  const console = new ConsolePage(page);
  await console.open(host.openUrl);
  await page.goto(`${host.url}/#/fleet?detail=${encodeURIComponent('demo|us-east-1|runtime|gone-123')}`);
  await expect(page.getByTestId('detail-not-found')).toContainText('This resource no longer exists');
  await page.getByRole('button', { name: 'Refresh fleet' }).click();
  await expect(console.header('fleet')).toBeVisible();
});

test('the quick look leaves at least 8 rows of the table on screen at 1440×900', async ({ page, host }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const console = new ConsolePage(page);
  const fleet = new FleetPage(page);
  await console.open(host.openUrl);
  await fleet.rows().first().click();
  await expect(page.getByTestId('quick-look-open')).toBeVisible();
  const onScreen = await fleet.rows().evaluateAll(
    (rows) =>
      rows.filter((row) => {
        const box = row.getBoundingClientRect();
        return box.height > 0 && box.top >= 0 && box.bottom <= (globalThis as unknown as { innerHeight: number }).innerHeight;
      }).length,
  );
  expect(onScreen).toBeGreaterThanOrEqual(8);
  await page.screenshot({ path: 'e2e/artifacts/fleet-quick-look.png' });
});
