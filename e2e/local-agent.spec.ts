/**
 * `npm start -- --agent name=url`: an agent container on the laptop shows in the fleet beside the demo
 * agents, healthy or not per its /ping, and the console chats with it (SSE and JSON answers) through the
 * real SDK and the emulator's bridge.
 */
import { expect, test } from '@playwright/test';
import type { FleetSnapshot } from '../src/shared/fleet';
import { startLocalAgent, type LocalAgent } from './fixtures/local-agent';
import { callHost, startHost, type RunningHost } from './fixtures/web-host';
import { ChatPage } from './pages/chat';
import { ConsolePage } from './pages/console';
import { FleetPage } from './pages/fleet';

let healthy: LocalAgent;
let sick: LocalAgent;
let host: RunningHost;

test.beforeAll(async () => {
  healthy = await startLocalAgent({ healthy: true });
  sick = await startLocalAgent({ healthy: false });
  host = await startHost({ args: ['--agent', `laptop_agent=${healthy.url}`, '--agent', `sick_agent=${sick.url}`] });
});
test.afterAll(async () => {
  await host?.stop();
  await healthy?.close();
  await sick?.close();
});

test('a local agent is in the fleet, its health from /ping, and chats in SSE and JSON', async ({ page }) => {
  const fleet = await callHost<FleetSnapshot>(host, 'fleet.refresh', {});
  const laptop = fleet.resources.find((r) => r.kind === 'runtime' && r.name === 'laptop_agent');
  expect(laptop?.status).toBe('READY');
  expect(fleet.resources.find((r) => r.kind === 'runtime' && r.name === 'sick_agent')?.status).not.toBe('READY');
  expect(fleet.resources.some((r) => r.name === 'coach_companion')).toBe(true); // beside the demo agents

  await new ConsolePage(page).open(host.openUrl);
  // The sick container shows its /ping failure; the healthy one is there too (the table is virtualized: filter to it).
  await expect(page.getByTestId('fleet-table')).toContainText('ping failed: HTTP 503');
  await new FleetPage(page).filterText('laptop_agent');
  await expect(new FleetPage(page).rows()).toHaveCount(1);
  await expect(new FleetPage(page).rows().first()).toContainText('READY');
  const chat = new ChatPage(page);
  await chat.openAgent(laptop?.key ?? '');
  await chat.newSession();
  const streamed = await chat.send('hello from the console');
  await expect(streamed).toHaveAttribute('data-state', 'complete');
  await expect(streamed).toContainText('Local agent heard: hello from the console');
  const json = await chat.send('answer in json please');
  await expect(json).toContainText('Local agent heard: answer in json please');
  // One console session is one runtime session on the container (33+ characters, as AgentCore requires).
  expect(new Set(healthy.sessions).size).toBe(1);
  expect(healthy.sessions[0]?.length).toBeGreaterThanOrEqual(33);
});
