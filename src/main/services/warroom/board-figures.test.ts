import { describe, expect, it } from 'vitest';
import type { FleetResource } from '../../../shared/fleet';
import type { FetchedSeries } from '../metrics/metric-fetch';
import { boardQueries, boardWindow, figuresOf, MINUTE_MS } from './board-figures';

const rt: FleetResource = {
  key: 'p|us-east-1|runtime|a-ABCDEFGHIJ',
  kind: 'runtime',
  id: 'a-ABCDEFGHIJ',
  arn: 'arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/a-ABCDEFGHIJ',
  name: 'a',
  profile: 'p',
  accountId: '123456789012',
  region: 'us-east-1',
  status: 'READY',
  health: 'ok',
  endpoints: [
    { name: 'DEFAULT', status: 'READY' },
    { name: 'prod', status: 'READY' },
  ],
};

describe('board figures', () => {
  const window = boardWindow(Date.UTC(2026, 11, 1, 12, 0, 30));

  it('covers the 30 minutes up to and including the one in progress', () => {
    expect(window).toEqual({ start: Date.UTC(2026, 11, 1, 11, 31), end: Date.UTC(2026, 11, 1, 12, 1) });
    const queries = boardQueries([rt]);
    expect(queries).toHaveLength(10);
    expect(queries.filter((q) => q.periodSeconds === 1800).map((q) => q.key)).toEqual([`${rt.key}|DEFAULT|p99w`, `${rt.key}|prod|p99w`]);
  });

  it('sums counts over endpoints, takes the worst endpoint’s p99, and says null only without data', () => {
    const minute = (i: number) => window.start + i * MINUTE_MS;
    const data: FetchedSeries = new Map([
      [
        `${rt.key}|DEFAULT|inv`,
        new Map([
          [minute(0), 10],
          [minute(25), 5],
          [minute(28), 5],
        ]),
      ],
      [`${rt.key}|prod|inv`, new Map([[minute(26), 10]])],
      [`${rt.key}|prod|err`, new Map([[minute(26), 3]])],
      [
        `${rt.key}|DEFAULT|p99`,
        new Map([
          [minute(0), 800],
          [minute(26), 900],
        ]),
      ],
      [`${rt.key}|prod|p99`, new Map([[minute(26), 2500]])],
      [`${rt.key}|DEFAULT|p99w`, new Map([[window.start, 850]])],
      [`${rt.key}|prod|p99w`, new Map([[window.start, 2400]])],
    ]);
    const f = figuresOf(data, rt, window);
    expect(f).toMatchObject({ invocations: 30, errors: 3, throttles: 0, errorRatePct: 10, p99Ms: 2400 });
    // The last five complete minutes (24–28): 5 + 10 + 5 invocations.
    expect(f.invocationsPerMin).toBe(4);
    expect(f.p99Sparkline).toHaveLength(30);
    expect(f.p99Sparkline[0]).toBe(800);
    expect(f.p99Sparkline[26]).toBe(2500);
    expect(f.p99Sparkline[1]).toBeNull();
    expect(f.errorRatePoints[26]).toEqual([minute(26), 30]);

    const none = figuresOf(new Map(), rt, window);
    expect(none).toMatchObject({ invocations: null, errors: null, throttles: null, invocationsPerMin: null, errorRatePct: null, p99Ms: null });
  });
});
