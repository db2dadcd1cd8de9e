/**
 * Managed agent harnesses on the demo fleet, in real Chromium: found in the
 * fleet beside the runtimes, opened to their detail (model, tools), chatted
 * with over InvokeHarness — streamed text, a collapsed reasoning block, a
 * tool step, token usage in the footer — and the session found by search
 * after the host restarts. A harness whose model access is denied says so.
 */
import { ChatPage } from './pages/chat';
import { ConsolePage } from './pages/console';
import { FleetPage } from './pages/fleet';
import { expect, startHost, test } from './fixtures/web-host';

test('a demo harness is in the fleet, chats with reasoning, a tool step and token usage, and its session is found after a restart', async ({ page }) => {
  // Paced like the real service (not the suite's instant fast mode), so the reply is seen streaming.
  const paced = { env: { AGENTCORE_OPS_EMULATOR_FAST: '0' } };
  let host = await startHost(paced);
  try {
    const console = new ConsolePage(page);
    await console.open(host.openUrl);
    await console.navigate('Fleet');
    const fleet = new FleetPage(page);
    await fleet.chooseType(/^Harnesses/);
    await expect(fleet.rows().filter({ hasText: 'sre_tools_harness' })).toBeVisible();
    await fleet.openByName('sre_tools_harness');
    await expect(page.getByTestId('detail-harness-configuration')).toContainText(/Model/);
    await expect(page.getByTestId('detail-harness-tools')).toContainText('get_pod_status');

    await page.getByTestId('detail-open-chat').click();
    const chat = new ChatPage(page);
    await expect(page.getByTestId('page-chat')).toBeVisible();
    await chat.newSession();
    const reply = await chat.sendAndWatchItStream('Is checkout-api healthy after the deploy?');
    await expect(reply).toHaveAttribute('data-state', 'complete', { timeout: 30_000 });
    const reasoning = reply.locator('[data-testid="chat-step"][data-kind="reasoning"]');
    await expect(reasoning.first()).toBeVisible();
    // Collapsed by default: its text shows only when opened.
    await expect(reasoning.first().getByRole('button', { expanded: false })).toBeVisible();
    await expect(reply.locator('[data-testid="chat-step"][data-kind="tool_use"]').first()).toContainText(/get_pod_status|query_metrics/);
    await expect(reply.getByTestId('chat-message-metrics')).toContainText(/Tokens\s*[\d,]+ in → [\d,]+ out/);
    await page.screenshot({ path: 'e2e/artifacts/harness-chat.png' });
    expect(console.pageErrors).toEqual([]);

    // The reply's tokens are priced on the harness's page.
    await page.goBack();
    await expect(page.getByTestId('detail-harness-cost')).toContainText(/input tokens/, { timeout: 30_000 });

    const dataDir = host.dataDir;
    await host.stop();
    host = await startHost({ ...paced, dataDir });
    await new ConsolePage(page).open(host.openUrl);
    await console.navigate('Chat');
    await page.getByTestId('chat-search').locator('input').fill('checkout-api healthy');
    const hit = page.getByTestId('chat-search-hit').first();
    await expect(hit).toBeVisible({ timeout: 30_000 });
    await expect(hit).toContainText('sre_tools_harness');
  } finally {
    await host.stop();
  }
});

test('a harness whose model access is denied says so in the chat', async ({ page, host }) => {
  const console = new ConsolePage(page);
  await console.open(host.openUrl);
  await console.navigate('Fleet');
  await new FleetPage(page).openByName('billing_model_denied_harness');
  await page.getByTestId('detail-open-chat').click();
  const chat = new ChatPage(page);
  await chat.newSession();
  const reply = await chat.send('What did we spend on compute last week?');
  await expect(reply).toHaveAttribute('data-state', 'error');
  await expect(reply).toContainText(/model/i);
  await expect(reply).toContainText('AccessDeniedException');
});
