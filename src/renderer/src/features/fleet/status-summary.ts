/** Counts by status for the summary line ("41 READY · 2 UPDATING · 1 UPDATE_FAILED"). */
import type { FleetResource, Health, ResourceKind } from '../../../../shared/fleet';

export interface StatusCount {
  status: string;
  health: Health;
  count: number;
}

/** Healthy first, as people read a summary; failures are coloured, not reordered to the front. */
const summaryOrder: Record<Health, number> = { ok: 0, pending: 1, failed: 2, unknown: 3 };

export function summarizeStatuses(resources: readonly FleetResource[]): StatusCount[] {
  const counts = new Map<string, StatusCount>();
  for (const r of resources) {
    const entry = counts.get(r.status);
    if (entry) entry.count += 1;
    else counts.set(r.status, { status: r.status, health: r.health, count: 1 });
  }
  return [...counts.values()].sort((a, b) => summaryOrder[a.health] - summaryOrder[b.health] || b.count - a.count || a.status.localeCompare(b.status));
}

export const formatStatusSummary = (counts: readonly StatusCount[]): string => counts.map((c) => `${c.count} ${c.status}`).join(' · ');

export function countByKind(resources: readonly FleetResource[]): Record<ResourceKind, number> {
  const counts: Record<ResourceKind, number> = { runtime: 0, harness: 0, memory: 0, gateway: 0 };
  for (const r of resources) counts[r.kind] += 1;
  return counts;
}
