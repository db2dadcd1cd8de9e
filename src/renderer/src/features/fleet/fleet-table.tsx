/**
 * The fleet grid: every filtered resource in one table, virtualized against the
 * window scroll, so a filter keystroke renders only the rows on screen (about
 * 15) instead of a 100-row page. bench/fleet-ui.bench.ts measured the paged
 * Cloudscape Table at ~290 ms from keystroke to paint with 1,000 resources on
 * this hardware; this grid is what keeps it under 50 ms. It is a real <table>
 * (header cells, row headers, aria-sort, aria-selected) styled like the console's tables.
 */
import Box from '@cloudscape-design/components/box';
import Header from '@cloudscape-design/components/header';
import Icon from '@cloudscape-design/components/icon';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { TextFilterProps } from '@cloudscape-design/components/text-filter';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { FleetResource } from '../../../../shared/fleet';
import { readTopOffset } from '../../lib/top-offset';
import { useNow } from '../../lib/use-now';
import { fleetColumns, type ColumnActions, type FleetColumn } from './fleet-columns';
import { nextSort, noSort, sortItems, type SortState } from './grid-sort';
import { useFleetKeyboard } from './use-fleet-keyboard';

/** A typical row (status with a one-line reason); rows are measured once on screen. */
const ESTIMATED_ROW_PX = 58;
const OVERSCAN_ROWS = 2;
/** Each row element's size as the ResizeObserver last reported it. */
const observedRowSize = new WeakMap<Element, number>();

export interface FleetTableProps {
  items: readonly FleetResource[];
  totalCount: number;
  loading: boolean;
  filters: ReactNode;
  filterRef: RefObject<TextFilterProps.Ref | null>;
  selectedKey: string | null;
  /** Row click, j/k: select and show the quick look. */
  onSelect: (resource: FleetResource, openQuickLook: boolean) => void;
  /** Enter, or the name link: the full detail page. */
  onOpenDetail: (resource: FleetResource) => void;
  detailHref: (resource: FleetResource) => string;
  empty: ReactNode;
  headerActions: ReactNode;
}

const Row = memo(function Row({
  resource,
  columns,
  selected,
  index,
  measure,
  onSelect,
}: {
  resource: FleetResource;
  columns: readonly FleetColumn[];
  selected: boolean;
  index: number;
  measure: (node: HTMLTableRowElement | null) => void;
  onSelect: (resource: FleetResource, openQuickLook: boolean) => void;
}) {
  // A new ref per resource: a row element shown for another resource is measured for that one too.
  const ref = useCallback((node: HTMLTableRowElement | null) => measure(node), [measure, resource.key]);
  return (
    <tr
      ref={ref}
      data-index={index}
      data-key={resource.key}
      aria-selected={selected}
      className={selected ? 'fleet-grid__row fleet-grid__row--selected' : 'fleet-grid__row'}
      onClick={(event) => {
        // Links and buttons inside the row do their own thing.
        if ((event.target as HTMLElement).closest('a, button')) return;
        onSelect(resource, true);
      }}
    >
      {columns.map((column) =>
        column.id === 'name' ? (
          <th key={column.id} scope="row" data-col={column.id} className="fleet-grid__cell">
            {column.cell(resource)}
          </th>
        ) : (
          <td key={column.id} data-col={column.id} className="fleet-grid__cell">
            {column.cell(resource)}
          </td>
        ),
      )}
    </tr>
  );
});

// Memoized: the table re-renders on every filter keystroke, the headers only when the sort changes.
const SortHeader = memo(function SortHeader({ column, sort, onSort }: { column: FleetColumn; sort: SortState; onSort: (id: string) => void }) {
  const sortable = Boolean(column.sortingField || column.sortingComparator);
  const active = sort.column === column.id;
  const ariaSort = active ? (sort.descending ? 'descending' : 'ascending') : 'none';
  return (
    <th scope="col" className="fleet-grid__head" aria-sort={sortable ? ariaSort : undefined}>
      {sortable ? (
        <button type="button" className="fleet-grid__sort" onClick={() => onSort(column.id)} title={`Sort by ${column.header.toLowerCase()}`}>
          <span>{column.header}</span>
          <span className={active ? 'fleet-grid__sort-icon fleet-grid__sort-icon--active' : 'fleet-grid__sort-icon'}>
            <Icon name={active && sort.descending ? 'caret-up-filled' : 'caret-down-filled'} size="small" />
          </span>
        </button>
      ) : (
        column.header
      )}
    </th>
  );
});

/**
 * A number read from an element's layout, read again whenever `watched(element)` changes size or the window
 * resizes. Observers fire after layout, so reading there forces nothing.
 */
function useLayoutReading(ref: RefObject<HTMLElement | null>, read: (element: HTMLElement) => number, watched: (element: HTMLElement) => Element): number {
  const [value, setValue] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const update = (): void => setValue(read(element));
    update();
    const observer = new ResizeObserver(update);
    observer.observe(watched(element));
    window.addEventListener('resize', update);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', update);
    };
  }, [ref, read, watched]);
  return value;
}

/** Where the table body starts in the document, for the window virtualizer; the page's size changes when alerts above it come and go. */
const documentTop = (element: HTMLElement): number => element.getBoundingClientRect().top + window.scrollY;
const enclosingPage = (element: HTMLElement): Element => element.closest('main') ?? document.body;
/** How much of the window's top the top bar and the sticky column headers cover: rows scrolled into view go below it. */
const obscuredBy = (head: HTMLElement): number => head.getBoundingClientRect().height + readTopOffset();
const itself = (element: HTMLElement): Element => element;

export const FleetTable = memo(function FleetTable(props: FleetTableProps) {
  const now = useNow();
  const { onSelect, onOpenDetail, detailHref, selectedKey } = props;
  const [sort, setSort] = useState<SortState>(noSort);
  const actions = useMemo<ColumnActions>(() => ({ detailHref, openDetail: onOpenDetail }), [detailHref, onOpenDetail]);
  const columns = useMemo(() => fleetColumns(now, actions), [now, actions]);
  const ordered = useMemo(() => sortItems(props.items, sort, columns), [props.items, sort, columns]);
  const onSort = useCallback((id: string) => setSort((current) => nextSort(current, id)), []);

  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const headRef = useRef<HTMLTableSectionElement>(null);
  const offset = useLayoutReading(bodyRef, documentTop, enclosingPage);
  const obscuredTop = useLayoutReading(headRef, obscuredBy, itself);
  const virtualizer = useWindowVirtualizer<HTMLTableRowElement>({
    count: ordered.length,
    estimateSize: () => ESTIMATED_ROW_PX,
    overscan: OVERSCAN_ROWS,
    scrollMargin: offset,
    scrollPaddingStart: obscuredTop,
    getItemKey: (index) => ordered[index]?.key ?? index,
    // Sizes come from the ResizeObserver (after layout). The default also reads offsetHeight when a row
    // mounts, which forces a synchronous layout in the middle of the keystroke's commit. A row element
    // reused for another resource keeps its last observed size until the observer says otherwise.
    measureElement: (element, entry, instance) => {
      const box = entry?.borderBoxSize?.[0];
      if (box) {
        const size = Math.round(box.blockSize);
        observedRowSize.set(element, size);
        return size;
      }
      return observedRowSize.get(element) ?? instance.measurementsCache[Number(element.getAttribute('data-index'))]?.size ?? ESTIMATED_ROW_PX;
    },
  });
  const rows = virtualizer.getVirtualItems();
  const paddingTop = rows.length > 0 ? Math.max(0, (rows[0]?.start ?? 0) - offset) : 0;
  const paddingBottom = rows.length > 0 ? Math.max(0, virtualizer.getTotalSize() - ((rows[rows.length - 1]?.end ?? 0) - offset)) : 0;

  const indexOf = useCallback((key: string | null) => (key === null ? -1 : ordered.findIndex((r) => r.key === key)), [ordered]);

  useFleetKeyboard({
    focusFilter: () => props.filterRef.current?.focus(),
    move: (delta) => {
      if (ordered.length === 0) return;
      const current = indexOf(selectedKey);
      const next = current === -1 ? 0 : Math.min(ordered.length - 1, Math.max(0, current + delta));
      const target = ordered[next];
      if (target) onSelect(target, false);
    },
    open: () => {
      const target = ordered[indexOf(selectedKey)];
      if (target) onOpenDetail(target);
    },
  });

  // Keep the keyboard selection (or a selection from a link or the palette) on screen.
  useEffect(() => {
    const index = indexOf(selectedKey);
    if (index !== -1) virtualizer.scrollToIndex(index, { align: 'auto' });
    // Only when the selection moves, not on every re-measure.
  }, [selectedKey]);

  const counter = props.items.length === props.totalCount ? `(${props.totalCount})` : `(${props.items.length}/${props.totalCount})`;

  return (
    <div data-testid="fleet-table" className="fleet-table">
      <SpaceBetween size="m">
        <Header
          variant="h1"
          counter={counter}
          actions={props.headerActions}
          description="Runtimes, harnesses, memories and gateways in the watched profiles and regions, broken ones first."
          data-testid="page-fleet"
        >
          Fleet
        </Header>
        {props.filters}
        <div className="fleet-grid">
          <table className="fleet-grid__table" aria-label="Fleet resources" aria-rowcount={ordered.length + 1}>
            <colgroup>
              {columns.map((column) => (
                <col key={column.id} style={column.width ? { width: column.width } : undefined} />
              ))}
            </colgroup>
            <thead ref={headRef}>
              <tr>
                {columns.map((column) => (
                  <SortHeader key={column.id} column={column} sort={sort} onSort={onSort} />
                ))}
              </tr>
            </thead>
            <tbody ref={bodyRef}>
              {paddingTop > 0 && (
                <tr aria-hidden="true" className="fleet-grid__spacer" style={{ height: paddingTop }}>
                  <td colSpan={columns.length} />
                </tr>
              )}
              {rows.map((row) => {
                const resource = ordered[row.index];
                if (!resource) return null;
                return (
                  // Keyed by position, not resource: a filter keystroke then updates the rows on screen in place
                  // instead of tearing them down and building new ones (less DOM, style and layout work per key).
                  <Row
                    key={row.index}
                    resource={resource}
                    columns={columns}
                    selected={resource.key === selectedKey}
                    index={row.index}
                    measure={virtualizer.measureElement}
                    onSelect={onSelect}
                  />
                );
              })}
              {paddingBottom > 0 && (
                <tr aria-hidden="true" className="fleet-grid__spacer" style={{ height: paddingBottom }}>
                  <td colSpan={columns.length} />
                </tr>
              )}
            </tbody>
          </table>
          {props.loading ? (
            <Box textAlign="center" padding="l">
              <StatusIndicator type="loading">Loading fleet…</StatusIndicator>
            </Box>
          ) : (
            ordered.length === 0 && <div className="fleet-grid__empty">{props.empty}</div>
          )}
        </div>
      </SpaceBetween>
    </div>
  );
});
