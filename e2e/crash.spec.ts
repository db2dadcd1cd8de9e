/**
 * Nothing the user had is lost on a crash: the web host is killed (SIGKILL, no shutdown code runs) while a
 * reply streams; restarted on the same data directory, the transcript has the prompt and the partial reply,
 * marked as interrupted.
 */
import { expect, test } from '@playwright/test';
import type { ChatMessage, ChatSession } from '../src/shared/chat';
import { callHost, runtimeKey, startHost, type RunningHost } from './fixtures/web-host';
import { ChatPage } from './pages/chat';
import { ConsolePage } from './pages/console';

let first: RunningHost;
let second: RunningHost | undefined;

test.afterAll(async () => {
  await first?.stop();
  await second?.stop();
});

test('a crash mid-reply keeps the prompt and the partial reply, marked interrupted', async ({ page }) => {
  // Realistic pacing, so the reply is still streaming when the host dies.
  first = await startHost({ env: { AGENTCORE_OPS_EMULATOR_FAST: '0' } });
  const agentKey = await runtimeKey(first, 'strands_research_agent');
  await new ConsolePage(page).open(first.openUrl);
  const chat = new ChatPage(page);
  await chat.openAgent(agentKey);
  await chat.newSession();
  await chat.sendAndWatchItStream('research vector databases');
  // Streamed text reaches SQLite every 100 ms (or 16 KB): crash once some of it is there, mid-reply.
  const [streaming] = await callHost<ChatSession[]>(first, 'chat.sessions.list', { agentKey });
  await expect
    .poll(async () => {
      const { messages } = await callHost<{ messages: ChatMessage[] }>(first, 'chat.sessions.get', { sessionId: streaming?.id });
      const last = messages.at(-1);
      return last?.state === 'streaming' && last.text.length > 0;
    })
    .toBe(true);
  await first.stop('SIGKILL');

  second = await startHost({ dataDir: first.dataDir });
  const [session] = await callHost<ChatSession[]>(second, 'chat.sessions.list', { agentKey });
  const { messages } = await callHost<{ messages: ChatMessage[] }>(second, 'chat.sessions.get', { sessionId: session?.id });
  expect(messages.map((m) => [m.role, m.state])).toEqual([
    ['user', 'complete'],
    ['assistant', 'incomplete'],
  ]);
  expect(messages[0]?.text).toBe('research vector databases');
  expect((messages[1]?.text ?? '').length).toBeGreaterThan(0);

  // And the user sees it so.
  await new ConsolePage(page).open(second.openUrl);
  await chat.openAgent(agentKey);
  await page.getByTestId('chat-session-list').getByText('research vector databases').click();
  await expect(chat.assistantMessages().last()).toHaveAttribute('data-state', 'incomplete');
});
