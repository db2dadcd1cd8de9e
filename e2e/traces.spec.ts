/**
 * Traces on the demo fleet, in real Chromium: a chat reply opens its trace —
 * model, tool and memory spans on one time axis, tokens on the model calls —
 * a span opens its attributes, the keyboard walks the tree, and the tokens
 * appear as model cost on the agent's metrics page. The agent's recent traces
 * and the fleet's live sessions list the same invocation.
 */
import type { Page } from '@playwright/test';
import { ChatPage } from './pages/chat';
import { ConsolePage } from './pages/console';
import { MetricsPage } from './pages/metrics';
import { TracesPage } from './pages/traces';
import { expect, runtimeKey, test, type RunningHost } from './fixtures/web-host';

async function replyTrace(page: Page, host: RunningHost): Promise<TracesPage> {
  const chat = new ChatPage(page);
  await chat.openAgent(await runtimeKey(host, 'sre_supervisor'));
  await chat.newSession();
  await chat.send('Why is checkout-api slow after the deploy?');
  await chat.assistantMessages().first().getByTestId('chat-open-trace').click();
  await expect(page).toHaveURL(/#\/traces\?.*trace=/);
  const traces = new TracesPage(page);
  await expect(traces.waterfall()).toBeVisible({ timeout: 30_000 });
  return traces;
}

test('a chat reply opens its trace: model and tool spans with tokens, a span’s attributes, and the model cost on the metrics page', async ({ page, host }) => {
  const console = new ConsolePage(page);
  await console.open(host.openUrl);
  const traces = await replyTrace(page, host);

  await expect(traces.rows('model').first()).toBeVisible();
  await expect(traces.rows('tool').first()).toBeVisible();
  await expect(traces.rows('memory').first()).toBeVisible();
  // Tokens in → out on every model call.
  await expect(traces.rows('model').first()).toContainText(/\d+\s*→\s*\d+/);
  await expect(traces.rows().first()).toHaveAttribute('data-critical', 'true');
  await expect(traces.summary()).toContainText(/tokens/i);

  await traces.rows('model').first().click();
  await expect(traces.detail()).toBeVisible();
  await expect(traces.detail()).toContainText('gen_ai.usage.input_tokens');
  await expect(page).toHaveURL(/span=/);

  // Keyboard alone: the next span down gets the detail.
  const first = await traces.rows('model').first().getAttribute('data-span-id');
  await traces.waterfall().focus();
  await page.keyboard.press('ArrowDown');
  await expect(page).not.toHaveURL(new RegExp(`span=${first}`));

  const metrics = new MetricsPage(page);
  await metrics.openAgent(await runtimeKey(host, 'sre_supervisor'));
  const modelCost = page.getByRole('button', { name: /input tokens: \$[\d.,]+, show how it was computed/ });
  await expect(modelCost.first()).toBeVisible({ timeout: 30_000 });
  await modelCost.first().click();
  await expect(metrics.costDetails()).toContainText('aws/spans');
  expect(console.pageErrors).toEqual([]);
});

test('the agent’s recent traces and the fleet’s live sessions list the reply’s invocation', async ({ page, host }) => {
  const console = new ConsolePage(page);
  await console.open(host.openUrl);
  const traces = await replyTrace(page, host);
  const traceId = new URLSearchParams(new URL(page.url()).hash.split('?')[1] ?? '').get('trace')!;

  await page.getByRole('link', { name: 'Recent traces' }).click();
  await expect(traces.list()).toBeVisible();
  await expect(traces.list().getByTestId('traces-open-trace').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('traces-token-usage')).toContainText(/anthropic|nova/);

  await page.getByRole('link', { name: 'Traces', exact: true }).first().click();
  await expect(traces.liveSessions()).toBeVisible();
  // The console's own runtime session ids start with "console-".
  await traces.liveSessions().getByRole('searchbox', { name: 'Find a session' }).fill('console-');
  await expect(traces.liveSessions()).toContainText('sre_supervisor', { timeout: 30_000 });
  await expect(traces.liveSessions()).toContainText('this console');
  expect(traceId).toBeTruthy();
  expect(console.pageErrors).toEqual([]);
});
