import { describe, expect, it } from 'vitest';
import type { BoardTile } from '../../../shared/warroom';
import type { AgentFigures } from './board-figures';
import { byUrgency, DELETED_REASON, judgeHealth, type HealthInput } from './tile-health';

const SLO = { errorRatePct: 5, p99Ms: 10_000 };
const figures = (f: Partial<AgentFigures>): AgentFigures => ({
  invocations: 100,
  errors: 0,
  throttles: 0,
  invocationsPerMin: 3.3,
  errorRatePct: 0,
  p99Ms: 1200,
  p99Sparkline: [],
  errorRatePoints: [],
  p99Points: [],
  ...f,
});
const judge = (i: Partial<HealthInput>) => judgeHealth({ status: 'READY', deleted: false, figures: figures({}), slo: SLO, breach: null, ...i });
const breach = (kind: 'errorRate' | 'p99'): BoardTile['breach'] => ({
  kind,
  since: Date.UTC(2026, 11, 1, 14, 2),
  worst: kind === 'p99' ? 14_200 : 12.5,
  threshold: kind === 'p99' ? 10_000 : 5,
});

describe('judgeHealth', () => {
  it('is ok within the SLO, with nothing to say', () => {
    expect(judge({})).toEqual({ health: 'ok', reasons: [] });
  });

  it('is failing for a failed status, with AWS’s reason, whatever the figures', () => {
    expect(judge({ status: 'UPDATE_FAILED', failureReason: 'image pull denied', figures: null })).toEqual({
      health: 'failing',
      reasons: ['Status UPDATE_FAILED: image pull denied'],
    });
  });

  it('is failing for an open breach while the agent errors, listing what else is wrong', () => {
    expect(judge({ breach: breach('errorRate'), figures: figures({ errors: 25, errorRatePct: 12.5, throttles: 1 }) })).toEqual({
      health: 'failing',
      reasons: [
        'SLO breach open since 14:02 UTC: error rate (worst 12.5 %, SLO 5.0 %)',
        'Error rate 12.5 % > SLO 5.0 %',
        '1 throttle in 30 min',
        '25 errors in 30 min',
      ],
    });
  });

  it('warns for an open breach without errors, a threshold crossed or throttles', () => {
    expect(judge({ breach: breach('p99') })).toEqual({ health: 'warn', reasons: ['SLO breach open since 14:02 UTC: p99 (worst 14.2 s, SLO 10.0 s)'] });
    expect(judge({ figures: figures({ p99Ms: 10_500 }) })).toEqual({ health: 'warn', reasons: ['p99 10.5 s > SLO 10.0 s'] });
    expect(judge({ figures: figures({ errorRatePct: 5.5, errors: 1 }) }).reasons).toEqual(['Error rate 5.5 % > SLO 5.0 %', '1 error in 30 min']);
    expect(judge({ figures: figures({ throttles: 3 }) })).toEqual({ health: 'warn', reasons: ['3 throttles in 30 min'] });
    expect(judge({ figures: figures({ errors: 1, errorRatePct: 1 }) })).toEqual({ health: 'ok', reasons: ['1 error in 30 min'] });
  });

  it('is unknown without figures, saying why', () => {
    expect(judge({ figures: null }).health).toBe('unknown');
    expect(judge({ figures: null }).reasons[0]).toMatch(/could not be read/);
    expect(judge({ figures: figures({ invocations: null, errors: null, throttles: null, errorRatePct: null, p99Ms: null }) })).toEqual({
      health: 'unknown',
      reasons: ['No invocations in the last 30 min'],
    });
    expect(judge({ status: 'CREATING', figures: figures({ invocations: null, errorRatePct: null, p99Ms: null }) }).reasons).toEqual([
      'No invocations in the last 30 min (status CREATING)',
    ]);
  });

  it('is failing once the agent left the fleet', () => {
    expect(judge({ deleted: true, status: 'DELETED', figures: null })).toEqual({ health: 'failing', reasons: [DELETED_REASON] });
  });
});

describe('byUrgency', () => {
  it('puts failing first, then warn, then ok, then unknown, by name within each', () => {
    const tile = (name: string, health: BoardTile['health']) => ({ name, health, agentKey: name }) as BoardTile;
    const sorted = [tile('b', 'ok'), tile('z', 'failing'), tile('c', 'unknown'), tile('a', 'warn'), tile('a', 'failing'), tile('a', 'ok')].sort(byUrgency);
    expect(sorted.map((t) => `${t.health}:${t.name}`)).toEqual(['failing:a', 'failing:z', 'warn:a', 'ok:a', 'ok:b', 'unknown:c']);
  });
});
