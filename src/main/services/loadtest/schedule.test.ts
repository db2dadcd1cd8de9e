import { describe, expect, it } from 'vitest';
import { scenarioSchema, type ScenarioInput } from '../../../shared/loadtest';
import { expectedRequests, planStages, plannedSeconds, scheduledRps, userStartOffsetMs } from './schedule';

const scenario = (over: Partial<ScenarioInput>) =>
  scenarioSchema.parse({
    name: 's',
    agentKey: 'demo|us-east-1|runtime|a',
    qualifier: 'DEFAULT',
    prompts: { kind: 'list', prompts: ['p'] },
    users: 4,
    stop: { kind: 'duration', seconds: 60 },
    ...over,
  });

describe('the schedule', () => {
  it('has one stage per acceptance row in order of users, else one at `users`', () => {
    expect(planStages(scenario({})).map((s) => s.users)).toEqual([4]);
    const rows = [
      { users: 100, latencyMs: 10_000, successPct: 99 },
      { users: 10, latencyMs: 2000, successPct: 100 },
      { users: 50, latencyMs: 5000, successPct: 99 },
    ];
    expect(planStages(scenario({ acceptance: rows })).map((s) => [s.index, s.users, s.row?.latencyMs])).toEqual([
      [0, 10, 2000],
      [1, 50, 5000],
      [2, 100, 10_000],
    ]);
  });

  it('spreads user starts linearly over the ramp-up, the first at once', () => {
    expect([0, 1, 2, 3].map((u) => userStartOffsetMs(u, 4, 8))).toEqual([0, 2000, 4000, 6000]);
    expect(userStartOffsetMs(0, 1, 30)).toBe(0);
    expect([0, 1, 2].map((u) => userStartOffsetMs(u, 3, 0))).toEqual([0, 0, 0]);
  });

  it('expects each user to start a request every think + latency from its start', () => {
    // 4 users, no ramp, 1 s think + 1 s latency over 60 s: 30 requests each, 2 a second.
    expect(scheduledRps(4, 0, 60_000, 1000, 1000)).toBeCloseTo(2, 9);
    // A cycle that does not divide the stage: starts at 0, 1.5, 3 … 9 s = 7 each over 10 s.
    expect(scheduledRps(2, 0, 10_000, 1000, 500)).toBeCloseTo(1.4, 9);
    // A 10 s ramp over a 10 s stage: user u starts at u s and sends 10 − u requests (1 s cycles): 55 in all.
    expect(scheduledRps(10, 10, 10_000, 0, 1000)).toBeCloseTo(5.5, 9);
    expect(scheduledRps(4, 0, 60_000, 1000, null)).toBeNull();
  });

  it('counts requests exactly for a request count and as an upper bound for a duration', () => {
    expect(
      expectedRequests(
        scenario({
          stop: { kind: 'requests', count: 250 },
          acceptance: [
            { users: 1, latencyMs: 1, successPct: 1 },
            { users: 2, latencyMs: 1, successPct: 1 },
          ],
        }),
        2000,
      ),
    ).toEqual({
      requests: 500,
      upperBound: false,
    });
    // 4 users × 60 s ÷ (0.5 s think + 2 s latency) = 96.
    expect(expectedRequests(scenario({ thinkTimeMs: 500 }), 2000)).toEqual({ requests: 96, upperBound: true });
    expect(plannedSeconds(scenario({}))).toBe(60);
    expect(plannedSeconds(scenario({ stop: { kind: 'requests', count: 5 } }))).toBeNull();
  });
});
