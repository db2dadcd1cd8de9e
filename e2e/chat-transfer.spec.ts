/**
 * A chat session leaves the console as a file and comes back: exported as
 * JSON from the session's page (a real download), then imported through the
 * Import button's file picker as a new session with the same messages.
 */
import { readFile } from 'node:fs/promises';
import { expect, runtimeKey, test } from './fixtures/web-host';
import { ChatPage } from './pages/chat';
import { ConsolePage } from './pages/console';

test('a session exported as JSON from its page imports back as a new session with the same messages', async ({ page, host }) => {
  await new ConsolePage(page).open(host.openUrl);
  const chat = new ChatPage(page);
  await chat.openAgent(await runtimeKey(host, 'coach_companion'));
  await chat.newSession();
  const reply = await chat.send('Plan my recovery week');
  await expect(reply).toHaveAttribute('data-state', 'complete');
  const answer = (await reply.innerText()).trim().split('\n')[0] ?? '';
  expect(answer.length).toBeGreaterThan(10);

  await page.getByTestId('chat-export').getByRole('button').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /JSON/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.json$/);
  const exported = await readFile(await download.path());

  const sessions = page.locator('li.chat-session');
  const before = await sessions.count();
  await page.getByTestId('chat-import-file').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: exported });
  await expect(page.getByText(/^Imported “/)).toBeVisible();
  await expect(sessions).toHaveCount(before + 1);
  // The imported copy is opened, with the prompt and the reply it was exported with.
  await expect(page.getByText('Plan my recovery week').first()).toBeVisible();
  await expect(chat.assistantMessages().first()).toContainText(answer);
  // The same file again makes another copy: an import never overwrites a session.
  await page.getByTestId('chat-import-file').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: exported });
  await expect(sessions).toHaveCount(before + 2);
});
