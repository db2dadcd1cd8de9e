/**
 * axe-core on every view, in light and dark: no serious or critical finding.
 * War rooms read the console on a projector, and SREs drive it by keyboard
 * and screen reader. A new view adds its line to `views`.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { ChatPage } from './pages/chat';
import { ConsolePage, pages } from './pages/console';
import { FleetPage } from './pages/fleet';
import { LoadTestPage } from './pages/loadtest';
import { LogsPage } from './pages/logs';
import { MemoryPage } from './pages/memory';
import { MetricsPage } from './pages/metrics';
import { ShareOwner, ShareViewer } from './pages/share';
import { TracesPage } from './pages/traces';
import { WarRoomPage } from './pages/warroom';
import { expect, runtimeKey, test, type RunningHost } from './fixtures/web-host';

interface View {
  name: string;
  open: (page: Page, host: RunningHost) => Promise<void>;
}

const views: View[] = [
  ...pages.map((target) => ({
    name: target.label,
    open: async (page: Page) => {
      await new ConsolePage(page).navigate(target.label);
      await expect(page.getByTestId(`page-${target.id}`)).toBeVisible();
    },
  })),
  {
    name: 'fleet quick look',
    open: async (page) => {
      await new ConsolePage(page).navigate('Fleet');
      await new FleetPage(page).rows().first().click();
      await expect(page.getByTestId('quick-look-open')).toBeVisible();
    },
  },
  {
    name: 'chat with a reply',
    open: async (page, host) => {
      const chat = new ChatPage(page);
      await chat.openAgent(await runtimeKey(host, 'sre_supervisor'));
      await chat.newSession();
      await chat.send('Why is checkout-api slow?');
    },
  },
  {
    name: 'logs of a chat reply, its session marked',
    open: async (page, host) => {
      const chat = new ChatPage(page);
      await chat.openAgent(await runtimeKey(host, 'sre_supervisor'));
      await chat.newSession();
      await (await chat.send('Why is checkout-api slow?')).getByTestId('chat-open-logs').click();
      await new LogsPage(page).waitForLines();
    },
  },
  {
    name: 'memory events',
    open: async (page) => {
      const memory = new MemoryPage(page);
      await new ConsolePage(page).navigate('Memory');
      await memory.openMemory('sre_agent_memory');
      await memory.items('memory-actors').filter({ hasText: 'alice' }).click();
      await memory.items('memory-sessions').first().click();
      await expect(memory.events().first()).toBeVisible();
    },
  },
  {
    name: 'memory records and search',
    open: async (page) => {
      const memory = new MemoryPage(page);
      await new ConsolePage(page).navigate('Memory');
      await memory.openMemory('sre_agent_memory');
      await memory.tab('Long-term records');
      await memory.items('memory-namespaces').first().click();
      await page.getByTestId('memory-record-open').first().click();
      await page.getByTestId('memory-search-input').locator('input').fill('report format');
      await page.getByTestId('memory-search-run').click();
      await expect(page.getByTestId('memory-search-results').getByRole('row').nth(1)).toBeVisible();
    },
  },
  {
    name: 'fleet in presentation mode',
    open: async (page) => {
      await new ConsolePage(page).navigate('Fleet');
      await page.getByRole('button', { name: /^Presentation mode: mask/ }).click();
      await expect(page.getByRole('button', { name: /Presentation mode is on/ })).toBeVisible();
      await expect(new FleetPage(page).rows().first()).toContainText('account-A');
    },
  },
  {
    name: 'harness detail',
    open: async (page) => {
      await new ConsolePage(page).navigate('Fleet');
      await new FleetPage(page).openByName('sre_tools_harness');
      await expect(page.getByTestId('detail-harness-tools')).toBeVisible();
    },
  },
  {
    name: 'chat with a harness reply (reasoning and tool steps)',
    open: async (page) => {
      await new ConsolePage(page).navigate('Fleet');
      await new FleetPage(page).openByName('sre_tools_harness');
      await page.getByTestId('detail-open-chat').click();
      const chat = new ChatPage(page);
      await chat.newSession();
      await expect(await chat.send('Is checkout-api healthy?')).toHaveAttribute('data-state', 'complete');
    },
  },
  {
    name: 'trace of a chat reply, a span open',
    open: async (page, host) => {
      const chat = new ChatPage(page);
      await chat.openAgent(await runtimeKey(host, 'sre_supervisor'));
      await chat.newSession();
      await (await chat.send('Why is checkout-api slow?')).getByTestId('chat-open-trace').click();
      const traces = new TracesPage(page);
      await traces.rows('model').first().click();
      await expect(traces.detail()).toBeVisible();
    },
  },
  {
    name: 'recent traces of an agent, with token usage',
    open: async (page, host) => {
      await page.evaluate(
        (h) => ((globalThis as unknown as { location: { hash: string } }).location.hash = h),
        `#/traces?agent=${encodeURIComponent(await runtimeKey(host, 'sre_supervisor'))}`,
      );
      await expect(new TracesPage(page).list().getByTestId('traces-open-trace').first()).toBeVisible({ timeout: 30_000 });
      await expect(page.getByTestId('traces-token-usage')).toContainText(/anthropic|nova/);
    },
  },
  {
    name: 'war room board with an open incident and a note',
    open: async (page) => {
      const room = new WarRoomPage(page);
      await room.open('show=all');
      await expect(room.tiles().first()).toBeVisible({ timeout: 30_000 });
      await room.startIncident('Checkout degraded');
      await room.addNote('Rolled back to v41');
      await expect(room.timeline().first()).toBeVisible();
    },
  },
  {
    name: 'load test scenario with field errors',
    open: async (page, host) => {
      const loadtest = new LoadTestPage(page);
      await loadtest.openNew(await runtimeKey(host, 'sre_supervisor'));
      await loadtest.setNumber('users', '0');
      await loadtest.seedTable();
      await expect(loadtest.field('users')).toContainText('At least one virtual user');
    },
  },
  {
    name: 'load test result with its acceptance table',
    open: async (page, host) => {
      const loadtest = new LoadTestPage(page);
      await loadtest.openNew(await runtimeKey(host, 'sre_supervisor'));
      await loadtest.name('a11y');
      await loadtest.prompt(0, 'Why is checkout-api slow?');
      await loadtest.stopAfterRequests(20);
      await loadtest.seedTable();
      await expect(loadtest.estimateRequests()).toBeVisible();
      await loadtest.start().click();
      await expect(loadtest.result()).toBeVisible({ timeout: 60_000 });
    },
  },
  {
    name: 'share modal with the LAN confirmation, then the started share',
    open: async (page) => {
      await page.getByRole('button', { name: 'Share a read-only view' }).click();
      await page.getByTestId('share-where').getByText('My local network').click();
      await expect(page.getByTestId('share-confirm-lan')).toBeVisible();
      expect(await seriousFindings(page)).toEqual([]);
      await page.getByTestId('share-where').getByText('This computer only').click();
      await page.getByTestId('share-start').click();
      await expect(page.getByTestId('share-url')).toContainText('?token=');
    },
  },
  {
    name: 'viewer shell of a read-only share (metrics)',
    open: async (page) => {
      await new ShareViewer(page).open(await new ShareOwner(page).start());
      await new MetricsPage(page).openFleet();
    },
  },
  { name: 'metrics of the fleet', open: (page) => new MetricsPage(page).openFleet() },
  {
    name: 'metrics of an agent, charts and cost',
    open: async (page, host) => new MetricsPage(page).openAgent(await runtimeKey(host, 'sre_supervisor'), 'range=24h'),
  },
];

async function seriousFindings(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map((n) => `${v.impact} ${v.id}: ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim() ?? v.help} — ${n.html.slice(0, 200)}`),
    );
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} mode`, () => {
    for (const view of views) {
      test(`${view.name} has no serious or critical axe finding`, async ({ page, host }) => {
        await page.emulateMedia({ colorScheme: scheme });
        await new ConsolePage(page).open(host.openUrl);
        await view.open(page, host);
        expect(await seriousFindings(page)).toEqual([]);
      });
    }
  });
}
