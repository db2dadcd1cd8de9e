/** Fleet view state kept in the URL hash query, so filters and the selection survive reloads and links. */
import { resourceKinds, type ResourceKind } from '../../../../shared/fleet';
import type { Query } from '../../routing/hash-route';

export interface FleetFilter {
  text: string;
  kind: ResourceKind | null;
  status: string | null;
  region: string | null;
}

export interface FleetViewState {
  filter: FleetFilter;
  /** Key of the selected resource. */
  selected: string | null;
  /** Whether the detail split panel is open. */
  panelOpen: boolean;
}

const isKind = (value: string | undefined): value is ResourceKind => (resourceKinds as readonly string[]).includes(value ?? '');

export function parseFleetQuery(query: Query): FleetViewState {
  return {
    filter: {
      text: query.q ?? '',
      kind: isKind(query.type) ? query.type : null,
      status: query.status ?? null,
      region: query.region ?? null,
    },
    selected: query.sel ?? null,
    panelOpen: query.panel === 'open' && query.sel !== undefined,
  };
}

/** The query patch for a filter change: unset fields are removed from the URL. */
export function filterToQuery(filter: FleetFilter): Record<string, string | undefined> {
  return {
    q: filter.text || undefined,
    type: filter.kind ?? undefined,
    status: filter.status ?? undefined,
    region: filter.region ?? undefined,
  };
}

export const emptyFilter: FleetFilter = { text: '', kind: null, status: null, region: null };

export const isFilterActive = (filter: FleetFilter): boolean =>
  filter.text.trim() !== '' || filter.kind !== null || filter.status !== null || filter.region !== null;
