/**
 * The metrics page in real Chromium: for each of several demo agents, the
 * 7-day view is opened and the time from the moment its `metrics.agent`
 * answer finished arriving (the browser's own resource timing) to the frame
 * in which every chart on screen has drawn its lines is measured in the page.
 * That is "drawn after the data arrives" as a user sees it: charts below the
 * fold draw when scrolled to (use-near-viewport.ts), and the fetch itself is
 * `npm run bench -- metrics`.
 */
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/fixtures/chromium';
import { startHost } from '../e2e/fixtures/web-host';
import type { FleetSnapshot } from '../src/shared/fleet';
// @ts-expect-error plain ESM script without types
import { buildIfNeeded } from '../scripts/build-if-needed.mjs';
import { percentile, type Bench } from './bench-types';

const TARGET_MS = 500;
const AGENTS = ['sre_supervisor', 'strands_research_agent', 'incident_summarizer', 'llmops_agent', 'coach_companion', 'release_notes_writer'];

/**
 * Resolves, in the page, with [ms from the last metrics.agent response's end to the frame where every chart on screen
 * shows lines, charts on screen]. At least `charts` must be on screen, so a page still showing the previous agent's
 * data (or a spinner) never counts.
 */
const DRAWN_AFTER_DATA = `(charts) => new Promise((resolve) => {
  const check = () => {
    const answer = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/metrics.agent')).at(-1);
    const onScreen = [...document.querySelectorAll('[data-testid^="metrics-chart-"]')].filter((c) => c.getBoundingClientRect().top < innerHeight);
    const drawn = onScreen.filter((c) => c.querySelector('svg .recharts-curve')).length;
    if (answer && answer.responseEnd > 0 && onScreen.length >= charts && drawn === onScreen.length) resolve([performance.now() - answer.responseEnd, drawn]);
    else requestAnimationFrame(check);
  };
  check();
})`;

const bench: Bench = {
  name: 'metrics UI (Chromium, 7-day agent charts)',
  async run() {
    (buildIfNeeded as (root: string, options: { quiet: boolean }) => void)(join(import.meta.dirname, '..'), { quiet: true });
    const host = await startHost();
    const browser = await chromium.launch(chromiumLaunchOptions());
    try {
      const fleet = (await (
        await fetch(`${host.url}/api/fleet.refresh`, { method: 'POST', headers: { authorization: `Bearer ${host.token}` }, body: '{}' })
      ).json()) as { result: FleetSnapshot };
      const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
      await page.goto(host.openUrl);
      await page.locator('body[data-app-state="ready"]').waitFor({ timeout: 60_000 });
      const drawMs: number[] = [];
      let onScreen = Infinity;
      for (const name of AGENTS) {
        const key = fleet.result.resources.find((r) => r.kind === 'runtime' && r.name === name)?.key;
        if (!key) throw new Error(`${name} is not in the demo fleet`);
        await page.evaluate('performance.clearResourceTimings()');
        await page.evaluate(`window.location.hash = ${JSON.stringify(`#/metrics?agent=${encodeURIComponent(key)}&range=7d`)}`);
        const [ms, charts] = (await page.evaluate(`(${DRAWN_AFTER_DATA})(4)`)) as [number, number];
        drawMs.push(ms);
        onScreen = Math.min(onScreen, charts);
      }
      drawMs.sort((a, b) => a - b);
      const p50 = percentile(drawMs, 50);
      const max = drawMs.at(-1) ?? NaN;
      return [
        { metric: 'agents opened at 7 days', value: AGENTS.length, unit: 'agents' },
        { metric: 'charts on screen (1920×1080), fewest', value: onScreen, unit: 'charts' },
        { metric: 'data arrived → every chart drawn, p50', value: Math.round(p50), unit: 'ms', target: `< ${TARGET_MS}`, pass: p50 < TARGET_MS },
        { metric: 'data arrived → every chart drawn, max', value: Math.round(max), unit: 'ms', target: `< ${TARGET_MS}`, pass: max < TARGET_MS },
      ];
    } finally {
      await browser.close();
      await host.stop();
    }
  },
};
export default bench;
