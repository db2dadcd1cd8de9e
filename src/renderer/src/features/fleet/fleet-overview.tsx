/** The home page: status summary, polling trouble per cell, and the filterable table of every resource. */
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { TextFilterProps } from '@cloudscape-design/components/text-filter';
import { memo, useCallback, useMemo, useRef, useState } from 'react';
import type { FleetResource } from '../../../../shared/fleet';
import { formatClock, formatTimestamp } from '../../lib/relative-time';
import { currentRoute, hrefFor, navigate, useHashRoute } from '../../routing/use-hash-route';
import { SignInDialog } from '../settings/sign-in-dialog';
import { CellAlerts } from './cell-alerts';
import { useFleetRefresh, useFleetSnapshot } from './fleet-data';
import { freshnessLabel } from './cell-state';
import { filterFleet, filterOptions, sortBrokenFirst } from './filter-resources';
import { FleetEmpty, FleetLoadError } from './fleet-empty';
import { FleetFilters } from './fleet-filters';
import { detailQuery, emptyFilter, filterToQuery, isFilterActive, parseFleetQuery, type FleetFilter } from './fleet-query';
import { FleetSummary } from './fleet-summary';
import { FleetTable } from './fleet-table';
import { useIsViewer } from '../../state/viewer';

const EMPTY: readonly FleetResource[] = [];

/** "As of" and Refresh, memoized: the table's header re-renders on every filter keystroke (its counter), these need not. */
const FleetHeaderActions = memo(function FleetHeaderActions({
  asOf,
  fromCache,
  refreshing,
  onRefresh,
}: {
  asOf: number | null;
  fromCache: boolean;
  refreshing: boolean;
  onRefresh: () => void;
}) {
  const freshness = freshnessLabel(asOf, fromCache, formatClock);
  // A share's viewer may not make the console poll AWS on demand; the fleet still refreshes on its own.
  const viewer = useIsViewer();
  return (
    <SpaceBetween direction="horizontal" size="xs" alignItems="center">
      {freshness && (
        <span title={formatTimestamp(asOf ?? 0)} data-testid="fleet-as-of">
          <Box variant="span" color="text-body-secondary" fontSize="body-s">
            {freshness.cached ? `Cached, as of ${formatClock(asOf ?? 0)}` : freshness.text}
          </Box>
        </span>
      )}
      {!viewer && (
        <Button iconName="refresh" loading={refreshing} onClick={onRefresh} ariaLabel="Refresh fleet">
          Refresh
        </Button>
      )}
    </SpaceBetween>
  );
});

export function FleetOverview() {
  const fleet = useFleetSnapshot();
  const { route, setQuery } = useHashRoute();
  const view = parseFleetQuery(route.query);
  const filterRef = useRef<TextFilterProps.Ref>(null);
  const { refreshing, refresh } = useFleetRefresh();
  const [signInProfile, setSignInProfile] = useState<string | null>(null);

  const all = fleet.data?.resources ?? EMPTY;
  // Sorted once per fleet change, so a keystroke only filters.
  const sorted = useMemo(() => sortBrokenFirst(all), [all]);
  const options = useMemo(() => filterOptions(all), [all]);
  const filterKey = JSON.stringify(view.filter);
  // Keyed on the serialized filter so a re-render with an equal filter reuses the result.
  const filtered = useMemo(() => filterFleet(sorted, JSON.parse(filterKey) as FleetFilter), [sorted, filterKey]);
  const filter = useMemo(() => JSON.parse(filterKey) as FleetFilter, [filterKey]);

  const setFilter = useCallback((next: FleetFilter) => setQuery(filterToQuery(next)), [setQuery]);
  const select = useCallback(
    (resource: FleetResource, openQuickLook: boolean) => setQuery(openQuickLook ? { sel: resource.key, panel: 'open' } : { sel: resource.key }),
    [setQuery],
  );
  // Read the query at click time: the filters ride along to the detail page and back.
  const openDetail = useCallback((resource: FleetResource) => navigate({ page: 'fleet', query: detailQuery(currentRoute().query, resource.key) }), []);
  const detailHref = useCallback((resource: FleetResource) => hrefFor('fleet', { sel: resource.key, detail: resource.key }), []);
  const onStatusClick = useCallback((status: string) => setFilter({ ...emptyFilter, status }), [setFilter]);
  const closeSignIn = useCallback(() => setSignInProfile(null), []);
  const clearFilter = useCallback(() => setFilter(emptyFilter), [setFilter]);

  const cells = fleet.data?.cells ?? [];
  const freshness = freshnessLabel(fleet.data?.asOf ?? null, fleet.data?.fromCache ?? false, formatClock);

  return (
    <SpaceBetween size="l">
      {freshness?.cached && (
        <div data-testid="fleet-cached">
          <Alert type="info" header={<StatusIndicator type="loading">{freshness.text}</StatusIndicator>}>
            These are the last-known statuses saved when the console last ran. The first poll is running; rows update as each region answers.
          </Alert>
        </div>
      )}
      <CellAlerts cells={cells} onSignIn={setSignInProfile} />
      {/* With the quick look open the rows matter more than the totals: the summary makes room for them. */}
      {!view.panelOpen && <FleetSummary resources={all} cells={cells} onStatusClick={onStatusClick} />}
      <FleetTable
        items={filtered.items}
        totalCount={all.length}
        loading={fleet.data === undefined && fleet.error === null}
        filterRef={filterRef}
        selectedKey={view.selected}
        onSelect={select}
        onOpenDetail={openDetail}
        detailHref={detailHref}
        filters={
          <FleetFilters
            ref={filterRef}
            filter={filter}
            options={options}
            kindCounts={filtered.kindCounts}
            allKinds={filtered.allKinds}
            matches={filtered.items.length}
            onChange={setFilter}
          />
        }
        empty={
          fleet.error && !fleet.data ? (
            <FleetLoadError error={fleet.error} onRetry={() => void fleet.refetch()} />
          ) : (
            <FleetEmpty
              filtered={isFilterActive(filter)}
              waitingOnCells={cells.length > 0 && cells.every((c) => c.polledAt === undefined && c.state !== 'ok')}
              onClearFilter={clearFilter}
            />
          )
        }
        headerActions={
          <FleetHeaderActions asOf={fleet.data?.asOf ?? null} fromCache={fleet.data?.fromCache ?? false} refreshing={refreshing} onRefresh={refresh} />
        }
      />
      <SignInDialog profile={signInProfile} onClose={closeSignIn} />
    </SpaceBetween>
  );
}
