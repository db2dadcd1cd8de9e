/** Filtering and default ordering of the fleet table: pure, memoized by the caller. */
import type { FleetResource, Health, ResourceKind } from '../../../../shared/fleet';
import type { FleetFilter } from './fleet-query';

/** Broken first: failures, then things in flight, then unknown, then healthy. */
export const healthRank: Record<Health, number> = { failed: 0, pending: 1, unknown: 2, ok: 3 };

export function compareBrokenFirst(a: FleetResource, b: FleetResource): number {
  return healthRank[a.health] - healthRank[b.health] || a.name.localeCompare(b.name) || a.region.localeCompare(b.region) || a.key.localeCompare(b.key);
}

/**
 * Lower-cased haystack per resource object. Resources are immutable (a diff
 * replaces the object), so a WeakMap keyed on the object is a safe cache and
 * a keystroke does not rebuild 600 strings.
 */
const haystacks = new WeakMap<FleetResource, string>();
function searchableText(r: FleetResource): string {
  let text = haystacks.get(r);
  if (text === undefined) {
    text = [r.name, r.id, r.arn, r.kind, r.status, r.region, r.accountId, r.profile, r.version ?? '', r.failureReason ?? '', r.description ?? '']
      .join('\u0000')
      .toLowerCase();
    haystacks.set(r, text);
  }
  return text;
}

export const filterTerms = (text: string): string[] => text.toLowerCase().split(/\s+/).filter(Boolean);

/** Every filter except the type: the type tabs count within this. */
function matchesExceptKind(r: FleetResource, filter: FleetFilter, terms: readonly string[]): boolean {
  if (filter.status && r.status !== filter.status) return false;
  if (filter.region && r.region !== filter.region) return false;
  if (filter.profile && r.profile !== filter.profile) return false;
  if (terms.length === 0) return true;
  const text = searchableText(r);
  return terms.every((term) => text.includes(term));
}

export interface FilteredFleet {
  /** Resources matching every filter, broken first. */
  items: FleetResource[];
  /** Per type, how many match the other filters: the counts on the type tabs. */
  kindCounts: Record<ResourceKind, number>;
  /** Matching the other filters, whatever the type. */
  allKinds: number;
}

/**
 * One pass over the fleet for both the rows and the tab counts. The input is
 * sorted broken-first once (see `sortBrokenFirst`), so filtering keeps that
 * order and a keystroke costs no sort.
 */
export function filterFleet(sorted: readonly FleetResource[], filter: FleetFilter): FilteredFleet {
  const terms = filterTerms(filter.text);
  const kindCounts: Record<ResourceKind, number> = { runtime: 0, harness: 0, memory: 0, gateway: 0 };
  const items: FleetResource[] = [];
  let allKinds = 0;
  for (const r of sorted) {
    if (!matchesExceptKind(r, filter, terms)) continue;
    kindCounts[r.kind] += 1;
    allKinds += 1;
    if (!filter.kind || r.kind === filter.kind) items.push(r);
  }
  return { items, kindCounts, allKinds };
}

export const sortBrokenFirst = (resources: readonly FleetResource[]): FleetResource[] => [...resources].sort(compareBrokenFirst);

/** Filtered and ordered in one call (tests, small lists). */
export const filterResources = (resources: readonly FleetResource[], filter: FleetFilter): FleetResource[] =>
  filterFleet(sortBrokenFirst(resources), filter).items;

export interface FilterOptions {
  statuses: string[];
  regions: string[];
  profiles: string[];
}

/** Distinct values for the filter selects, statuses ordered like the table (broken first). */
export function filterOptions(resources: readonly FleetResource[]): FilterOptions {
  const statusHealth = new Map<string, Health>();
  const regions = new Set<string>();
  const profiles = new Set<string>();
  for (const r of resources) {
    statusHealth.set(r.status, r.health);
    regions.add(r.region);
    profiles.add(r.profile);
  }
  const statuses = [...statusHealth.keys()].sort(
    (a, b) => healthRank[statusHealth.get(a) ?? 'unknown'] - healthRank[statusHealth.get(b) ?? 'unknown'] || a.localeCompare(b),
  );
  return { statuses, regions: [...regions].sort(), profiles: [...profiles].sort() };
}
