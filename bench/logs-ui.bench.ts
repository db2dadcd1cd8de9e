/**
 * The log tail under load, end to end: the emulator writes 5,000 lines/s
 * into one agent's log group for 60 s (LOGS_BENCH_SECONDS to change it), the
 * real web host tails it over StartLiveTail, and the real renderer in
 * Chromium shows it. In the page, requestAnimationFrame records every frame
 * interval; the host's RSS is sampled; at the end the lines the view received
 * (kept + dropped past its buffer cap) are counted against what CloudWatch
 * (the emulator) holds for the same window. Then the client-side filter over
 * 100,000 buffered lines, against a naive lowercase-and-includes baseline in
 * the same run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/fixtures/chromium';
import { startHost } from '../e2e/fixtures/web-host';
import { EMULATOR_CREDENTIALS, startEmulator } from '../src/emulator/index';
import { toLogLine } from '../src/main/services/logs/log-line';
import { compileHighlight, filterEntries } from '../src/renderer/src/features/logs/log-filter';
import type { LineEntry } from '../src/renderer/src/features/logs/log-entry';
import type { FleetSnapshot } from '../src/shared/fleet';
import { staticKeysHome } from '../test/integration/helpers/static-keys-home';
// @ts-expect-error plain ESM script without types
import { buildIfNeeded } from '../scripts/build-if-needed.mjs';
import { FRAME_PROBE } from './frame-probe';
import { percentile, type Bench, type BenchResult } from './bench-types';

const RATE = 5000;
const SECONDS = Number(process.env.LOGS_BENCH_SECONDS ?? 60);
const FRAME_TARGET_MS = 32;
const FILTER_TARGET_MS = 50;
const QUIET_AGENT = 'cost_optimizer_agent';

const rssMb = (pid: number): number => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function countInCloudWatch(client: CloudWatchLogsClient, group: string, from: number, to: number): Promise<number> {
  let count = 0;
  let nextToken: string | undefined;
  do {
    const page = await client.send(new FilterLogEventsCommand({ logGroupName: group, startTime: from, endTime: to, limit: 10_000, nextToken }));
    count += page.events?.length ?? 0;
    nextToken = page.nextToken;
  } while (nextToken);
  return count;
}

async function tailThroughUi(): Promise<BenchResult[]> {
  (buildIfNeeded as (root: string, options: { quiet: boolean }) => void)(join(import.meta.dirname, '..'), { quiet: true });
  const emulator = await startEmulator({ fast: true });
  const host = await startHost({ demo: false, env: staticKeysHome('bench-logs-home-', emulator.url).env });
  const browser = await chromium.launch(chromiumLaunchOptions());
  const logs = new CloudWatchLogsClient({ endpoint: emulator.url, region: 'us-east-1', credentials: EMULATOR_CREDENTIALS, maxAttempts: 3 });
  try {
    const fleet = (await (
      await fetch(`${host.url}/api/fleet.refresh`, { method: 'POST', headers: { authorization: `Bearer ${host.token}` }, body: '{}' })
    ).json()) as { result: FleetSnapshot };
    // A runtime in UPDATE_FAILED serves no synthetic traffic: every line in its group is one the bench wrote, so the count is exact.
    const agent = fleet.result.resources.find((r) => r.name === QUIET_AGENT);
    if (!agent) throw new Error(`${QUIET_AGENT} is not in the fleet`);
    const group = `/aws/bedrock-agentcore/runtimes/${agent.id}-DEFAULT`;
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, bypassCSP: true });
    await page.goto(host.openUrl);
    await page.locator('body[data-app-state="ready"]').waitFor({ timeout: 60_000 });
    await page.evaluate(`window.location.hash = ${JSON.stringify(`#/logs?agent=${encodeURIComponent(agent.key)}&mode=live`)}`);
    await page.locator('[data-testid="logs-mode"]', { hasText: /live/i }).waitFor({ timeout: 30_000 });
    await page.addScriptTag({ content: FRAME_PROBE });

    const rssBefore = rssMb(host.pid);
    const rss: number[] = [];
    // AWS samples live tail above 500 lines per update; the emulator's cap is raised so every line can be counted.
    emulator.setLogRate({ linesPerSecond: RATE, runtimeName: QUIET_AGENT, maxPerUpdate: Math.ceil(RATE * 1.2) });
    await page.evaluate('window.__frameProbe.start()');
    for (let s = 0; s < SECONDS; s += 5) {
      await sleep(Math.min(5, SECONDS - s) * 1000);
      rss.push(rssMb(host.pid));
    }
    const frames = ((await page.evaluate('window.__frameProbe.stop()')) as number[]).slice(1).sort((a, b) => a - b);
    // Setting the rate replaces the whole knob: keep the raised cap so the last update is not sampled either.
    emulator.setLogRate({ linesPerSecond: 0, maxPerUpdate: Math.ceil(RATE * 1.2) });
    const stoppedAt = Date.now();
    // Let the last live updates and the renderer's frame batches land.
    await sleep(4000);
    const counts = page.getByTestId('logs-counts');
    const received = Number(await counts.getAttribute('data-received'));
    const droppedOlder = Number(await counts.getAttribute('data-dropped-older'));
    const undelivered = Number(await counts.getAttribute('data-undelivered'));
    const expected = await countInCloudWatch(logs, group, 0, stoppedAt + 5000);
    const p95 = percentile(frames, 95);
    const growth = Math.max(...rss) - rssBefore;
    return [
      { metric: `lines written (${RATE}/s for ${SECONDS} s)`, value: expected, unit: 'lines' },
      { metric: 'lines the view received (kept + dropped past its cap)', value: received, unit: 'lines', target: `= ${expected}`, pass: received === expected },
      { metric: 'lines dropped past the buffer cap (marked in the list)', value: droppedOlder, unit: 'lines' },
      { metric: 'lines main dropped for a slow view', value: undelivered, unit: 'lines', target: '0', pass: undelivered === 0 },
      { metric: 'frame time p50', value: percentile(frames, 50), unit: 'ms' },
      { metric: 'frame time p95', value: p95, unit: 'ms', target: `< ${FRAME_TARGET_MS}`, pass: p95 < FRAME_TARGET_MS },
      { metric: 'frame time max', value: frames.at(-1) ?? NaN, unit: 'ms' },
      { metric: 'host RSS before', value: Math.round(rssBefore), unit: 'MB' },
      { metric: 'host RSS growth (peak − before)', value: Math.round(growth), unit: 'MB', target: '< 300', pass: growth < 300 },
      { metric: 'host RSS growth over the first half', value: Math.round((rss[Math.floor(rss.length / 2)] ?? NaN) - rssBefore), unit: 'MB' },
      {
        metric: 'host RSS growth over the second half (levelling off?)',
        value: Math.round((rss.at(-1) ?? NaN) - (rss[Math.floor(rss.length / 2)] ?? NaN)),
        unit: 'MB',
      },
    ];
  } finally {
    logs.destroy();
    await browser.close();
    await host.stop();
    await emulator.close();
  }
}

const MESSAGES = [
  'INFO:     169.254.0.1:41234 - "POST /invocations HTTP/1.1" 200 OK',
  '2026-12-01 10:00:00,123 - agent - INFO - Processing prompt (212 chars) with model us.anthropic.claude-sonnet-4-20250514-v1:0',
  '2026-12-01 10:00:00,456 - strands.tools - INFO - Tool #1: query_metrics',
  '{"timestamp":"2026-12-01T10:00:00.789Z","level":"ERROR","message":"Invocation failed","requestId":"6f1c2a","sessionId":"console-0123456789abcdef0123456789abcdef"}',
  '2026-12-01 10:00:01,001 - agent - WARNING - Slow model response: 11.2s',
  '{"timestamp":"2026-12-01T10:00:01.100Z","level":"DEBUG","message":"cache miss for runbook checkout-latency"}',
];

function filterOverBuffer(): BenchResult[] {
  const entries: LineEntry[] = Array.from({ length: 100_000 }, (_, i) => ({
    kind: 'line',
    id: i,
    line: toLogLine('DEFAULT', { timestamp: 1_796_000_000_000 + i, logStreamName: 's', message: `${MESSAGES[i % MESSAGES.length]} #${i}` }).line,
  }));
  const time = (run: () => unknown): number => {
    const samples: number[] = [];
    for (let i = 0; i < 15; i++) {
      const t = performance.now();
      run();
      samples.push(performance.now() - t);
    }
    return percentile(
      samples.sort((a, b) => a - b),
      50,
    );
  };
  const text = compileHighlight('checkout');
  const regex = compileHighlight('/slow model response: \\d+/');
  const levels = new Set(['error', 'warn'] as const);
  const textMs = time(() => filterEntries(entries, { levels: null, matcher: text.matcher, onlyMatching: true }));
  const regexMs = time(() => filterEntries(entries, { levels, matcher: regex.matcher, onlyMatching: true }));
  const naiveMs = time(() => entries.filter((e) => e.line.message.toLowerCase().includes('checkout')));
  return [
    {
      metric: 'filter 100,000 lines: text highlight, only matching (p50 of 15)',
      value: textMs,
      unit: 'ms',
      target: `< ${FILTER_TARGET_MS}`,
      pass: textMs < FILTER_TARGET_MS,
    },
    {
      metric: 'filter 100,000 lines: ERROR+WARN and a regex (p50 of 15)',
      value: regexMs,
      unit: 'ms',
      target: `< ${FILTER_TARGET_MS}`,
      pass: regexMs < FILTER_TARGET_MS,
    },
    { metric: 'text filter ÷ naive toLowerCase().includes (same run)', value: Math.round((textMs / naiveMs) * 100) / 100, unit: '×' },
  ];
}

const bench: Bench = {
  name: `log tail (Chromium, ${RATE.toLocaleString('en-US')} lines/s)`,
  async run() {
    return [...filterOverBuffer(), ...(await tailThroughUi())];
  },
};
export default bench;
