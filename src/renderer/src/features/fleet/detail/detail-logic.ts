/** Pure helpers of the detail pages: timeline order, links to other pages, linked resources. */
import type { FleetResource, ResourceDetail, StatusTransition } from '../../../../../shared/fleet';
import type { Query } from '../../../routing/hash-route';
import type { PageId } from '../../../app/page-registry';

/** Newest first, as an incident timeline is read; ties keep their order. */
export const timelineNewestFirst = (timeline: readonly StatusTransition[]): StatusTransition[] =>
  timeline
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => b.entry.at - a.entry.at || b.index - a.index)
    .map(({ entry }) => entry);

export interface PageLink {
  id: 'chat' | 'logs' | 'metrics' | 'memory';
  label: string;
  page: PageId;
  query: Query;
  /** Why the button is disabled, if it is. */
  disabledReason?: string;
}

/** The buttons of an agent's detail page: its Chat, Logs, Metrics and (when linked) Memory. */
export function agentPageLinks(key: string, linkedMemoryKeys: readonly string[]): PageLink[] {
  const memory = linkedMemoryKeys[0];
  return [
    { id: 'chat', label: 'Chat', page: 'chat', query: { agent: key } },
    { id: 'logs', label: 'Logs', page: 'logs', query: { agent: key } },
    { id: 'metrics', label: 'Metrics', page: 'metrics', query: { agent: key } },
    memory
      ? { id: 'memory', label: 'Memory', page: 'memory', query: { memory } }
      : { id: 'memory', label: 'Memory', page: 'memory', query: {}, disabledReason: 'This agent names no memory in its configuration.' },
  ];
}

/** A linked key resolved against the fleet: the resource if the console knows it, else just the id from the key. */
export function resolveLinked(key: string, resources: readonly FleetResource[]): { key: string; name: string; resource?: FleetResource } {
  const resource = resources.find((r) => r.key === key);
  return { key, name: resource?.name ?? key.split('|')[3] ?? key, resource };
}

/**
 * Whether a fresh detail should be fetched: the fleet saw the resource change
 * (status or update time), so the detail on screen is stale.
 */
export const detailVersion = (resource: FleetResource | undefined): string => (resource ? `${resource.status}|${resource.updatedAt ?? ''}` : 'missing');

export const detailTitle = (detail: ResourceDetail): string => detail.resource.name;

/** Gateway targets needing a person first (failed, then pending auth), then the rest by name. */
export function orderTargets<T extends { name: string; health: string }>(targets: readonly T[]): T[] {
  const rank: Record<string, number> = { failed: 0, pending: 1, unknown: 2, ok: 3 };
  return [...targets].sort((a, b) => (rank[a.health] ?? 2) - (rank[b.health] ?? 2) || a.name.localeCompare(b.name));
}
