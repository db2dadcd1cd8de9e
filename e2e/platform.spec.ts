/**
 * The platform as users see it: two browsers chatting at once each get only
 * their own reply stream; a reload mid-reply picks the reply up again; and
 * the data-source badge follows a change of watched profiles made elsewhere,
 * without a reload.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { startEmulator, type RunningEmulator } from '../src/emulator/index';
import { startHostOnAwsHome } from './fixtures/aws-home';
import { callHost, runtimeKey, startHost, type RunningHost } from './fixtures/web-host';
import { ChatPage } from './pages/chat';
import { ConsolePage } from './pages/console';

/** Records every stream frame the page's EventSource receives, as the renderer gets them. */
/** Records every stream frame the page's EventSource receives, as the renderer gets them. (Runs in the page.) */
async function recordStreamFrames(page: Page): Promise<void> {
  await page.addInitScript(() => {
    type Source = { addEventListener(name: string, listener: (event: { data: string }) => void): void };
    const win = globalThis as unknown as { __streamFrames: string[]; EventSource: new (url: string) => Source };
    const frames: string[] = [];
    win.__streamFrames = frames;
    const Original = win.EventSource;
    win.EventSource = function (url: string) {
      const source = new Original(url);
      source.addEventListener('stream', (event) => frames.push(event.data));
      return source;
    } as unknown as typeof Original;
  });
}
const streamFrames = (page: Page): Promise<string> => page.evaluate(() => (globalThis as unknown as { __streamFrames: string[] }).__streamFrames.join('\n'));

async function chatIn(browser: Browser, host: RunningHost, agentKey: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await recordStreamFrames(page);
  await new ConsolePage(page).open(host.openUrl);
  const chat = new ChatPage(page);
  await chat.openAgent(agentKey);
  await chat.newSession();
  return { context, page, chat };
}

test.describe('two browsers chatting at once', () => {
  let host: RunningHost;
  test.beforeAll(async () => {
    host = await startHost();
  });
  test.afterAll(async () => host.stop());

  test('each sees only its own reply stream', async ({ browser }) => {
    const a = await chatIn(browser, host, await runtimeKey(host, 'strands_research_agent'));
    const b = await chatIn(browser, host, await runtimeKey(host, 'coach_companion'));
    const [replyA, replyB] = await Promise.all([a.chat.send('research vector databases'), b.chat.send('Plan my week')]);
    await expect(replyA).toHaveAttribute('data-state', 'complete');
    await expect(replyB).toHaveAttribute('data-state', 'complete');
    const textA = (await replyA.innerText()).slice(0, 60);
    const textB = (await replyB.innerText()).slice(0, 60);
    expect(textA).not.toBe(textB);

    const framesA = await streamFrames(a.page);
    const framesB = await streamFrames(b.page);
    // Each page's stream carried its own prompt, and never the other's.
    expect(framesA).toContain('research vector databases');
    expect(framesB).toContain('Plan my week');
    expect(framesA).not.toContain('Plan my week');
    expect(framesB).not.toContain('research vector databases');
    await expect(b.page.getByText('research vector databases')).toHaveCount(0);
    await a.context.close();
    await b.context.close();
  });
});

test.describe('a reload mid-reply', () => {
  let host: RunningHost;
  // Realistic pacing (tokens every 15–40 ms), so the reply is still streaming when the page reloads.
  test.beforeAll(async () => {
    host = await startHost({ env: { AGENTCORE_OPS_EMULATOR_FAST: '0' } });
  });
  test.afterAll(async () => host.stop());

  test('picks the reply up again from what streamed so far, and it completes whole', async ({ page }) => {
    const key = await runtimeKey(host, 'strands_research_agent');
    await new ConsolePage(page).open(host.openUrl);
    const chat = new ChatPage(page);
    await chat.openAgent(key);
    await chat.newSession();
    await chat.sendAndWatchItStream('research vector databases');

    // The address bar follows the view when the page is idle (within 250 ms); a user reloads the URL they see.
    await expect(page).toHaveURL(/session=/);
    await page.reload();
    await expect(page.locator('body[data-app-state="ready"]')).toBeAttached({ timeout: 30_000 });
    const again = chat.assistantMessages().last();
    await expect(again).toHaveAttribute('data-state', 'complete', { timeout: 45_000 });
    // What the page shows is exactly what main stored: nothing lost across the reload, nothing doubled.
    const sessions = await callHost<Array<{ id: string }>>(host, 'chat.sessions.list', { agentKey: key });
    const stored = await callHost<{ messages: Array<{ role: string; text: string }> }>(host, 'chat.sessions.get', { sessionId: sessions[0]?.id });
    const storedReply = stored.messages.filter((m) => m.role === 'assistant').at(-1)?.text ?? '';
    expect(storedReply.length).toBeGreaterThan(20);
    const shown = (await again.innerText()).replace(/\s+/g, ' ');
    const firstWords = storedReply
      .replace(/[#*_`>|-]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .split(' ')
      .slice(0, 6)
      .join(' ');
    expect(shown).toContain(firstWords);
    expect(shown.split(firstWords).length - 1).toBe(1);
  });
});

test.describe('data-source badge', () => {
  let emulator: RunningEmulator;
  let host: RunningHost;
  test.beforeAll(async () => {
    emulator = await startEmulator({ fast: true });
    ({ host } = await startHostOnAwsHome(emulator, {
      credentials: ['[static-dev]', 'aws_access_key_id = AKIAEXAMPLEEXAMPLE', 'aws_secret_access_key = example/secret/not-used', ''],
    }));
  });
  test.afterAll(async () => {
    await host?.stop();
    await emulator?.close();
  });

  test('follows a change of watched profiles and regions made elsewhere, without a reload', async ({ page }) => {
    await new ConsolePage(page).open(host.openUrl);
    const badge = page.getByTestId('data-source-badge');
    await expect(badge).toHaveText('ops · us-east-1');
    await page.evaluate(() => ((globalThis as unknown as { __marker: boolean }).__marker = true));

    // Another window (or a script) watches a second profile and two regions.
    await callHost(host, 'settings.set', { watchedProfiles: ['ops', 'static-dev'], watchedRegions: ['us-east-1', 'eu-central-1'] });
    await expect(badge).toHaveText('ops, static-dev · 2 regions');
    await expect(badge).toHaveAttribute('data-kind', 'aws');
    // Same page, never reloaded.
    expect(await page.evaluate(() => (globalThis as unknown as { __marker?: boolean }).__marker)).toBe(true);
  });
});
