import { describe, expect, it } from 'vitest';
import type { Series } from '../../../../shared/metrics';
import { breachPeriods, chartGroups } from './chart-groups';

const s = (id: string, unit: Series['unit'], source: Series['source'] = 'cloudwatch'): Series => ({ id, label: id, unit, points: [], source });

describe('chart groups', () => {
  it('puts traffic together, latency with the console, and never two units on one axis', () => {
    const groups = chartGroups([
      s('p99', 'ms'),
      s('invocations', 'count'),
      s('systemErrors', 'count'),
      s('consoleTtfb', 'ms', 'console'),
      s('errorRate', 'percent'),
      s('sessions', 'count'),
      s('cpu', 'vcpu-hours'),
      s('memory', 'gb-hours'),
      s('records', 'count'),
    ]);
    expect(groups.map((g) => [g.kind, g.series.map((x) => x.id)])).toEqual([
      ['traffic', ['invocations', 'systemErrors']],
      ['errorRate', ['errorRate']],
      ['latency', ['p99', 'consoleTtfb']],
      ['sessions', ['sessions']],
      ['cpu', ['cpu']],
      ['memory', ['memory']],
      ['other', ['records']],
    ]);
  });

  it('shades breaches of one kind, an open one to the end of the range', () => {
    const breaches = [
      { agentKey: 'a', kind: 'p99' as const, startedAt: 10, endedAt: 20, worst: 5, threshold: 3 },
      { agentKey: 'a', kind: 'p99' as const, startedAt: 30, worst: 5, threshold: 3 },
      { agentKey: 'a', kind: 'errorRate' as const, startedAt: 5, endedAt: 6, worst: 5, threshold: 3 },
    ];
    expect(breachPeriods(breaches, 'p99', 100)).toEqual([
      { from: 10, to: 20, label: 'Breach' },
      { from: 30, to: 100, label: 'Breach (open)' },
    ]);
  });
});
