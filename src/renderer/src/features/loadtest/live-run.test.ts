import { describe, expect, it } from 'vitest';
import type { LoadRun, LoadTick } from '../../../../shared/loadtest';
import { applyLive, liveFromRun } from './live-run';

const tick = (t: number, requests = 10): LoadTick => ({
  t,
  stageIndex: 0,
  activeUsers: 5,
  requests,
  succeeded: requests,
  errors: {},
  p50Ms: 100,
  p90Ms: 200,
  p99Ms: 300,
});

const run = (status: LoadRun['summary']['status'], ticks: LoadTick[]): LoadRun =>
  ({
    summary: { id: 'r1', status },
    scenario: {},
    stages: [],
    acceptance: [],
    ticks,
    errorSamples: [{ at: 5, errorClass: 'throttled', status: 429, message: 'Rate exceeded' }],
  }) as unknown as LoadRun;

describe('applyLive', () => {
  it('appends later ticks and replaces a second it already holds', () => {
    const start = liveFromRun(run('running', [tick(1000), tick(2000)]));
    expect(start.done).toBeNull();
    const next = applyLive(start, [
      { kind: 'tick', tick: tick(2000, 12) },
      { kind: 'tick', tick: tick(3000) },
    ]);
    expect(next.ticks.map((t) => [t.t, t.requests])).toEqual([
      [1000, 10],
      [2000, 12],
      [3000, 10],
    ]);
  });

  it('keeps the newest error samples first and stage results by index', () => {
    const next = applyLive(liveFromRun(run('running', [])), [
      { kind: 'error', sample: { at: 10, errorClass: 'server', status: 500, message: 'a' } },
      { kind: 'error', sample: { at: 11, errorClass: 'timeout', status: null, message: 'b' } },
      { kind: 'stage', stage: { index: 1 } as never },
      { kind: 'stage', stage: { index: 0 } as never },
    ]);
    expect(next.samples.map((s) => s.message)).toEqual(['b', 'a', 'Rate exceeded']);
    expect(next.stages.map((s) => s.index)).toEqual([0, 1]);
  });

  it('takes the stored run as it is once the run is done', () => {
    const finished = run('stopped', [tick(1000)]);
    const next = applyLive(liveFromRun(run('running', [tick(1000), tick(2000)])), [{ kind: 'done', run: finished }]);
    expect(next.done).toBe(finished);
    expect(next.ticks).toEqual([tick(1000)]);
  });
});
