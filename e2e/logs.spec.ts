/**
 * The logs page on the demo fleet, in real Chromium: from a chat reply to its
 * log lines (its runtime session marked), the live tail receiving the next
 * reply's lines as they are written, failing invocations filtered to ERROR
 * and a line leading back to its chat session, a pattern CloudWatch rejects
 * shown at its field, and agents side by side.
 */
import type { Page } from '@playwright/test';
import { ChatPage } from './pages/chat';
import { ConsolePage } from './pages/console';
import { LogsPage } from './pages/logs';
import { expect, runtimeKey, setEmulatorFaults, test, type RunningHost } from './fixtures/web-host';

/** Starts a chat session with an agent and sends one prompt; returns the chat session id (from the URL). */
async function chatOnce(page: Page, host: RunningHost, agent: string, prompt: string): Promise<string> {
  const chat = new ChatPage(page);
  await chat.openAgent(await runtimeKey(host, agent));
  await chat.newSession();
  await chat.send(prompt);
  await expect(page).toHaveURL(/[?&]session=/);
  const session = new URLSearchParams(new URL(page.url()).hash.split('?')[1] ?? '').get('session');
  if (!session) throw new Error(`no chat session in ${page.url()}`);
  return session;
}

/** Every invocation of every agent fails with a 500 from now on. */
const failEveryInvocation = (host: RunningHost) => setEmulatorFaults(host, { rules: [{ operation: 'InvokeAgentRuntime', errorRate: 1 }] });

test('a reply opens its log lines with its session marked, and the live tail shows the next reply as it is written', async ({ page, context, host }) => {
  const console = new ConsolePage(page);
  const logs = new LogsPage(page);
  await console.open(host.openUrl);
  const chatSession = await chatOnce(page, host, 'sre_supervisor', 'Why is checkout-api slow after the deploy?');

  await new ChatPage(page).assistantMessages().first().getByTestId('chat-open-logs').click();
  await expect(logs.header()).toBeVisible();
  await expect(page).toHaveURL(/#\/logs\?.*mode=history.*session=/);
  await expect(page.getByRole('navigation', { name: 'Breadcrumbs' })).toContainText('sre_supervisor');
  await expect(logs.pane().getByTestId('logs-group-name')).toContainText('/aws/bedrock-agentcore/runtimes/sre_supervisor-');
  await logs.waitForLines();
  // The reply's own lines are marked: the request the agent received and its completion.
  await expect(logs.sessionLines().first()).toBeVisible();
  await expect(logs.pane()).toContainText('Invocation request received');
  await expect(page.getByTestId('logs-session-note')).toBeVisible();

  await logs.mode('Live');
  await expect(logs.tailMode()).toHaveAttribute('data-mode', /live|polling/);
  await expect(page).toHaveURL(/mode=live/);
  // The tail opens with a couple of minutes of backfill, which holds the first reply.
  await expect(logs.sessionLines().first()).toBeVisible();
  const before = await logs.lineCount();

  // Another window sends the next prompt in the same chat session; its lines arrive here while this page reads.
  const other = await context.newPage();
  await new ConsolePage(other).open(host.openUrl);
  await other.evaluate((id) => ((globalThis as unknown as { location: { hash: string } }).location.hash = `#/chat?session=${id}`), chatSession);
  await new ChatPage(other).send('And is payments-api affected too?');
  await expect.poll(() => logs.lineCount(), { timeout: 20_000 }).toBeGreaterThan(before);
  // Following the end, the new reply's lines are on screen ("And is payments-api affected too?" is 33 characters).
  await expect(logs.pane()).toContainText('Processing prompt (33 chars)');
  await expect(logs.sessionLines().last()).toBeVisible();
  await other.close();

  // Scrolled up, the list stops following and offers the way back.
  await logs.list().evaluate((el) => (el.scrollTop = 0));
  await logs.list().dispatchEvent('scroll');
  const jump = logs.pane().getByTestId('log-jump-latest');
  if ((await logs.list().evaluate((el) => el.scrollHeight > el.clientHeight)) === true) {
    await expect(jump).toBeVisible();
    await logs.list().focus();
    await page.keyboard.press('End');
    await expect(jump).toHaveCount(0);
  }

  // Paused, new lines wait and are counted.
  await logs.pane().getByTestId('logs-pause').click();
  await expect(logs.pane().getByTestId('logs-paused')).toContainText('Paused');
  await logs.pane().getByTestId('logs-resume').click();
  await expect(logs.pane().getByTestId('logs-paused')).toHaveCount(0);
  await page.screenshot({ path: 'e2e/artifacts/logs-live.png' });
  expect(console.pageErrors).toEqual([]);
  expect(console.cspViolations).toEqual([]);
});

test('failed invocations filter to ERROR, a bad pattern is refused at its field, and a line leads back to its chat', async ({ page, host }) => {
  const console = new ConsolePage(page);
  const logs = new LogsPage(page);
  await console.open(host.openUrl);
  await failEveryInvocation(host);
  const chatSession = await chatOnce(page, host, 'incident_summarizer', 'Summarise the checkout incident for the status page');
  const reply = new ChatPage(page).assistantMessages().first();
  await expect(reply).toHaveAttribute('data-state', 'error');

  await reply.getByTestId('chat-open-logs').click();
  await logs.waitForLines();
  await logs.onlyLevels('error');
  await expect(page).toHaveURL(/levels=error/);
  await expect(logs.lines().first()).toBeVisible();
  for (const level of await logs.lines().evaluateAll((rows) => rows.map((r) => r.getAttribute('data-level')))) expect(level).toBe('error');
  await expect(logs.pane()).toContainText('Agent invocation failed');

  // Highlight is instant and client-side: matches are marked; an invalid regex says so at the field.
  await logs.highlight('invocation failed');
  await expect(logs.pane().locator('mark').first()).toHaveText(/invocation failed/i);
  await logs.highlight('/(unclosed/');
  await expect(page.getByTestId('logs-toolbar')).toContainText('Not a valid regular expression');
  await logs.highlight('');

  // A filter pattern goes to CloudWatch: one it rejects shows AWS's message at the field.
  await logs.filterPattern('{ $.level = ');
  await expect(logs.pane()).toContainText(/Invalid filter pattern|Invalid character/);
  await logs.filterPattern('"Invocation failed"');
  await expect(logs.lines().first()).toContainText('Invocation failed');
  await page.screenshot({ path: 'e2e/artifacts/logs-errors.png' });

  // Save writes the lines on screen as plain text with ISO times.
  const download = page.waitForEvent('download');
  await logs.pane().getByTestId('logs-save').click();
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(/^incident_summarizer-DEFAULT-.*\.log$/);
  const text = await new Promise<string>((resolve, reject) => {
    let body = '';
    void saved.createReadStream().then((stream) => {
      stream.on('data', (chunk: Buffer) => (body += chunk.toString()));
      stream.on('end', () => resolve(body));
      stream.on('error', reject);
    });
  });
  expect(text).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z ERROR \[.+\] .*Invocation failed/m);

  // The failed request's JSON record names the runtime session; its chat session is one click away.
  await logs.sessionLines().getByTestId('log-open-chat').first().click();
  await expect(page.getByTestId('page-chat')).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`session=${chatSession}`));
  await expect(new ChatPage(page).assistantMessages()).toHaveCount(1);
  expect(console.pageErrors).toEqual([]);
});

test('with live tail denied, the tail polls FilterLogEvents instead, says why, and still shows new lines', async ({ page, context, host }) => {
  const console = new ConsolePage(page);
  const logs = new LogsPage(page);
  await console.open(host.openUrl);
  await setEmulatorFaults(host, { rules: [{ operation: 'StartLiveTail', accessDeniedRate: 1 }] });
  const chatSession = await chatOnce(page, host, 'sre_supervisor', 'Is the checkout queue draining?');
  await new ChatPage(page).assistantMessages().first().getByTestId('chat-open-logs').click();
  await logs.mode('Live');
  await expect(logs.tailMode()).toHaveAttribute('data-mode', 'polling');
  await expect(logs.pane()).toContainText(/Polling/);
  await expect(logs.pane()).toContainText(/denied/i);
  const before = await logs.lineCount();

  // Another window sends the next prompt; this page's polled tail picks its lines up without reopening.
  const other = await context.newPage();
  await new ConsolePage(other).open(host.openUrl);
  await other.evaluate((id) => ((globalThis as unknown as { location: { hash: string } }).location.hash = `#/chat?session=${id}`), chatSession);
  await new ChatPage(other).send('And the payments queue?');
  // "And the payments queue?" is 23 characters: the second reply's lines reached the polled tail.
  await expect(logs.pane()).toContainText('Processing prompt (23 chars)', { timeout: 20_000 });
  // The count label follows the list a frame or a batch later than the line itself.
  await expect.poll(() => logs.lineCount(), { timeout: 10_000 }).toBeGreaterThan(before);
  await expect(logs.tailMode()).toHaveAttribute('data-mode', 'polling');
  await other.close();
  expect(console.pageErrors).toEqual([]);
});

test('agents side by side: pick one, add another, close one', async ({ page, host }) => {
  const console = new ConsolePage(page);
  const logs = new LogsPage(page);
  await console.open(host.openUrl);
  await console.navigate('Logs');
  await expect(page.getByTestId('logs-runtime-picker')).toBeVisible();
  await page
    .getByTestId('logs-open-runtime')
    .filter({ hasText: /^sre_supervisor$/ })
    .first()
    .click();
  await expect(logs.panes()).toHaveCount(1);
  await expect(logs.tailMode()).toBeVisible();

  await page.getByTestId('logs-add-agent').click();
  await page.getByTestId('logs-add-agent-select').click();
  await page
    .getByRole('option', { name: /llmops_agent/ })
    .first()
    .click();
  await expect(logs.panes()).toHaveCount(2);
  await expect(page).toHaveURL(/also=/);
  await expect(logs.pane(1)).toHaveAttribute('data-agent', 'llmops_agent');

  await logs.pane(0).getByTestId('logs-pane-remove').click();
  await expect(logs.panes()).toHaveCount(1);
  await expect(logs.pane(0)).toHaveAttribute('data-agent', 'llmops_agent');
  await expect(page).not.toHaveURL(/also=/);
  expect(console.pageErrors).toEqual([]);
});
