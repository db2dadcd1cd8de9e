/**
 * Traces in real Chromium on the demo fleet (its embedded emulator in fast
 * mode: no simulated ingestion lag):
 * - a 2,000-span trace (written through the emulator's admin API) opened by
 *   URL: from the moment its `traces.get` answer finished arriving (the
 *   browser's resource timing) to the frame in which the waterfall shows its
 *   rows — the renderer's layout and draw; main's parse and tree building of
 *   the same 2,000 records is timed in Node beside it;
 * - a chat reply to the demo SRE supervisor: from the moment its Trace button
 *   appears (the invocation has ended) to the waterfall on screen, clicked as
 *   a user would — Logs Insights query, polling and drawing included.
 */
import { join } from 'node:path';
import { CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/fixtures/chromium';
import { startHost, type RunningHost } from '../e2e/fixtures/web-host';
import { ChatPage } from '../e2e/pages/chat';
import { EMULATOR_CREDENTIALS } from '../src/emulator/index';
import { parseSpanRecord } from '../src/main/services/traces/span-record';
import { buildTrace } from '../src/main/services/traces/trace-tree';
import type { FleetSnapshot } from '../src/shared/fleet';
// @ts-expect-error plain ESM script without types
import { buildIfNeeded } from '../scripts/build-if-needed.mjs';
import { percentile, type Bench } from './bench-types';

const SPANS = 2_000;
const ROUNDS = 5;
const DRAW_TARGET_MS = 200;
const SHOWN_TARGET_MS = 1_000;

function emulatorUrl(host: RunningHost): string {
  const url = /embedded emulator at (http:\/\/\S+?)\)/.exec(host.output())?.[1];
  if (!url) throw new Error(`no emulator address in the host output:\n${host.output()}`);
  return url;
}

/** Resolves, in the page, with ms from the last traces.get answer's end to the frame where span rows are drawn. */
const DRAWN_AFTER_DATA = `() => new Promise((resolve) => {
  const check = () => {
    const answer = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/traces.get')).at(-1);
    const rows = document.querySelectorAll('[data-testid="trace-span-row"]').length;
    if (answer && answer.responseEnd > 0 && rows > 0) requestAnimationFrame(() => resolve(performance.now() - answer.responseEnd));
    else requestAnimationFrame(check);
  };
  check();
})`;

const go = (page: Page, hash: string) => page.evaluate(`window.location.hash = ${JSON.stringify(hash)}`);

/** The same records main reads, parsed and built into a tree, timed in Node (median of rounds). */
async function mainBuildMs(emulator: string, traceId: string, startTime: number): Promise<number> {
  const logs = new CloudWatchLogsClient({ endpoint: emulator, region: 'us-east-1', credentials: EMULATOR_CREDENTIALS });
  const messages: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await logs.send(
      new FilterLogEventsCommand({
        logGroupName: 'aws/spans',
        startTime: startTime - 60_000,
        endTime: Date.now() + 60_000,
        filterPattern: `{ $.traceId = "${traceId}" }`,
        nextToken,
      }),
    );
    messages.push(...(page.events ?? []).flatMap((e) => (e.message ? [e.message] : [])));
    nextToken = page.nextToken;
  } while (nextToken);
  logs.destroy();
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const started = performance.now();
    const spans = messages.map(parseSpanRecord).filter((s) => s !== null);
    buildTrace(traceId, spans, 0, 'insights');
    times.push(performance.now() - started);
  }
  if (messages.length !== SPANS) throw new Error(`read ${messages.length} span records, expected ${SPANS}`);
  return percentile(
    times.sort((a, b) => a - b),
    50,
  );
}

const bench: Bench = {
  name: 'traces UI (Chromium, demo fleet)',
  async run() {
    (buildIfNeeded as (root: string, options: { quiet: boolean }) => void)(join(import.meta.dirname, '..'), { quiet: true });
    const host = await startHost();
    const browser = await chromium.launch(chromiumLaunchOptions());
    try {
      const emulator = emulatorUrl(host);
      const fleet = (await (
        await fetch(`${host.url}/api/fleet.refresh`, { method: 'POST', headers: { authorization: `Bearer ${host.token}` }, body: '{}' })
      ).json()) as { result: FleetSnapshot };
      const agent = fleet.result.resources.find((r) => r.kind === 'runtime' && r.name === 'sre_supervisor')?.key;
      if (!agent) throw new Error('sre_supervisor is not in the demo fleet');
      const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
      await page.goto(host.openUrl);
      await page.locator('body[data-app-state="ready"]').waitFor({ timeout: 60_000 });

      const drawMs: number[] = [];
      let buildMs = NaN;
      for (let i = 0; i < ROUNDS; i++) {
        const response = await fetch(`${emulator}/_emulator/traces`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ runtimeName: 'sre_supervisor', spans: SPANS }),
        });
        const trace = (await response.json()) as { traceId: string; startTime: number };
        if (i === 0) buildMs = await mainBuildMs(emulator, trace.traceId, trace.startTime);
        await page.evaluate('performance.clearResourceTimings()');
        await go(page, `#/traces?agent=${encodeURIComponent(agent)}&trace=${trace.traceId}&at=${trace.startTime}`);
        drawMs.push((await page.evaluate(`(${DRAWN_AFTER_DATA})()`)) as number);
        await go(page, '#/fleet');
      }

      const shownMs: number[] = [];
      const chat = new ChatPage(page);
      await chat.openAgent(agent);
      for (let i = 0; i < ROUNDS; i++) {
        await chat.newSession();
        const reply = await chat.send('Why is checkout-api slow after the deploy?');
        const button = reply.getByTestId('chat-open-trace');
        await button.waitFor({ timeout: 60_000 });
        const ended = (await page.evaluate('performance.now()')) as number;
        await button.click();
        await page.locator('[data-testid="trace-span-row"][data-category="model"]').first().waitFor({ timeout: 30_000 });
        shownMs.push(((await page.evaluate('performance.now()')) as number) - ended);
        await page.goBack();
      }

      drawMs.sort((a, b) => a - b);
      shownMs.sort((a, b) => a - b);
      const p50 = (xs: number[]) => Math.round(percentile(xs, 50));
      return [
        { metric: `${SPANS.toLocaleString('en-US')}-span trace: main parses and builds the tree, p50`, value: Math.round(buildMs * 10) / 10, unit: 'ms' },
        {
          metric: `${SPANS.toLocaleString('en-US')}-span trace: answer arrived → waterfall drawn, p50`,
          value: p50(drawMs),
          unit: 'ms',
          target: `< ${DRAW_TARGET_MS}`,
          pass: p50(drawMs) < DRAW_TARGET_MS,
        },
        { metric: `${SPANS.toLocaleString('en-US')}-span trace: answer arrived → waterfall drawn, max`, value: Math.round(drawMs.at(-1)!), unit: 'ms' },
        {
          metric: 'chat reply ended → its waterfall on screen, p50',
          value: p50(shownMs),
          unit: 'ms',
          target: `< ${SHOWN_TARGET_MS}`,
          pass: p50(shownMs) < SHOWN_TARGET_MS,
        },
        { metric: 'chat reply ended → its waterfall on screen, max', value: Math.round(shownMs.at(-1)!), unit: 'ms' },
      ];
    } finally {
      await browser.close();
      await host.stop();
    }
  },
};
export default bench;
