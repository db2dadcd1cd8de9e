/** The paged fleet table with single selection and j/k/Enter keyboard navigation. */
import { useCollection } from '@cloudscape-design/collection-hooks';
import Header from '@cloudscape-design/components/header';
import Pagination from '@cloudscape-design/components/pagination';
import Table from '@cloudscape-design/components/table';
import type { TextFilterProps } from '@cloudscape-design/components/text-filter';
import { memo, useEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { FleetResource } from '../../../../shared/fleet';
import { useNow } from '../../lib/use-now';
import { fleetColumns, type ColumnActions } from './fleet-columns';
import { nextPageState } from './paging';
import { useFleetKeyboard } from './use-fleet-keyboard';

/** The AWS console convention: paged at 100, so a keystroke re-renders at most 100 rows. */
export const PAGE_SIZE = 100;

export interface FleetTableProps {
  items: readonly FleetResource[];
  totalCount: number;
  loading: boolean;
  filters: ReactNode;
  filterRef: RefObject<TextFilterProps.Ref | null>;
  /** Changes whenever the filter does, so paging restarts at 1. */
  filterKey: string;
  selectedKey: string | null;
  /** Row click, j/k: select and show the quick look. */
  onSelect: (resource: FleetResource, openQuickLook: boolean) => void;
  /** Enter, or the name link: the full detail page. */
  onOpenDetail: (resource: FleetResource) => void;
  detailHref: (resource: FleetResource) => string;
  empty: ReactNode;
  headerActions: ReactNode;
}

export const FleetTable = memo(function FleetTable(props: FleetTableProps) {
  const now = useNow();
  const { onSelect, onOpenDetail, detailHref, selectedKey, filterKey } = props;
  // The collection sorts (when a column header asks); paging is ours, because it follows the selection.
  const { allPageItems: ordered, collectionProps } = useCollection(props.items, { sorting: {} });
  const orderedKeys = useMemo(() => ordered.map((item) => item.key), [ordered]);
  const [paging, setPaging] = useState({ page: 1, filterKey, selectedKey });
  const nextPaging = nextPageState(paging, filterKey, selectedKey, orderedKeys, PAGE_SIZE);
  if (nextPaging.page !== paging.page || nextPaging.filterKey !== paging.filterKey || nextPaging.selectedKey !== paging.selectedKey) {
    setPaging(nextPaging);
  }
  const page = nextPaging.page;
  const pagesCount = Math.max(1, Math.ceil(ordered.length / PAGE_SIZE));
  const items = useMemo(() => ordered.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE), [ordered, page]);
  const tableRef = useRef<HTMLDivElement>(null);
  const actions = useMemo<ColumnActions>(() => ({ detailHref, openDetail: onOpenDetail }), [detailHref, onOpenDetail]);
  const columns = useMemo(() => fleetColumns(now, actions), [now, actions]);
  const selected = useMemo(() => items.filter((item) => item.key === selectedKey), [items, selectedKey]);

  useFleetKeyboard({
    focusFilter: () => props.filterRef.current?.focus(),
    move: (delta) => {
      if (ordered.length === 0) return;
      const current = orderedKeys.indexOf(selectedKey ?? '');
      const next = current === -1 ? (page - 1) * PAGE_SIZE : Math.min(ordered.length - 1, Math.max(0, current + delta));
      const target = ordered[next];
      if (target) onSelect(target, false);
    },
    open: () => {
      const target = ordered.find((item) => item.key === selectedKey);
      if (target) onOpenDetail(target);
    },
  });

  // Keep the keyboard selection in view.
  useEffect(() => {
    tableRef.current?.querySelector('input[type="radio"]:checked')?.closest('tr')?.scrollIntoView({ block: 'nearest' });
  }, [selectedKey, page]);

  return (
    <div ref={tableRef} data-testid="fleet-table">
      <Table
        sortingColumn={collectionProps.sortingColumn}
        sortingDescending={collectionProps.sortingDescending}
        onSortingChange={collectionProps.onSortingChange}
        items={items}
        columnDefinitions={columns}
        trackBy="key"
        variant="full-page"
        stickyHeader
        resizableColumns
        wrapLines
        selectionType="single"
        selectedItems={selected}
        onSelectionChange={(event) => {
          const [resource] = event.detail.selectedItems;
          if (resource) onSelect(resource, true);
        }}
        onRowClick={(event) => onSelect(event.detail.item, true)}
        ariaLabels={{
          selectionGroupLabel: 'Fleet resources',
          itemSelectionLabel: (_, item) => `Select ${item.name}`,
          allItemsSelectionLabel: () => 'Select all',
          tableLabel: 'Fleet resources',
        }}
        loading={props.loading}
        loadingText="Loading fleet…"
        empty={props.empty}
        filter={props.filters}
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={props.items.length === props.totalCount ? `(${props.totalCount})` : `(${props.items.length}/${props.totalCount})`}
            actions={props.headerActions}
            description="Agent runtimes, memories and gateways in the watched profiles and regions. Broken resources are listed first."
            data-testid="page-fleet"
          >
            Fleet
          </Header>
        }
        pagination={
          <Pagination
            currentPageIndex={page}
            pagesCount={pagesCount}
            onChange={(event) => setPaging({ ...nextPaging, page: event.detail.currentPageIndex })}
            ariaLabels={{ nextPageLabel: 'Next page', previousPageLabel: 'Previous page', pageLabel: (n) => `Page ${n}` }}
          />
        }
      />
    </div>
  );
});
