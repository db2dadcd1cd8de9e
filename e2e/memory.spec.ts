/**
 * The memory browser on the demo fleet, in real Chromium: the SRE memory from
 * memory to Alice to a session's events, to a long-term record, a semantic
 * search with scores, and a delete through the typed confirmation that shows
 * up in the audit log.
 */
import { ChatPage } from './pages/chat';
import { ConsolePage } from './pages/console';
import { MemoryPage } from './pages/memory';
import { expect, runtimeKey, test } from './fixtures/web-host';

test('walks memory › actor › session › events and memory › namespace › record, searches, deletes and audits', async ({ page, host }) => {
  const console = new ConsolePage(page);
  const memory = new MemoryPage(page);
  await console.open(host.openUrl);
  await console.navigate('Memory');
  await expect(console.header('memory')).toBeVisible();
  await memory.openMemory('sre_agent_memory');

  await memory.items('memory-actors').filter({ hasText: 'alice' }).click();
  await expect(page).toHaveURL(/actor=alice/);
  await memory.items('memory-sessions').first().click();
  await expect(memory.events().first()).toBeVisible();
  await expect(memory.events().first().locator('[data-role]').first()).toHaveAttribute('data-role', /USER|ASSISTANT/);
  await expect(page.getByRole('navigation', { name: 'Breadcrumbs' })).toContainText('alice');
  await page.screenshot({ path: 'e2e/artifacts/memory-events.png' });

  await memory.tab('Long-term records');
  await expect(memory.items('memory-namespaces').first()).toContainText('/users/alice/preferences');
  await memory.items('memory-namespaces').first().click();
  const records = page.getByTestId('memory-record-open');
  await expect(records.first()).toBeVisible();
  const recordCount = await records.count();
  await records.first().click();
  const recordId = (await page.getByTestId('memory-record-detail').locator('code, [class*="code"]').first().innerText()).trim();
  expect(recordId).toMatch(/^mem-/);
  await expect(page.getByTestId('memory-record-text')).not.toBeEmpty();

  // Semantic search: a query sharing no word with the records still recalls them, ranked with scores.
  await page.getByTestId('memory-search-input').locator('input').fill('what does alice like');
  await page.getByTestId('memory-search-run').click();
  const results = page.getByTestId('memory-search-results');
  await expect(results.getByRole('row')).toHaveCount(Math.min(10, recordCount) + 1);
  await expect(results).toContainText(/0\.\d{4}/);
  await page.screenshot({ path: 'e2e/artifacts/memory-records.png' });

  // Delete through the typed confirmation: the button stays disabled until the id is typed.
  await page.getByTestId('memory-record-delete').click();
  const confirm = page.getByTestId('memory-delete-confirm');
  await expect(confirm).toBeDisabled();
  await page.getByTestId('memory-delete-input').locator('input').fill('yes');
  await expect(confirm).toBeDisabled();
  await page.getByTestId('memory-delete-input').locator('input').fill(recordId);
  await confirm.click();
  await expect(page.getByText(`Deleted record ${recordId}.`)).toBeVisible();
  await expect(page.getByTestId('memory-record-detail')).toHaveCount(0);
  await expect(records).toHaveCount(recordCount - 1);

  await memory.tab('Audit log');
  await expect(page.getByTestId('memory-audit-targets').first()).toHaveText(recordId);
  await expect(page.getByTestId('memory-audit')).toContainText('us-east-1');
  expect(console.pageErrors).toEqual([]);
  expect(console.cspViolations).toEqual([]);
});

test('a memory that failed to create says why and offers nothing that would fail', async ({ page, host }) => {
  const console = new ConsolePage(page);
  await console.open(host.openUrl);
  await console.navigate('Memory');
  await new MemoryPage(page).openMemory('research_notes_memory');
  await expect(page.getByTestId('memory-unusable')).toContainText(/KMS key .* is disabled/);
  await expect(page.getByRole('tab')).toHaveCount(0);
  await expect(page.getByTestId('memory-overview')).toContainText('arn:aws:kms:');
});

test('the memory browser in dark mode', async ({ page, host }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const console = new ConsolePage(page);
  const memory = new MemoryPage(page);
  await console.open(host.openUrl);
  await console.navigate('Memory');
  await memory.openMemory('sre_agent_memory');
  await memory.items('memory-actors').filter({ hasText: 'alice' }).click();
  await memory.items('memory-sessions').first().click();
  await expect(memory.events().first()).toBeVisible();
  await page.screenshot({ path: 'e2e/artifacts/memory-events-dark.png' });
});

test('a chat session links to the events its agent stored, and back', async ({ page, host }) => {
  const console = new ConsolePage(page);
  const chat = new ChatPage(page);
  await console.open(host.openUrl);
  await chat.openAgent(await runtimeKey(host, 'sre_supervisor'));
  await chat.newSession();
  await chat.send('Why is checkout-api slow after the deploy?');
  await page.getByTestId('chat-open-memory').click();
  await expect(page.getByTestId('memory-browser')).toBeVisible();
  // The session is found under the actor the agent used, and its events hold the prompt.
  await expect(page).toHaveURL(/actor=.*session=/);
  await expect(page.getByTestId('memory-events')).toContainText('Why is checkout-api slow after the deploy?');
  await page.getByTestId('memory-open-chat').click();
  await expect(page.getByTestId('page-chat')).toBeVisible();
  await expect(chat.assistantMessages()).toHaveCount(1);
});
