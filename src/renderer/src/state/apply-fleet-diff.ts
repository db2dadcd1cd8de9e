import type { FleetDiff, FleetResource, FleetSnapshot } from '../../../shared/fleet';

/**
 * Applies a pushed `fleet.changed` diff: upserted resources replace by key
 * (new ones are appended), removed keys drop, cells replace the cell list.
 */
export function applyFleetDiff(snapshot: FleetSnapshot, diff: FleetDiff): FleetSnapshot {
  const removed = new Set(diff.removed);
  const upserts = new Map<string, FleetResource>(diff.upserted.map((r) => [r.key, r]));
  const resources: FleetResource[] = [];
  for (const resource of snapshot.resources) {
    if (removed.has(resource.key)) continue;
    const replacement = upserts.get(resource.key);
    resources.push(replacement ?? resource);
    upserts.delete(resource.key);
  }
  for (const added of upserts.values()) if (!removed.has(added.key)) resources.push(added);
  return { resources, cells: diff.cells, asOf: diff.asOf, fromCache: false };
}

/**
 * Diffs that arrived while `fleet.list` was in flight: keep only those newer
 * than the snapshot, since the snapshot already contains the older ones.
 */
export function replayPendingDiffs(snapshot: FleetSnapshot, pending: readonly FleetDiff[]): FleetSnapshot {
  return pending.filter((diff) => snapshot.asOf === null || diff.asOf > snapshot.asOf).reduce(applyFleetDiff, snapshot);
}
