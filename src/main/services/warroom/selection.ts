/**
 * Which agents a board shows, resolved again at every refresh: the named
 * runtimes (a named key the fleet no longer has stays, as deleted), every
 * runtime, or the failing ones — failed status, an open SLO breach, or an
 * error rate above its SLO over the board's window.
 */
import type { FleetResource } from '../../../shared/fleet';
import { healthOf } from '../../../shared/health';
import type { SloThresholds } from '../../../shared/metrics';
import type { BoardSelection } from '../../../shared/warroom';

export interface Candidates {
  /** Runtimes whose figures the board reads. */
  runtimes: FleetResource[];
  /** Named keys the fleet does not have (any more). */
  missing: string[];
}

export function candidatesOf(selection: BoardSelection, fleet: readonly FleetResource[]): Candidates {
  const runtimes = fleet.filter((r) => r.kind === 'runtime');
  if (selection.kind !== 'agents') return { runtimes, missing: [] };
  const byKey = new Map(runtimes.map((r) => [r.key, r]));
  const keys = [...new Set(selection.agentKeys)];
  return { runtimes: keys.flatMap((k) => byKey.get(k) ?? []), missing: keys.filter((k) => !byKey.has(k)) };
}

export function isFailing(r: FleetResource, errorRatePct: number | null, slo: SloThresholds, openBreach: boolean): boolean {
  return healthOf(r.status) === 'failed' || openBreach || (errorRatePct !== null && errorRatePct > slo.errorRatePct);
}

/** What a tile of a runtime the fleet no longer has can still say: its cell from the key, its name as last seen. */
export function deletedIdentity(key: string, lastName: string | undefined): { name: string; profile: string; region: string } {
  const [profile = '', region = '', , id = key] = key.split('|');
  // Runtime ids are `<name>-<10 characters>`.
  return { name: lastName ?? id.replace(/-[A-Za-z0-9]{10}$/, ''), profile, region };
}
