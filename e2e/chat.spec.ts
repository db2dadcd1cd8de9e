/**
 * Chat with every demo agent shape through the real web host and renderer:
 * SSE typed events (steps), Strands deltas, JSON shapes, plain text, OAuth
 * (bearer required), a model-access error inside a reply, and a stale
 * endpoint; then a restart of the host finds the session and its search hits.
 */
import { expect, test } from '@playwright/test';
import type { FleetSnapshot } from '../src/shared/fleet';
import { callHost, startHost, type RunningHost } from './fixtures/web-host';
import { ChatPage } from './pages/chat';
import { ConsolePage } from './pages/console';

let host: RunningHost;

const call = <T>(method: string, input: unknown): Promise<T> => callHost<T>(host, method, input);

async function agentKey(name: string, region = 'us-east-1'): Promise<string> {
  const fleet = await call<FleetSnapshot>('fleet.refresh', {});
  const agent = fleet.resources.find((r) => r.kind === 'runtime' && r.name === name && r.region === region);
  if (!agent) throw new Error(`demo agent ${name} not in the fleet`);
  return agent.key;
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  host = await startHost();
});
test.afterAll(async () => {
  await host.stop();
});

test('a streaming agent shows its steps, the answer and the invocation metrics', async ({ page }) => {
  await new ConsolePage(page).open(host.openUrl);
  const chat = new ChatPage(page);
  await chat.openAgent(await agentKey('llmops_agent'));
  await chat.newSession();
  await expect(page.getByTestId('chat-runtime-session-id')).toContainText(/.{33,}/);
  const reply = await chat.send('Train an NER model on ciER with a $10 budget');
  await expect(reply).toHaveAttribute('data-state', 'complete');
  // Once done, the step trail folds into one line above the answer; opening it shows each step.
  await reply.getByText(/\d+ agent steps/).click();
  await expect(reply.getByTestId('chat-step').first()).toBeVisible();
  const metrics = reply.getByTestId('chat-message-metrics');
  await expect(metrics).toContainText('200');
  await expect(metrics).toContainText(/TTFB/i);
  await expect(metrics).toContainText(/cold start/i);
  await page.screenshot({ path: 'e2e/artifacts/chat-streaming.png' });
});

for (const [name, region, prompt] of [
  ['strands_research_agent', 'us-east-1', 'Summarise the last incident'],
  ['strands_chat_agent', 'us-west-2', 'hello'],
  ['coach_companion', 'us-east-1', 'Plan my training week'],
  ['model_registry_agent', 'us-east-1', 'Which Claude model should I use for SRE work?'],
  ['release_notes_writer', 'us-east-1', 'Write release notes for v2.3'],
  ['sre_supervisor', 'us-east-1', 'Why is payments-api p99 latency high?'],
] as const) {
  test(`${name} answers with readable text, whatever its response shape`, async ({ page }) => {
    await new ConsolePage(page).open(host.openUrl);
    const chat = new ChatPage(page);
    await chat.openAgent(await agentKey(name, region));
    await chat.newSession();
    const reply = await chat.send(prompt);
    // SigV4 agents are not offered a bearer token.
    await expect(page.getByTestId('chat-bearer')).toHaveCount(0);
    await expect(reply).toHaveAttribute('data-state', 'complete');
    const text = (await reply.innerText()).trim();
    expect(text.length).toBeGreaterThan(40);
    // No raw response envelope leaks into the rendered answer.
    expect(text).not.toMatch(/^\s*\{\s*"(response|output|result|event|data)"/);
  });
}

test('an OAuth agent explains that it needs a bearer token', async ({ page }) => {
  await new ConsolePage(page).open(host.openUrl);
  const chat = new ChatPage(page);
  await chat.openAgent(await agentKey('cloud_engineer_agent'));
  await chat.newSession();
  // Known from the runtime's JWT authorizer before anything is sent.
  await expect(page.getByTestId('chat-bearer')).toContainText('No bearer token');
  const reply = await chat.send('list my buckets');
  await expect(reply).toHaveAttribute('data-state', 'error');
  await expect(reply.getByTestId('chat-error')).toContainText(/bearer token/i);
  await page.screenshot({ path: 'e2e/artifacts/chat-oauth-error.png' });
});

test('a model-access error inside a reply is flagged as such', async ({ page }) => {
  await new ConsolePage(page).open(host.openUrl);
  const chat = new ChatPage(page);
  await chat.openAgent(await agentKey('incident_summarizer'));
  await chat.newSession();
  const reply = await chat.send('Summarise INC-4211');
  await expect(reply).toContainText(/model access/i);
});

test('End session and Delete ask first, then do it', async ({ page }) => {
  await new ConsolePage(page).open(host.openUrl);
  const chat = new ChatPage(page);
  await chat.openAgent(await agentKey('incident_summarizer'));
  await chat.newSession();
  await chat.send('Summarise the last incident');

  await page.getByTestId('chat-end-session').click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('chat-end-session')).toHaveText('End session');
  await page.getByTestId('chat-end-session').click();
  await page.getByTestId('chat-confirm-end').click();
  await expect(page.getByTestId('chat-end-session')).toHaveText('Session ended');

  const sessions = page.getByTestId('chat-session-list').getByRole('listitem');
  const before = await sessions.count();
  await sessions
    .first()
    .getByRole('button', { name: /^Actions for/ })
    .click();
  await page.getByRole('menuitem', { name: 'Delete…' }).click();
  await page.getByTestId('chat-confirm-delete').click();
  await expect(sessions).toHaveCount(before - 1);
});

test('after a restart the session and its search hits are still there', async ({ page }) => {
  const dataDir = host.dataDir;
  await host.stop();
  host = await startHost({ dataDir });
  await new ConsolePage(page).open(host.openUrl);
  const chat = new ChatPage(page);
  await chat.openAgent(await agentKey('coach_companion'));
  await expect(page.getByTestId('chat-session-list')).toContainText(/Plan my training week/i);

  await page.getByTestId('chat-search').locator('input').fill('training week');
  const hit = page.getByTestId('chat-search-hit').first();
  await expect(hit).toBeVisible();
  await expect(hit.locator('mark').first()).toBeVisible();
  await hit.click();
  await expect(page.locator('[data-testid="chat-message"][data-role="user"]').first()).toContainText(/training week/i);
  await page.screenshot({ path: 'e2e/artifacts/chat-search.png' });
});
