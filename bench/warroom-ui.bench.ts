/**
 * The war-room board in real Chromium at 1920×1080: 50 agents refreshing
 * every 5 s, frame intervals recorded over several refreshes. Every refresh
 * replaces all 50 tiles (figures, sparklines, reasons), which is the work a
 * wall display does all incident long.
 */
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/fixtures/chromium';
import { callHost, startHost } from '../e2e/fixtures/web-host';
import type { FleetSnapshot } from '../src/shared/fleet';
// @ts-expect-error plain ESM script without types
import { buildIfNeeded } from '../scripts/build-if-needed.mjs';
import { percentile, type Bench } from './bench-types';
import { FRAME_PROBE } from './frame-probe';

const AGENTS = 50;
const REFRESH_S = 5;
const WATCH_S = 26;
const FRAME_TARGET_MS = 32;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const bench: Bench = {
  name: 'war-room board UI (Chromium, 50 agents every 5 s)',
  async run() {
    (buildIfNeeded as (root: string, options: { quiet: boolean }) => void)(join(import.meta.dirname, '..'), { quiet: true });
    // Scale adds runtimes per region, so the board has 50 distinct agents to show.
    const host = await startHost({ env: { AGENTCORE_OPS_EMULATOR_SCALE: '20' } });
    const browser = await chromium.launch(chromiumLaunchOptions());
    try {
      const fleet = await callHost<FleetSnapshot>(host, 'fleet.refresh', {});
      const keys = fleet.resources.filter((r) => r.kind === 'runtime').map((r) => r.key);
      if (keys.length < AGENTS) throw new Error(`the fleet has ${keys.length} runtimes, the bench needs ${AGENTS}`);
      const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, bypassCSP: true });
      await page.goto(host.openUrl);
      await page.locator('body[data-app-state="ready"]').waitFor({ timeout: 60_000 });
      const query = new URLSearchParams({ show: 'agents', agents: keys.slice(0, AGENTS).join(','), every: String(REFRESH_S), panel: 'off' });
      await page.evaluate(`window.location.hash = ${JSON.stringify(`#/warroom?${query.toString()}`)}`);
      await page.waitForFunction(`document.querySelectorAll('[data-testid="board-tile"]').length >= ${AGENTS}`, undefined, { timeout: 60_000 });
      await page.addScriptTag({ content: FRAME_PROBE });
      const stamps = new Set<string>();
      await page.evaluate('window.__frameProbe.start()');
      for (let s = 0; s < WATCH_S; s += 1) {
        await sleep(1000);
        const stamp = /updated (\d\d:\d\d:\d\d)/.exec((await page.locator('.board-status__clock').textContent()) ?? '')?.[1];
        if (stamp) stamps.add(stamp);
      }
      const frames = ((await page.evaluate('window.__frameProbe.stop()')) as number[]).slice(1).sort((a, b) => a - b);
      const tiles = await page.locator('[data-testid="board-tile"]').count();
      const p95 = percentile(frames, 95);
      return [
        { metric: 'tiles on the board', value: tiles, unit: 'tiles', target: `= ${AGENTS}`, pass: tiles === AGENTS },
        {
          metric: `board refreshes seen in ${WATCH_S} s (every ${REFRESH_S} s)`,
          value: stamps.size,
          unit: 'frames',
          target: `≥ ${Math.floor(WATCH_S / REFRESH_S) - 1}`,
          pass: stamps.size >= Math.floor(WATCH_S / REFRESH_S) - 1,
        },
        { metric: 'frame time p50', value: percentile(frames, 50), unit: 'ms' },
        { metric: 'frame time p95', value: p95, unit: 'ms', target: `< ${FRAME_TARGET_MS}`, pass: p95 < FRAME_TARGET_MS },
        { metric: 'frame time max', value: frames.at(-1) ?? NaN, unit: 'ms' },
      ];
    } finally {
      await browser.close();
      await host.stop();
    }
  },
};
export default bench;
