/**
 * Fleet overview with 5,000+ rows in real Chromium: how long a keystroke in the
 * filter takes to reach the screen.
 *
 * The real web host runs the demo emulator at scale 1000 (3,000 extra runtimes
 * over 3 regions, plus 1,500 memories and 600 gateways). Each keystroke is a
 * real key event (CDP Input.dispatchKeyEvent). In the page, a capture-phase
 * keydown listener takes the event's timeStamp; a MutationObserver on the
 * table's rows (tbody) sees React's commit; a requestAnimationFrame after
 * that commit marks the start of the frame that shows it, and a
 * MessageChannel task posted from that frame runs once the main thread has
 * produced the frame. So "to next paint" = keydown → first task after the
 * frame with the new rows: what the page's own work costs. Raster,
 * compositing and display come after it and are not included; in this
 * GPU-less headless Chromium they are software and slow (in a trial run,
 * Chromium's Event Timing, the measure behind INP, read p50 40 ms against
 * 28 ms by this probe, and observing it slowed the page itself).
 *
 * Every keystroke changes the rows on screen (toggling the last digit of
 * "agent_00" / "memory_00"); one that changed nothing would be reported as
 * not measured rather than counted. Keystrokes start once the host is idle
 * (its first poll done), so they measure the page, not the two cores being
 * shared with the poll.
 */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/fixtures/chromium';
import { startHost } from '../e2e/fixtures/web-host';
// @ts-expect-error plain ESM script without types
import { buildIfNeeded } from '../scripts/build-if-needed.mjs';
import { percentile, type Bench, type BenchResult } from './bench-types';
import { measureSteal, waitForIdle } from './cpu-stats';

const root = join(import.meta.dirname, '..');
const SCALE = 1000;
const TARGET_MS = 50;
const KEY_INTERVAL_MS = 100;
const ROUNDS = 4;

interface Sample {
  changed: boolean;
  commit: number;
  frame: number;
  paint: number;
}

/**
 * Installed in the page: measures one keystroke at a time. `arm()` readies it
 * for the next key; `take()` resolves with that key's sample and arms again,
 * so a measured keystroke costs one round trip besides the key itself (the
 * harness's CDP traffic shares the two cores with the page). Plain JS text,
 * not a function: tsx's name-keeping helpers do not exist in the page.
 */
const PROBE = `(() => {
  const probe = { pending: null, result: null };
  probe.arm = () => { probe.result = new Promise((resolve) => { probe.pending = resolve; }); };
  probe.take = () => probe.result.then((sample) => { probe.arm(); return sample; });
  window.__fleetBench = probe;
  document.addEventListener('keydown', (event) => {
    // Only the keystroke sent after arm() is measured; keys typed while unarmed must leave nothing
    // behind (an observer of theirs would otherwise report the next keystroke's commit with their start).
    const finish = probe.pending;
    probe.pending = null;
    if (!finish) return;
    const start = event.timeStamp;
    // The sticky header is a second <table>; rows live in the tbody, so only mutations there count.
    const table = document.querySelector('[data-testid="fleet-table"]');
    if (!table) { finish({ changed: false }); return; }
    let done = false;
    const inRows = (node) => { const el = node.nodeType === 1 ? node : node.parentElement; return Boolean(el && el.closest('tbody')); };
    const observer = new MutationObserver((records) => {
      if (done || !records.some((r) => inRows(r.target))) return;
      done = true;
      observer.disconnect();
      const commit = performance.now() - start;
      requestAnimationFrame(() => {
        const frame = performance.now() - start;
        const channel = new MessageChannel();
        channel.port1.onmessage = () => finish({ changed: true, commit, frame, paint: performance.now() - start });
        channel.port2.postMessage(0);
      });
    });
    observer.observe(table, { childList: true, subtree: true, characterData: true });
    setTimeout(() => {
      if (done) return;
      done = true;
      observer.disconnect();
      finish({ changed: false, commit: NaN, frame: NaN, paint: NaN });
    }, 2000);
  }, true);
})();`;

const bench: Bench = {
  name: `fleet UI (Chromium, ${SCALE * 5}+ rows)`,
  async run() {
    (buildIfNeeded as (root: string, options: { quiet: boolean }) => void)(root, { quiet: true });
    const host = await startHost({ env: { AGENTCORE_OPS_EMULATOR_SCALE: String(SCALE) } });
    const browser = await chromium.launch(chromiumLaunchOptions());
    try {
      // The console's CSP (script-src 'self') rightly refuses injected script; the probe is the bench's, so CSP is bypassed for it.
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
      const loadStart = Date.now();
      await page.goto(host.openUrl);
      // The header counter reads "(N)": wait for the whole scaled fleet.
      await page.waitForFunction(
        `Number((/\\((\\d+)\\)/.exec(document.querySelector('[data-testid="page-fleet"]')?.textContent ?? '') ?? [])[1] ?? 0) >= ${SCALE * 5}`,
        undefined,
        { timeout: 120_000, polling: 250 },
      );
      const loadSeconds = (Date.now() - loadStart) / 1000;
      // Keystrokes are measured on the settled fleet: until the host's first poll is done it takes most of a core here.
      let settleMs = await waitForIdle(host.pid, { maxShare: 0.1, windowMs: 1000, timeoutMs: 60_000 });
      if (settleMs === null) {
        // No /proc to read: give the first poll a fixed 5 s.
        await page.waitForTimeout(5000);
        settleMs = NaN;
      }
      const total = Number(/\((\d+)\)/.exec((await page.getByTestId('page-fleet').textContent()) ?? '')?.[1] ?? 0);
      const rowsOnPage = await page.locator('[data-testid="fleet-table"] tbody tr').count();
      await page.addScriptTag({ content: PROBE });

      const input = page.getByRole('searchbox', { name: 'Filter fleet resources' });
      await input.click();
      // Base text, typed unmeasured (warm-up: the first keystrokes also compile the filter paths).
      await input.pressSequentially('agent_00');
      await page.waitForTimeout(300);
      // The first toggle after load runs code paths for the first time; it is reported on its own.
      const first: Sample[] = [];
      // Keys go out at a fast typist's pace (one per 100 ms, ~120 wpm), not back to back: work a keystroke
      // rightly defers past its frame (re-measuring rows, the URL write) then runs between keys, as it does for a person.
      let lastKeyAt = 0;
      const measure = async (key: string): Promise<Sample> => {
        const wait = lastKeyAt + KEY_INTERVAL_MS - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        lastKeyAt = Date.now();
        await page.keyboard.press(key);
        return (await page.evaluate('window.__fleetBench.take()')) as Sample;
      };
      const typeBase = async (text: string): Promise<void> => {
        await input.fill(text);
        await page.waitForTimeout(300);
        await page.evaluate('window.__fleetBench.arm()');
      };
      await page.evaluate('window.__fleetBench.arm()');
      const stolen = measureSteal();
      for (const key of ['9', 'Backspace']) first.push(await measure(key));

      const samples: Sample[] = [];
      const press = async (key: string): Promise<void> => {
        samples.push(await measure(key));
      };
      // ROUNDS × (9 × (digit, Backspace) on runtimes, then 6 × on memories): 120 keystrokes, each changing the rows
      // on screen ("agent_000" would show the same first rows as "agent_00", so 0 is skipped). Enough samples that
      // the p95 is not decided by one or two keystrokes the OS scheduler delayed on this 2-core machine.
      for (let round = 0; round < ROUNDS; round++) {
        await typeBase('agent_00');
        for (let d = 1; d <= 9; d++) {
          await press(String(d));
          await press('Backspace');
        }
        await typeBase('memory_00');
        for (let d = 1; d <= 6; d++) {
          await press(String(d));
          await press('Backspace');
        }
      }

      const stolenShare = stolen();
      if (process.env.FLEET_BENCH_DEBUG === '1')
        console.log(samples.map((s, i) => (s.paint > 45 ? `[${i}: ${Math.round(s.commit)}/${Math.round(s.frame)}/${Math.round(s.paint)}]` : '')).join(''));
      const measured = samples.filter((s) => s.changed);
      const sorted = (pick: (s: Sample) => number): number[] => measured.map(pick).sort((a, b) => a - b);
      const paint = sorted((s) => s.paint);
      const commit = sorted((s) => s.commit);
      const p95 = percentile(paint, 95);
      const results: BenchResult[] = [
        // Other work on the machine inflates every figure below (2 cores): the load says how much to trust them.
        { metric: 'machine load average (1 min) during the run', value: Math.round((loadavg()[0] ?? 0) * 100) / 100, unit: 'runnable' },
        { metric: 'CPU stolen by the hypervisor during the keystrokes', value: Math.round(stolenShare * 1000) / 10, unit: '%' },
        { metric: `fleet rows loaded (scale ${SCALE})`, value: total, unit: 'rows', target: `≥ ${SCALE * 5}`, pass: total >= SCALE * 5 },
        { metric: 'rows in the DOM (virtualized: on screen + overscan)', value: rowsOnPage, unit: 'rows' },
        { metric: 'time to full fleet on screen', value: loadSeconds, unit: 's' },
        { metric: "then until the host's first poll settled (< 10 % CPU for 1 s)", value: settleMs / 1000, unit: 's' },
        { metric: 'keystrokes measured (each changed rows)', value: measured.length, unit: `of ${samples.length}` },
        { metric: 'first keystroke after load → next paint (not in the percentiles)', value: first[0]?.paint ?? NaN, unit: 'ms' },
        { metric: 'keystroke → React commit p50', value: percentile(commit, 50), unit: 'ms' },
        { metric: 'keystroke → next paint p50', value: percentile(paint, 50), unit: 'ms', target: `< ${TARGET_MS}`, pass: percentile(paint, 50) < TARGET_MS },
        { metric: 'keystroke → next paint p95', value: p95, unit: 'ms', target: `< ${TARGET_MS}`, pass: p95 < TARGET_MS },
        { metric: 'keystroke → next paint max', value: paint[paint.length - 1] ?? NaN, unit: 'ms' },
        { metric: 'keystrokes over 50 ms to paint', value: paint.filter((ms) => ms >= TARGET_MS).length, unit: `of ${paint.length}` },
      ];
      return results;
    } finally {
      await browser.close();
      await host.stop();
    }
  },
};

export default bench;
