/**
 * The memory browser against an actor with 10,000 events, in real Chromium
 * through the real web host and SDK, and semantic search over 5,000 records.
 *
 * - First page: from the click on the session (a real mouse click; in the
 *   page, its pointerdown timeStamp) to the frame that shows the first event
 *   (a MutationObserver sees it, a requestAnimationFrame marks the frame).
 * - Scroll to the end: the event list is scrolled by 600 px a frame (a fast
 *   fling) until all 10,000 events are loaded (100 pages, fetched as the end
 *   comes near) and on screen; every frame interval meanwhile counts. Then
 *   back to the top at 2,000 px a frame, everything loaded.
 * - RetrieveMemoryRecords: 5,000 records in one namespace, 20 queries through
 *   the SDK straight at the emulator; ListMemoryRecords of one page beside it
 *   as the run's own yardstick.
 */
import { join } from 'node:path';
import {
  BatchCreateMemoryRecordsCommand,
  BedrockAgentCoreClient,
  CreateEventCommand,
  ListMemoryRecordsCommand,
  RetrieveMemoryRecordsCommand,
} from '@aws-sdk/client-bedrock-agentcore';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/fixtures/chromium';
import { callHost, startHost } from '../e2e/fixtures/web-host';
import { EMULATOR_CREDENTIALS, startEmulator } from '../src/emulator/index';
import type { FleetSnapshot } from '../src/shared/fleet';
import { staticKeysHome } from '../test/integration/helpers/static-keys-home';
// @ts-expect-error plain ESM script without types
import { buildIfNeeded } from '../scripts/build-if-needed.mjs';
import { percentile, type Bench } from './bench-types';

const EVENTS = 10_000;
const RECORDS = 5_000;
const ACTOR = 'bench-actor';
const SESSION = 'ten-thousand-events';
const DOWN_PX_PER_FRAME = 600;
const UP_PX_PER_FRAME = 2000;

async function fill(client: BedrockAgentCoreClient, memoryId: string): Promise<void> {
  const start = Date.now() - EVENTS * 1000;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < EVENTS) {
      const i = next++;
      await client.send(
        new CreateEventCommand({
          memoryId,
          actorId: ACTOR,
          sessionId: SESSION,
          eventTimestamp: new Date(start + i * 1000),
          payload: [
            { conversational: { role: i % 2 ? 'ASSISTANT' : 'USER', content: { text: `Turn ${i}: the payments API p99 rose after deploy ${i % 97}.` } } },
          ],
        }),
      );
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  for (let batch = 0; batch < RECORDS / 100; batch++) {
    await client.send(
      new BatchCreateMemoryRecordsCommand({
        memoryId,
        records: Array.from({ length: 100 }, (_, j) => {
          const i = batch * 100 + j;
          return {
            requestIdentifier: `r${i}`,
            namespaces: ['/bench/facts'],
            content: { text: `Service ${i % 211} depends on cluster ${i % 13} and queue ${i % 7}` },
            timestamp: new Date(),
          };
        }),
      }),
    );
  }
}

const PROBE = `(() => {
  const probe = { clickAt: 0, shownAt: 0 };
  addEventListener('pointerdown', (e) => { probe.clickAt = e.timeStamp; probe.shownAt = 0; }, true);
  new MutationObserver(() => {
    if (probe.clickAt && !probe.shownAt && document.querySelector('[data-testid="memory-event"]'))
      requestAnimationFrame(() => { probe.shownAt = performance.now(); });
  }).observe(document.body, { childList: true, subtree: true });
  // Scrolls by pxPerFrame each frame until done(el) (down: all loaded and at the end; up: at the top).
  probe.scroll = (pxPerFrame) => new Promise((resolve) => {
    const el = document.querySelector('[data-testid="memory-event-scroll"]');
    const frames = [];
    let last = performance.now();
    const started = last;
    const step = (t) => {
      frames.push(t - last); last = t;
      el.scrollTop += pxPerFrame;
      const loaded = document.querySelector('[data-testid="memory-events"] h3')?.textContent ?? '';
      const done = pxPerFrame > 0 ? el.scrollTop + el.clientHeight >= el.scrollHeight - 2 && /\\(${EVENTS}\\)/.test(loaded) : el.scrollTop <= 0;
      if (done || t - started > 180000) return resolve({ loaded, seconds: (t - started) / 1000, frames: frames.slice(1) });
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
  window.__memBench = probe;
})();`;

const bench: Bench = {
  name: 'memory browser (10,000 events, 5,000 records)',
  async run() {
    (buildIfNeeded as (root: string, options: { quiet: boolean }) => void)(join(import.meta.dirname, '..'), { quiet: true });
    const emulator = await startEmulator({ fast: true });
    const client = new BedrockAgentCoreClient({ endpoint: emulator.url, region: 'us-east-1', credentials: EMULATOR_CREDENTIALS });
    const memoryId = emulator.world.memories('us-east-1').find((m) => m.name === 'sre_agent_memory')!.id;
    const filledAt = performance.now();
    await fill(client, memoryId);
    const fillSeconds = (performance.now() - filledAt) / 1000;

    const retrieveMs: number[] = [];
    const listMs: number[] = [];
    for (let i = 0; i < 20; i++) {
      let t = performance.now();
      const out = await client.send(
        new RetrieveMemoryRecordsCommand({ memoryId, namespace: '/bench/facts', searchCriteria: { searchQuery: `which services use cluster ${i}`, topK: 10 } }),
      );
      retrieveMs.push(performance.now() - t);
      if ((out.memoryRecordSummaries?.length ?? 0) !== 10) throw new Error('RetrieveMemoryRecords did not answer topK records');
      t = performance.now();
      await client.send(new ListMemoryRecordsCommand({ memoryId, namespace: '/bench/facts', maxResults: 10 }));
      listMs.push(performance.now() - t);
    }
    retrieveMs.sort((a, b) => a - b);
    listMs.sort((a, b) => a - b);

    const host = await startHost({ demo: false, env: staticKeysHome('bench-memory-home-', emulator.url).env });
    const browser = await chromium.launch(chromiumLaunchOptions());
    try {
      const fleet = await callHost<FleetSnapshot>(host, 'fleet.refresh', {});
      const key = fleet.resources.find((r) => r.kind === 'memory' && r.id === memoryId)?.key;
      if (!key) throw new Error('the SRE memory is not in the fleet');
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
      await page.goto(host.openUrl);
      await page.locator('body[data-app-state="ready"]').waitFor({ timeout: 60_000 });
      await page.evaluate(`window.location.hash = ${JSON.stringify(`#/memory?memory=${encodeURIComponent(key)}&actor=${ACTOR}`)}`);
      await page.addScriptTag({ content: PROBE });
      await page.getByTestId('memory-sessions-item').filter({ hasText: SESSION }).click();
      await page.getByTestId('memory-event').first().waitFor();
      await page.waitForFunction('window.__memBench.shownAt > 0');
      const firstPageMs = (await page.evaluate('window.__memBench.shownAt - window.__memBench.clickAt')) as number;

      type Scroll = { loaded: string; seconds: number; frames: number[] };
      // Down at a fast fling (36,000 px/s), loading every page on the way; then back up at 120,000 px/s with all of it loaded.
      const scrolled = (await page.evaluate(`window.__memBench.scroll(${DOWN_PX_PER_FRAME})`)) as Scroll;
      const up = (await page.evaluate(`window.__memBench.scroll(${-UP_PX_PER_FRAME})`)) as Scroll;
      const frames = scrolled.frames.sort((a, b) => a - b);
      const upFrames = up.frames.sort((a, b) => a - b);
      const p95 = percentile(frames, 95);
      const retrieveP50 = percentile(retrieveMs, 50);
      const allLoaded = scrolled.loaded.includes(`(${EVENTS})`);
      return [
        { metric: `seed ${EVENTS} events + ${RECORDS} records through the SDK`, value: Math.round(fillSeconds * 10) / 10, unit: 's' },
        { metric: 'click session → first page of events on screen', value: Math.round(firstPageMs), unit: 'ms', target: '< 300', pass: firstPageMs < 300 },
        { metric: 'scroll to the end: all events loaded and shown', value: allLoaded ? EVENTS : 0, unit: 'events', target: `${EVENTS}`, pass: allLoaded },
        { metric: 'scroll to the end: time', value: Math.round(scrolled.seconds * 10) / 10, unit: 's' },
        { metric: `scroll to the end (${DOWN_PX_PER_FRAME} px/frame, loading): frame p50`, value: percentile(frames, 50), unit: 'ms' },
        { metric: `scroll to the end (${DOWN_PX_PER_FRAME} px/frame, loading): frame p95`, value: p95, unit: 'ms', target: '< 32', pass: p95 < 32 },
        { metric: `scroll back up (${UP_PX_PER_FRAME} px/frame, all loaded): frame p95`, value: percentile(upFrames, 95), unit: 'ms' },
        {
          metric: 'RetrieveMemoryRecords over 5,000 records p50',
          value: Math.round(retrieveP50 * 10) / 10,
          unit: 'ms',
          target: '< 200',
          pass: retrieveP50 < 200,
        },
        { metric: 'RetrieveMemoryRecords p95', value: Math.round(percentile(retrieveMs, 95) * 10) / 10, unit: 'ms' },
        { metric: 'retrieve ÷ ListMemoryRecords (one page), same run', value: Math.round((retrieveP50 / percentile(listMs, 50)) * 10) / 10, unit: '×' },
      ];
    } finally {
      await browser.close();
      await host.stop();
      await emulator.close();
    }
  },
};
export default bench;
