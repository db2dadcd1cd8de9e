/** Fleet view state kept in the URL hash query, so filters, the selection and the open detail survive reloads and links. */
import { resourceKinds, type ResourceKind } from '../../../../shared/fleet';
import type { Query } from '../../routing/hash-route';

export interface FleetFilter {
  text: string;
  kind: ResourceKind | null;
  status: string | null;
  region: string | null;
  profile: string | null;
}

export interface FleetViewState {
  filter: FleetFilter;
  /** Key of the selected resource. */
  selected: string | null;
  /** Whether the quick-look split panel is open. */
  panelOpen: boolean;
  /** Key of the resource whose full detail page is shown instead of the table. */
  detail: string | null;
}

const isKind = (value: string | undefined): value is ResourceKind => (resourceKinds as readonly string[]).includes(value ?? '');

export function parseFleetQuery(query: Query): FleetViewState {
  const detail = query.detail ?? null;
  return {
    filter: {
      text: query.q ?? '',
      kind: isKind(query.type) ? query.type : null,
      status: query.status ?? null,
      region: query.region ?? null,
      profile: query.profile ?? null,
    },
    selected: query.sel ?? null,
    // The quick look belongs to the table; the detail page replaces it.
    panelOpen: detail === null && query.panel === 'open' && query.sel !== undefined,
    detail,
  };
}

/** The query patch for a filter change: unset fields are removed from the URL. */
export function filterToQuery(filter: FleetFilter): Record<string, string | undefined> {
  return {
    q: filter.text || undefined,
    type: filter.kind ?? undefined,
    status: filter.status ?? undefined,
    region: filter.region ?? undefined,
    profile: filter.profile ?? undefined,
  };
}

export const emptyFilter: FleetFilter = { text: '', kind: null, status: null, region: null, profile: null };

export const isFilterActive = (filter: FleetFilter): boolean =>
  filter.text.trim() !== '' || filter.kind !== null || filter.status !== null || filter.region !== null || filter.profile !== null;

/** Query keys that describe the table view (filters and selection), remembered across pages. */
const viewKeys = ['q', 'type', 'status', 'region', 'profile', 'sel'] as const;

/** The part of a fleet query worth restoring when the user comes back to the fleet from another page. */
export function rememberedView(query: Query): Query {
  const kept: Record<string, string> = {};
  for (const key of viewKeys) {
    const value = query[key];
    if (value !== undefined && value !== '') kept[key] = value;
  }
  return kept;
}

/** Query for a resource's detail page: the table's filters ride along, so "back to fleet" lands on the same view. */
export function detailQuery(current: Query, key: string): Query {
  return { ...rememberedView(current), sel: key, detail: key };
}
