/** The home page: fleet status summary, per-region errors, and the filterable table of resources. */
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { TextFilterProps } from '@cloudscape-design/components/text-filter';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { FleetResource } from '../../../../shared/fleet';
import { api } from '../../api';
import { formatClock, formatTimestamp } from '../../lib/relative-time';
import { useHashRoute } from '../../routing/use-hash-route';
import { serverState, useFleet } from '../../state/hooks';
import { notifyError } from '../../state/notifications';
import { CellAlerts } from './cell-alerts';
import { filterOptions, filterResources } from './filter-resources';
import { FleetEmpty, FleetLoadError } from './fleet-empty';
import { FleetFilters } from './fleet-filters';
import { emptyFilter, filterToQuery, isFilterActive, parseFleetQuery, type FleetFilter } from './fleet-query';
import { FleetSummary } from './fleet-summary';
import { FleetTable } from './fleet-table';

function useRefresh(): { refreshing: boolean; refresh: () => void } {
  const [refreshing, setRefreshing] = useState(false);
  const refresh = useCallback(() => {
    setRefreshing(true);
    api
      .call('fleet.refresh', {})
      .then((snapshot) => serverState.fleet.update(() => snapshot))
      .catch((error: unknown) => notifyError('Refresh fleet', error))
      .finally(() => setRefreshing(false));
  }, []);
  return { refreshing, refresh };
}

export function FleetPage() {
  const fleet = useFleet();
  const { route, setQuery } = useHashRoute();
  const view = parseFleetQuery(route.query);
  const { filter } = view;
  const filterRef = useRef<TextFilterProps.Ref>(null);
  const { refreshing, refresh } = useRefresh();

  const resources = fleet.data?.resources;
  const all = useMemo(() => resources ?? [], [resources]);
  const options = useMemo(() => filterOptions(all), [all]);
  const filterKey = JSON.stringify(filter);
  // Keyed on the serialized filter so a re-render with an equal filter reuses the result.
  const filtered = useMemo(() => filterResources(all, JSON.parse(filterKey) as FleetFilter), [all, filterKey]);

  const setFilter = useCallback((next: FleetFilter) => setQuery(filterToQuery(next)), [setQuery]);
  const select = useCallback(
    (resource: FleetResource, openDetail: boolean) => setQuery(openDetail ? { sel: resource.key, panel: 'open' } : { sel: resource.key }),
    [setQuery],
  );
  const asOf = fleet.data?.asOf ?? null;

  return (
    <SpaceBetween size="l">
      <FleetSummary resources={all} cells={fleet.data?.cells ?? []} onStatusClick={(status) => setFilter({ ...emptyFilter, status })} />
      <CellAlerts cells={fleet.data?.cells ?? []} />
      <FleetTable
        items={filtered}
        totalCount={all.length}
        loading={fleet.data === undefined && fleet.error === null}
        filterRef={filterRef}
        filterKey={filterKey}
        selectedKey={view.selected}
        onSelect={select}
        onOpenSelected={() => view.selected && setQuery({ panel: 'open' })}
        filters={
          <FleetFilters
            ref={filterRef}
            filter={filter}
            statuses={options.statuses}
            regions={options.regions}
            matches={filtered.length}
            onChange={setFilter}
          />
        }
        empty={
          fleet.error && !fleet.data ? (
            <FleetLoadError error={fleet.error} onRetry={() => void serverState.fleet.refresh()} />
          ) : (
            <FleetEmpty filtered={isFilterActive(filter)} onClearFilter={() => setFilter(emptyFilter)} />
          )
        }
        headerActions={
          <SpaceBetween direction="horizontal" size="xs" alignItems="center">
            {asOf !== null && (
              <span title={formatTimestamp(asOf)}>
                <Box variant="span" color="text-body-secondary" fontSize="body-s">
                  {fleet.data?.fromCache ? 'Cached, as of ' : 'As of '}
                  {formatClock(asOf)}
                </Box>
              </span>
            )}
            <Button iconName="refresh" loading={refreshing} onClick={refresh} ariaLabel="Refresh fleet">
              Refresh
            </Button>
          </SpaceBetween>
        }
      />
    </SpaceBetween>
  );
}
