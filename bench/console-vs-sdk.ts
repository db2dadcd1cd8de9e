/**
 * The shape of "the console's path costs at most X over a bare SDK loop"
 * benchmarks: both paths run interleaved (which goes first alternates, so
 * neither always meets a warmer emulator), warm-up runs are dropped, and
 * medians and their ratios are reported against the targets.
 */
import type { ChatReplyItem } from '../src/shared/chat';
import type { StreamFrame } from '../src/shared/contract';
import type { ChatModuleRig } from '../test/integration/helpers/chat-module-rig';
import { percentile, type BenchResult } from './bench-types';

export interface Run {
  ttft: number;
  total: number;
  bytes: number;
}

export const median = (values: number[]): number =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
export const round = (v: number, digits = 1): number => Math.round(v * 10 ** digits) / 10 ** digits;

export async function interleaved(runs: number, warmup: number, paths: { console: (i: number) => Promise<Run>; bare: (i: number) => Promise<Run> }) {
  const samples = { console: [] as Run[], bare: [] as Run[] };
  for (let i = 0; i < runs + warmup; i++) {
    const order = i % 2 === 0 ? (['console', 'bare'] as const) : (['bare', 'console'] as const);
    for (const path of order) {
      const result = await paths[path](i);
      if (i >= warmup) samples[path].push(result);
    }
  }
  return samples;
}

/** TTFT and total, each path's median and the ratio against its target; plus how many runs streamed the same bytes. */
export function ratioResults(samples: { console: Run[]; bare: Run[] }, targets = { ttft: 1.1, total: 1.05 }): BenchResult[] {
  const runs = samples.console.length;
  const m = (path: 'console' | 'bare', key: 'ttft' | 'total') => median(samples[path].map((s) => s[key]));
  const ttftRatio = m('console', 'ttft') / m('bare', 'ttft');
  const totalRatio = m('console', 'total') / m('bare', 'total');
  const identical = samples.console.filter((run, i) => run.bytes === samples.bare[i]?.bytes).length;
  return [
    { metric: `time to first token, console path (median of ${runs})`, value: round(m('console', 'ttft')), unit: 'ms' },
    { metric: `time to first token, bare SDK loop (median of ${runs})`, value: round(m('bare', 'ttft')), unit: 'ms' },
    {
      metric: 'time to first token ratio (console / SDK)',
      value: round(ttftRatio, 3),
      unit: '×',
      target: `≤ ${targets.ttft.toFixed(2)}`,
      pass: ttftRatio <= targets.ttft,
    },
    { metric: 'runs whose two paths streamed the same reply', value: identical, unit: `of ${runs}`, target: `${runs}`, pass: identical === runs },
    { metric: `total time, console path (median of ${runs})`, value: round(m('console', 'total')), unit: 'ms' },
    { metric: `total time, bare SDK loop (median of ${runs})`, value: round(m('bare', 'total')), unit: 'ms' },
    {
      metric: 'total time ratio (console / SDK)',
      value: round(totalRatio, 3),
      unit: '×',
      target: `≤ ${targets.total.toFixed(2)}`,
      pass: totalRatio <= targets.total,
    },
  ];
}

/**
 * The console's path as a window receives it: a new chat session on the given runtime session id, `chat.reply`
 * opened through the stream hub, time to the first text delta and to the stream's end, and the bytes the stored
 * reply counted.
 */
export function consolePath(rig: ChatModuleRig, agentKey: string, prompt: string, sessionIdOf: (i: number) => string): (i: number) => Promise<Run> {
  let onFrames: (frames: StreamFrame[]) => void = () => undefined;
  rig.hub.connect({ connection: 'bench', role: 'owner' }, { send: (frames) => (onFrames(frames), true) });
  let streams = 0;
  return (i) =>
    new Promise((resolve) => {
      const session = rig.chat.service.createSession({ agentKey, qualifier: 'DEFAULT', runtimeSessionId: sessionIdOf(i) });
      let ttft = NaN;
      let bytes = 0;
      const id = `s${++streams}`;
      const t0 = performance.now();
      onFrames = (frames) => {
        for (const frame of frames) {
          if (frame.id !== id) continue;
          const item = frame.type === 'item' ? (frame.item as ChatReplyItem) : undefined;
          if (Number.isNaN(ttft) && item?.kind === 'delta' && item.text) ttft = performance.now() - t0;
          if (item?.kind === 'completed') bytes = item.message.metrics?.bytes ?? 0;
          if (frame.type === 'end') resolve({ ttft, total: performance.now() - t0, bytes });
        }
      };
      void rig.hub.open('bench', id, 'chat.reply', { sessionId: session.id, prompt, mode: 'template' });
    });
}
