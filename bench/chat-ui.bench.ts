/**
 * The chat transcript in real Chromium while a reply streams at 1,000 chunks
 * per second: frame times during the stream.
 *
 * A local agent container (the AgentCore runtime contract, `POST
 * /invocations`) streams SSE `{"data": …}` chunks every millisecond for five
 * seconds; the emulator bridges it as a runtime; the real web host (pointed at
 * the emulator like a user's AWS account) relays it to the real renderer. In
 * the page, requestAnimationFrame records every frame interval while the
 * reply is streaming. Frame p95 says whether the UI kept up.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/fixtures/chromium';
import { startEmulator } from '../src/emulator/index';
import type { FleetSnapshot } from '../src/shared/fleet';
import { startHost } from '../e2e/fixtures/web-host';
import { staticKeysHome } from '../test/integration/helpers/static-keys-home';
// @ts-expect-error plain ESM script without types
import { buildIfNeeded } from '../scripts/build-if-needed.mjs';
import { FRAME_PROBE } from './frame-probe';
import { percentile, type Bench } from './bench-types';

const CHUNKS_PER_SECOND = 1000;
const SECONDS = 5;
const TARGET_P95_MS = 32;

/** An agent that answers every invocation with a paced SSE firehose of word chunks. */
async function firehoseAgent(): Promise<{ url: string; server: Server }> {
  const words = 'the payments api p99 latency rose after the deploy because the connection pool was exhausted'.split(' ');
  const server = createServer((req, res) => {
    if (req.url === '/ping') return void res.end(JSON.stringify({ status: 'Healthy', time_of_last_update: Math.floor(Date.now() / 1000) }));
    req.resume();
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const total = CHUNKS_PER_SECOND * SECONDS;
    const started = performance.now();
    let sent = 0;
    const tick = (): void => {
      // Send whatever is due by now, so the rate holds even when timers are late.
      const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * CHUNKS_PER_SECOND));
      let batch = '';
      for (; sent < due; sent++) batch += `data: ${JSON.stringify({ data: `${words[sent % words.length]} ${sent % 40 === 39 ? '\n\n' : ''}` })}\n\n`;
      if (batch) res.write(batch);
      if (sent >= total) res.end();
      else setTimeout(tick, 1);
    };
    tick();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const bench: Bench = {
  name: 'chat UI (Chromium, 1,000 chunks/s)',
  async run() {
    (buildIfNeeded as (root: string, options: { quiet: boolean }) => void)(join(import.meta.dirname, '..'), { quiet: true });
    const agent = await firehoseAgent();
    const emulator = await startEmulator({ fast: true, agents: [{ name: 'firehose', url: agent.url }] });
    const host = await startHost({ demo: false, env: staticKeysHome('bench-chat-home-', emulator.url).env });
    const browser = await chromium.launch(chromiumLaunchOptions());
    try {
      const fleet = (await (
        await fetch(`${host.url}/api/fleet.refresh`, { method: 'POST', headers: { authorization: `Bearer ${host.token}` }, body: '{}' })
      ).json()) as { result: FleetSnapshot };
      const key = fleet.result.resources.find((r) => r.name === 'firehose')?.key;
      if (!key) throw new Error('the bridged firehose agent is not in the fleet');

      // The console's CSP refuses injected script; the frame probe is the bench's own.
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
      await page.goto(host.openUrl);
      await page.locator('body[data-app-state="ready"]').waitFor({ timeout: 60_000 });
      await page.evaluate(`window.location.hash = ${JSON.stringify(`#/chat?agent=${encodeURIComponent(key)}`)}`);
      await page.getByTestId('chat-new-session').click();
      await page.getByTestId('chat-runtime-session-id').waitFor();
      await page.addScriptTag({ content: FRAME_PROBE });

      await page.getByTestId('chat-composer').locator('textarea').fill('stream');
      await page.evaluate('window.__frameProbe.start()');
      await page.getByTestId('chat-send').click();
      const reply = page.locator('[data-testid="chat-message"][data-role="assistant"]').first();
      await reply.waitFor();
      await page.waitForFunction(`document.querySelector('[data-testid="chat-message"][data-role="assistant"]')?.dataset.state === 'complete'`, undefined, {
        timeout: 120_000,
        polling: 100,
      });
      const frames = ((await page.evaluate('window.__frameProbe.stop()')) as number[]).slice(1).sort((a, b) => a - b);
      // Every SSE event carries one word: the reply the console kept must hold all of them.
      const sessionId = new URLSearchParams(new URL(page.url()).hash.split('?')[1] ?? '').get('session');
      const stored = (await (
        await fetch(`${host.url}/api/chat.sessions.get`, {
          method: 'POST',
          headers: { authorization: `Bearer ${host.token}` },
          body: JSON.stringify({ sessionId }),
        })
      ).json()) as { result: { messages: Array<{ role: string; text: string }> } };
      const words = (stored.result.messages.find((m) => m.role === 'assistant')?.text ?? '').split(/\s+/).filter(Boolean).length;
      const streamSeconds = frames.reduce((sum, f) => sum + f, 0) / 1000;
      const events = CHUNKS_PER_SECOND * SECONDS;
      const p95 = percentile(frames, 95);
      return [
        { metric: 'SSE chunks streamed (one word each)', value: events, unit: 'chunks' },
        { metric: 'words in the completed reply', value: words, unit: 'words', target: `${events}`, pass: words === events },
        { metric: 'achieved rate (chunks ÷ time streaming on screen)', value: Math.round(events / streamSeconds), unit: 'chunks/s' },
        { metric: 'frames while streaming', value: frames.length, unit: 'frames' },
        { metric: 'frame time p50', value: percentile(frames, 50), unit: 'ms' },
        { metric: 'frame time p95', value: p95, unit: 'ms', target: `< ${TARGET_P95_MS}`, pass: p95 < TARGET_P95_MS },
        { metric: 'frames over 32 ms', value: frames.filter((f) => f > TARGET_P95_MS).length, unit: 'frames' },
        { metric: 'frame time max', value: frames.at(-1) ?? NaN, unit: 'ms' },
      ];
    } finally {
      await browser.close();
      await host.stop();
      await emulator.close();
      agent.server.close();
    }
  },
};
export default bench;
