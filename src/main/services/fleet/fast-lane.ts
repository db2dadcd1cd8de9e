/**
 * Which resources the fast lane re-reads every few seconds: those in a
 * transitional state (or with an endpoint in one) that began recently. A
 * deploy stuck UPDATING for many minutes goes back to the normal interval
 * instead of costing calls forever.
 */
import type { FleetResource } from '../../../shared/fleet';
import { isTransitional } from '../../../shared/health';

/** When each busy resource entered its current transitional state, by key. */
export type TransitionalSince = Map<string, { signature: string; since: number }>;

export function fastLaneResources(
  resources: Iterable<FleetResource>,
  previous: TransitionalSince,
  now: number,
  windowMs: number,
): { busy: FleetResource[]; since: TransitionalSince } {
  const busy = [...resources].filter((r) => isTransitional(r.status) || r.endpoints?.some((e) => isTransitional(e.status)));
  const since: TransitionalSince = new Map();
  for (const r of busy) {
    // The state as a whole: an endpoint moving on to its next step restarts the window.
    const signature = `${r.status}|${(r.endpoints ?? []).map((e) => `${e.name}:${e.status}`).join(',')}`;
    const before = previous.get(r.key);
    since.set(r.key, before && before.signature === signature ? before : { signature, since: now });
  }
  return { busy: busy.filter((r) => now - (since.get(r.key)?.since ?? now) < windowMs), since };
}
