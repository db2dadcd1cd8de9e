/**
 * The arithmetic of a run's schedule, kept pure so it can be checked without
 * a clock: which stages a scenario has, when each virtual user starts, and
 * what request rate a closed-loop schedule should reach. Every time here is
 * an offset from a monotonic start, so nothing accumulates sleeps.
 */
import type { Scenario } from '../../../shared/loadtest';

export interface StagePlan {
  index: number;
  users: number;
  /** The acceptance row this stage answers, when the scenario has a table. */
  row?: Scenario['acceptance'][number];
}

/** One stage per acceptance row in order of users (each for the scenario's stop), else one stage at `users`. */
export function planStages(scenario: Pick<Scenario, 'users' | 'acceptance'>): StagePlan[] {
  if (scenario.acceptance.length === 0) return [{ index: 0, users: scenario.users }];
  return [...scenario.acceptance].sort((a, b) => a.users - b.users).map((row, index) => ({ index, users: row.users, row }));
}

/** When user `u` (0-based) of `users` starts, in ms after its stage starts: spread linearly over the ramp, the first at once. */
export function userStartOffsetMs(u: number, users: number, rampUpSeconds: number): number {
  return users <= 1 ? 0 : Math.round((rampUpSeconds * 1000 * u) / users);
}

/**
 * What an exact closed-loop schedule delivers over a stage of `stageMs`: each
 * user, from its start, sends a request every (think time + latency), so it
 * starts ⌈(stageMs − its offset) ÷ cycle⌉ of them. Null when nothing
 * completed (no latency to go by).
 */
export function scheduledRps(users: number, rampUpSeconds: number, stageMs: number, thinkTimeMs: number, meanLatencyMs: number | null): number | null {
  if (meanLatencyMs === null || stageMs <= 0) return null;
  const cycleMs = Math.max(1e-3, thinkTimeMs + meanLatencyMs);
  let starts = 0;
  for (let u = 0; u < users; u++) starts += Math.ceil(Math.max(0, stageMs - userStartOffsetMs(u, users, rampUpSeconds)) / cycleMs);
  return starts / (stageMs / 1000);
}

/** Requests a run sends: exact for a request count, an upper bound for a duration at the expected latency. */
export function expectedRequests(scenario: Scenario, expectedLatencyMs: number): { requests: number; upperBound: boolean } {
  const stages = planStages(scenario);
  if (scenario.stop.kind === 'requests') return { requests: scenario.stop.count * stages.length, upperBound: false };
  const perRequestMs = scenario.thinkTimeMs + Math.max(1, expectedLatencyMs);
  const seconds = scenario.stop.seconds;
  const requests = stages.reduce((n, s) => n + Math.ceil((s.users * seconds * 1000) / perRequestMs), 0);
  return { requests, upperBound: true };
}

/** The longest a run can take: every stage's duration, or (for request counts) nothing better than the caps give. */
export function plannedSeconds(scenario: Scenario): number | null {
  return scenario.stop.kind === 'duration' ? scenario.stop.seconds * planStages(scenario).length : null;
}
