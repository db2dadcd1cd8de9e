/** Filtering and default ordering of the fleet table: pure, memoized by the caller. */
import type { FleetResource, Health } from '../../../../shared/fleet';
import type { FleetFilter } from './fleet-query';

/** Broken first: failures, then things in flight, then unknown, then healthy. */
export const healthRank: Record<Health, number> = { failed: 0, pending: 1, unknown: 2, ok: 3 };

export function compareBrokenFirst(a: FleetResource, b: FleetResource): number {
  return (
    healthRank[a.health] - healthRank[b.health] ||
    a.name.localeCompare(b.name) ||
    a.region.localeCompare(b.region) ||
    a.key.localeCompare(b.key)
  );
}

const searchableText = (r: FleetResource): string =>
  [r.name, r.id, r.arn, r.kind, r.status, r.region, r.accountId, r.profile, r.version ?? '', r.failureReason ?? '', r.description ?? '']
    .join('\u0000')
    .toLowerCase();

export function filterResources(resources: readonly FleetResource[], filter: FleetFilter): FleetResource[] {
  const terms = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  return resources
    .filter((r) => {
      if (filter.kind && r.kind !== filter.kind) return false;
      if (filter.status && r.status !== filter.status) return false;
      if (filter.region && r.region !== filter.region) return false;
      if (terms.length === 0) return true;
      const text = searchableText(r);
      return terms.every((term) => text.includes(term));
    })
    .sort(compareBrokenFirst);
}

/** Distinct values for the filter selects, statuses ordered like the table (broken first). */
export function filterOptions(resources: readonly FleetResource[]): { statuses: string[]; regions: string[] } {
  const statusHealth = new Map<string, Health>();
  const regions = new Set<string>();
  for (const r of resources) {
    statusHealth.set(r.status, r.health);
    regions.add(r.region);
  }
  const statuses = [...statusHealth.keys()].sort(
    (a, b) => healthRank[statusHealth.get(a) ?? 'unknown'] - healthRank[statusHealth.get(b) ?? 'unknown'] || a.localeCompare(b),
  );
  return { statuses, regions: [...regions].sort() };
}
