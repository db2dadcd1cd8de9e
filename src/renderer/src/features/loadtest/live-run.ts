/**
 * A running run as the live view holds it, framework-free: what
 * `loadtest.run` answered when the view opened, then the `loadtest.live`
 * stream's items applied in batches (one per animation frame). Ticks are
 * kept in time order with a tick for a second already held replacing it, so
 * a stream that starts with what the run answered never counts a second twice.
 */
import type { ErrorSample, LoadLiveItem, LoadRun, LoadTick, StageResult } from '../../../../shared/loadtest';

/** Newest first, a few dozen: the view shows samples, not a log. */
const SAMPLE_LIMIT = 50;

export interface LiveRunState {
  ticks: readonly LoadTick[];
  stages: readonly StageResult[];
  samples: readonly ErrorSample[];
  /** Set once the run has ended: its stored figures. */
  done: LoadRun | null;
}

export const liveFromRun = (run: LoadRun | undefined): LiveRunState => ({
  ticks: run?.ticks ?? [],
  stages: run?.stages ?? [],
  samples: [...(run?.errorSamples ?? [])].sort((a, b) => b.at - a.at).slice(0, SAMPLE_LIMIT),
  done: run && run.summary.status !== 'running' ? run : null,
});

function withTicks(ticks: readonly LoadTick[], added: readonly LoadTick[]): readonly LoadTick[] {
  if (added.length === 0) return ticks;
  const last = ticks[ticks.length - 1];
  // The usual case: every new tick is later than the last one held.
  if (!last || added.every((tick, i) => tick.t > (i === 0 ? last.t : added[i - 1]!.t))) return [...ticks, ...added];
  const byTime = new Map(ticks.map((tick) => [tick.t, tick]));
  for (const tick of added) byTime.set(tick.t, tick);
  return [...byTime.values()].sort((a, b) => a.t - b.t);
}

function withStage(stages: readonly StageResult[], stage: StageResult): readonly StageResult[] {
  const next = stages.filter((s) => s.index !== stage.index);
  next.push(stage);
  return next.sort((a, b) => a.index - b.index);
}

export function applyLive(state: LiveRunState, items: readonly LoadLiveItem[]): LiveRunState {
  const ticks: LoadTick[] = [];
  let { stages, samples, done } = state;
  const fresh: ErrorSample[] = [];
  for (const item of items) {
    if (item.kind === 'tick') ticks.push(item.tick);
    else if (item.kind === 'stage') stages = withStage(stages, item.stage);
    else if (item.kind === 'error') fresh.push(item.sample);
    else done = item.run;
  }
  if (fresh.length > 0) samples = [...fresh.reverse(), ...samples].slice(0, SAMPLE_LIMIT);
  if (done) return { ticks: done.ticks, stages: done.stages, samples: done.errorSamples.length > 0 ? liveFromRun(done).samples : samples, done };
  return { ticks: withTicks(state.ticks, ticks), stages, samples, done };
}
