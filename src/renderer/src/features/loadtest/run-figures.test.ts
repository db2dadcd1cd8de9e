import { describe, expect, it } from 'vitest';
import type { LoadTick } from '../../../../shared/loadtest';
import { formatShare, latencySeries, stageErrorTotals, stageRow, successSeries, throughputSeries, tickTotals } from './run-figures';

const tick = (t: number, requests: number, succeeded: number, errors: LoadTick['errors'] = {}): LoadTick => ({
  t,
  stageIndex: 0,
  activeUsers: 10,
  requests,
  succeeded,
  errors,
  p50Ms: requests ? 100 : null,
  p90Ms: requests ? 200 : null,
  p99Ms: requests ? 300 : null,
});

describe('run figures', () => {
  const ticks = [tick(1000, 10, 9, { throttled: 1 }), tick(2000, 0, 0), tick(3000, 20, 18, { server: 2 })];

  it('charts requests, failures and throttles per second, and success only where requests completed', () => {
    const [rps, failed, throttled] = throughputSeries(ticks);
    expect(rps!.points).toEqual([
      [1000, 10],
      [2000, 0],
      [3000, 20],
    ]);
    expect(failed!.points.map(([, v]) => v)).toEqual([1, 0, 2]);
    expect(throttled!.points.map(([, v]) => v)).toEqual([1, 0, 0]);
    expect(successSeries(ticks)[0]!.points.map(([, v]) => v)).toEqual([90, null, 90]);
    expect(latencySeries(ticks)[2]!.points[1]).toEqual([2000, null]);
  });

  it('totals ticks and stages with the commonest error class first', () => {
    expect(tickTotals(ticks)).toEqual({
      requests: 30,
      succeeded: 27,
      errors: [
        { errorClass: 'server', count: 2 },
        { errorClass: 'throttled', count: 1 },
      ],
    });
    expect(stageErrorTotals([{ errors: { timeout: 1 } }, { errors: { timeout: 2, client: 0 } }] as never)).toEqual([{ errorClass: 'timeout', count: 3 }]);
  });

  it('never rounds a share up to the threshold it missed', () => {
    expect(formatShare(98.96)).toBe('98.9%');
    expect(formatShare(99.999)).toBe('99.9%');
    expect(formatShare(100)).toBe('100%');
    expect(formatShare(null)).toBe('–');
  });
});

describe('stageRow', () => {
  it('answers each stage with its row in order of users, as main runs them', () => {
    const acceptance = [50, 10, 200].map((users) => ({ users, latencyMs: users * 100, successPct: 99 }));
    expect([0, 1, 2, 3].map((i) => stageRow({ acceptance }, i)?.users)).toEqual([10, 50, 200, undefined]);
  });
});
