/**
 * One owned stream at 10,000 items/s for 10 s, delivered through the real
 * stream hub to (1) one SSE client of the real web host and (2) one
 * IPC-shaped client: the real Electron wiring (registerIpc) over a fake
 * window that structured-clones each batch on a later turn and acknowledges
 * it, as the preload does. Reports the delivered rate, p99 item latency
 * (push → parsed by the client) and peak RSS growth; then the same stream
 * into an SSE client that stops reading, whose cost must stay bounded.
 *
 * Not measured: a real Chromium renderer's parsing (the chat UI bench covers
 * rendering), or a client in another process (both ends share this event
 * loop here, which makes latency figures pessimistic rather than flattering).
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { EventBus } from '../src/main/host/events';
import { registerIpc, type IpcInvokeEventLike, type IpcMainLike, type WebContentsLike } from '../src/main/host/ipc';
import { StreamHub, type StreamImplementation, type StreamSink } from '../src/main/host/stream-hub';
import { stubImplementation } from '../src/main/host/stub-implementation';
import { createDispatcher } from '../src/main/host/dispatch';
import { openSseClient } from '../src/main/host/sse-client';
import { startWebHost } from '../src/main/host/web';
import { silentLogger } from '../src/main/services/log/logger';
import type { StreamFrame } from '../src/shared/contract';
import { STREAM_ACK_CHANNEL, STREAM_FRAMES_CHANNEL, STREAM_OPEN_CHANNEL } from '../src/shared/ipc-channels';
import { percentile, type Bench, type BenchResult } from './bench-types';

const RATE = 10_000;
const SECONDS = Number(process.env.STREAM_BENCH_SECONDS ?? 10);
const TOKEN = 'bench-token';

interface Probe {
  received: number;
  dropped: number;
  latencies: number[];
}

/** `chat.watch` is a contract stream; its producer here pushes timestamped items that never merge. */
function producerHub(onSink: (sink: StreamSink<unknown>) => void): StreamHub {
  return new StreamHub({ 'chat.watch': (_input: unknown, sink: StreamSink<unknown>) => onSink(sink) } as unknown as StreamImplementation, silentLogger);
}

/** Pushes RATE items/s on an exact schedule until SECONDS have passed; resolves with how many it pushed. */
function produce(sink: StreamSink<unknown>): Promise<number> {
  return new Promise((resolve) => {
    const start = performance.now();
    let pushed = 0;
    const tick = (): void => {
      const elapsed = performance.now() - start;
      const due = Math.min(RATE * SECONDS, Math.floor((elapsed / 1000) * RATE));
      while (pushed < due) sink.push({ kind: 'started', n: pushed++, t: performance.now() });
      if (pushed >= RATE * SECONDS) {
        sink.end();
        resolve(pushed);
      } else setTimeout(tick, 1);
    };
    tick();
  });
}

function record(probe: Probe, frames: StreamFrame[]): boolean {
  const now = performance.now();
  let ended = false;
  for (const frame of frames) {
    if (frame.type === 'item') {
      probe.received++;
      probe.latencies.push(now - (frame.item as { t: number }).t);
    } else if (frame.type === 'dropped') probe.dropped += frame.count;
    else ended = true;
  }
  return ended;
}

async function withRss<T>(run: () => Promise<T>): Promise<{ result: T; peakGrowthMb: number }> {
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const result = await run();
  clearInterval(timer);
  return { result, peakGrowthMb: (peak - base) / 1024 / 1024 };
}

async function overSse(stalled = false): Promise<Probe & { pushed: number; seconds: number }> {
  let sinkReady: (sink: StreamSink<unknown>) => void = () => undefined;
  const sinkPromise = new Promise<StreamSink<unknown>>((resolve) => (sinkReady = resolve));
  const hub = producerHub((sink) => sinkReady(sink));
  const host = await startWebHost({
    dispatch: createDispatcher(stubImplementation(), silentLogger),
    hub,
    events: new EventBus(),
    staticDir: mkdtempSync(`${tmpdir()}/bench-static-`),
    logger: silentLogger,
    token: TOKEN,
  });
  const probe: Probe = { received: 0, dropped: 0, latencies: [] };
  let done: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const { connection, close } = await openSseClient(
    host.url,
    TOKEN,
    (frames) => {
      if (record(probe, frames)) done();
    },
    stalled,
  );
  const open = request(`${host.url}/api/stream/open`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', 'x-agentcore-connection': connection },
  });
  open.end(JSON.stringify({ id: 'bench', name: 'chat.watch', input: { sessionId: 'bench' } }));
  const started = performance.now();
  const pushed = await produce(await sinkPromise);
  // A stalled client never reads the end: what matters is what the host held meanwhile.
  if (!stalled) await finished;
  const seconds = (performance.now() - started) / 1000;
  close();
  await host.close();
  return { ...probe, pushed, seconds };
}

/** The renderer side of the IPC wiring: batches arrive structured-cloned on a later turn, and are acknowledged. */
class FakeWindow extends EventEmitter {
  readonly id = 1;
  constructor(private readonly deliver: (channel: string, payload: unknown) => void) {
    super();
  }
  send(channel: string, ...args: unknown[]): void {
    const copy = structuredClone(args);
    setImmediate(() => this.deliver(channel, copy[0]));
  }
  isDestroyed(): boolean {
    return false;
  }
}

async function overIpc(): Promise<Probe & { pushed: number; seconds: number }> {
  let sinkReady: (sink: StreamSink<unknown>) => void = () => undefined;
  const sinkPromise = new Promise<StreamSink<unknown>>((resolve) => (sinkReady = resolve));
  const hub = producerHub((sink) => sinkReady(sink));
  const handlers = new Map<string, (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
  const listeners = new Map<string, (event: IpcInvokeEventLike, ...args: unknown[]) => void>();
  const ipcMain: IpcMainLike = {
    handle: (channel, handler) => void handlers.set(channel, handler),
    removeHandler: (channel) => void handlers.delete(channel),
    on: (channel, listener) => void listeners.set(channel, listener),
    removeListener: (channel) => void listeners.delete(channel),
  };
  const probe: Probe = { received: 0, dropped: 0, latencies: [] };
  let done: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const window = new FakeWindow((channel, payload) => {
    if (channel !== STREAM_FRAMES_CHANNEL) return;
    const frames = payload as StreamFrame[];
    if (record(probe, frames)) done();
    listeners.get(STREAM_ACK_CHANNEL)?.({ senderFrame: null, sender: window }, frames.length);
  });
  const trusted = 'file:///bench/index.html';
  const dispose = registerIpc(
    ipcMain,
    { dispatch: createDispatcher(stubImplementation(), silentLogger), hub, events: new EventBus() },
    window as unknown as WebContentsLike,
    (url) => url === trusted,
  );
  await handlers.get(STREAM_OPEN_CHANNEL)?.({ senderFrame: { url: trusted } }, 'bench', 'chat.watch', { sessionId: 'bench' });
  const started = performance.now();
  const pushed = await produce(await sinkPromise);
  await finished;
  const seconds = (performance.now() - started) / 1000;
  dispose();
  return { ...probe, pushed, seconds };
}

function rows(label: string, run: Probe & { pushed: number; seconds: number }, peakGrowthMb: number): BenchResult[] {
  const sorted = run.latencies.sort((a, b) => a - b);
  const rate = run.received / run.seconds;
  const p99 = percentile(sorted, 99);
  return [
    {
      metric: `${label}: delivered rate (of ${RATE}/s pushed)`,
      value: Math.round(rate),
      unit: 'items/s',
      target: `≥ ${RATE * 0.95}`,
      pass: rate >= RATE * 0.95,
    },
    { metric: `${label}: delivered ÷ pushed`, value: Math.round((run.received / run.pushed) * 1000) / 1000, unit: '×' },
    { metric: `${label}: dropped`, value: run.dropped, unit: 'items' },
    { metric: `${label}: item latency p50`, value: Math.round(percentile(sorted, 50) * 100) / 100, unit: 'ms' },
    { metric: `${label}: item latency p99`, value: Math.round(p99 * 100) / 100, unit: 'ms', target: '< 50', pass: p99 < 50 },
    { metric: `${label}: peak RSS growth`, value: Math.round(peakGrowthMb * 10) / 10, unit: 'MB', target: '< 64', pass: peakGrowthMb < 64 },
  ];
}

const bench: Bench = {
  name: `stream hub (${RATE} items/s for ${SECONDS} s)`,
  async run() {
    const sse = await withRss(overSse);
    const ipc = await withRss(overIpc);
    const stalled = await withRss(() => overSse(true));
    return [
      ...rows('SSE client', sse.result, sse.peakGrowthMb),
      ...rows('IPC-shaped client', ipc.result, ipc.peakGrowthMb),
      {
        metric: 'SSE client that stops reading: peak RSS growth',
        value: Math.round(stalled.peakGrowthMb * 10) / 10,
        unit: 'MB',
        target: '< 64',
        pass: stalled.peakGrowthMb < 64,
      },
      {
        metric: 'SSE client that stops reading: items dropped by the host (counted for it)',
        value: stalled.result.pushed - stalled.result.received,
        unit: 'items',
      },
    ];
  },
};
export default bench;
