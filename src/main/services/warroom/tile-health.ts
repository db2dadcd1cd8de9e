/**
 * A tile's health and the reasons for it, in words a room reads from across
 * it. failing: the agent's status failed, it left the fleet, or an SLO
 * breach is open while it errors; warn: over an SLO threshold, an open breach
 * without errors, or throttled; ok (a few errors within the SLO are said, not
 * coloured: a board where every agent is amber tells the room nothing);
 * unknown: no figures to judge.
 */
import { healthOf } from '../../../shared/health';
import type { SloThresholds } from '../../../shared/metrics';
import type { BoardTile } from '../../../shared/warroom';
import type { AgentFigures } from './board-figures';
import { WINDOW_MINUTES } from './board-figures';

export const DELETED_REASON = 'No longer in the fleet (deleted?)';

export interface HealthInput {
  status: string;
  deleted: boolean;
  failureReason?: string;
  /** null: the cell could not be read. */
  figures: AgentFigures | null;
  slo: SloThresholds;
  breach: BoardTile['breach'];
}

export const percent = (v: number): string => `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} %`;
export const duration = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const clock = (t: number) => new Date(t).toISOString().slice(11, 16);

function breachReason(b: NonNullable<BoardTile['breach']>): string {
  const what =
    b.kind === 'errorRate'
      ? `error rate (worst ${percent(b.worst)}, SLO ${percent(b.threshold)})`
      : `p99 (worst ${duration(b.worst)}, SLO ${duration(b.threshold)})`;
  return `SLO breach open since ${clock(b.since)} UTC: ${what}`;
}

export function judgeHealth(input: HealthInput): Pick<BoardTile, 'health' | 'reasons'> {
  if (input.deleted) return { health: 'failing', reasons: [DELETED_REASON] };
  const failing: string[] = [];
  const warn: string[] = [];
  if (healthOf(input.status) === 'failed') failing.push(`Status ${input.status}${input.failureReason ? `: ${input.failureReason}` : ''}`);
  const f = input.figures;
  const errors = f?.errors ?? 0;
  if (input.breach) (errors > 0 ? failing : warn).push(breachReason(input.breach));
  if (f?.errorRatePct != null && f.errorRatePct > input.slo.errorRatePct)
    warn.push(`Error rate ${percent(f.errorRatePct)} > SLO ${percent(input.slo.errorRatePct)}`);
  if (f?.p99Ms != null && f.p99Ms > input.slo.p99Ms) warn.push(`p99 ${duration(f.p99Ms)} > SLO ${duration(input.slo.p99Ms)}`);
  if (f?.throttles) warn.push(`${plural(f.throttles, 'throttle')} in ${WINDOW_MINUTES} min`);
  const errorCount = errors > 0 ? [`${plural(errors, 'error')} in ${WINDOW_MINUTES} min`] : [];
  if (failing.length > 0) return { health: 'failing', reasons: [...failing, ...warn, ...errorCount] };
  if (warn.length > 0) return { health: 'warn', reasons: [...warn, ...errorCount] };
  if (!f) return { health: 'unknown', reasons: ['No figures: CloudWatch could not be read for this region (see the notice)'] };
  if (f.invocations === null) {
    const status = healthOf(input.status) === 'ok' ? '' : ` (status ${input.status})`;
    return { health: 'unknown', reasons: [`No invocations in the last ${WINDOW_MINUTES} min${status}`] };
  }
  return { health: 'ok', reasons: errorCount };
}

const RANK: Record<BoardTile['health'], number> = { failing: 0, warn: 1, ok: 2, unknown: 3 };

/** Failing first, then warn, then by name. */
export function byUrgency(a: BoardTile, b: BoardTile): number {
  return RANK[a.health] - RANK[b.health] || a.name.localeCompare(b.name) || a.agentKey.localeCompare(b.agentKey);
}
