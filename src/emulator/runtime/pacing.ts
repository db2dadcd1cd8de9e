/**
 * Token pacing for streamed replies: each SSE frame (or harness event) waits weight × (15–40 ms)
 * × timeScale, so demos feel like a model generating and tests (timeScale 0)
 * run at full speed. Waits stop early when the client goes away.
 */
import type { Rng } from '../kit/rng';
import { delay } from '../core/server';
import type { SseFrame } from './agents/types';

export interface Pacing {
  /** Multiplier on every simulated delay: 1 = realistic, 0 = as fast as possible. */
  timeScale: number;
  tokenMs: [number, number];
}

export function formatSse(frame: SseFrame): string {
  return `${frame.event ? `event: ${frame.event}\n` : ''}data: ${frame.data}\n\n`;
}

export async function* pacedFrames(frames: SseFrame[], pacing: Pacing, rng: Rng, signal: AbortSignal): AsyncGenerator<string> {
  for (const frame of frames) {
    if (signal.aborted) return;
    await paceToken(frame.weight, pacing, rng, signal);
    if (signal.aborted) return;
    yield formatSse(frame);
  }
}

/** Waits `weight` tokens' worth of generation time (any streamed protocol: SSE frames, event-stream events). */
export async function paceToken(weight: number, pacing: Pacing, rng: Rng, signal: AbortSignal): Promise<void> {
  const ms = weight * (pacing.tokenMs[0] + rng.next() * (pacing.tokenMs[1] - pacing.tokenMs[0])) * pacing.timeScale;
  if (ms >= 1) await delay(ms, signal);
  else await new Promise((resolve) => setImmediate(resolve)); // stay fair to other streams
}

/** How long a non-streaming agent "thinks" before answering (capped, so big replies don't stall demos). */
export function generationDelayMs(outputTokens: number, pacing: Pacing): number {
  return Math.min(4000, 300 + outputTokens * 6) * pacing.timeScale;
}
