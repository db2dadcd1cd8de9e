/** Column sorting of the fleet grid: none (broken first, the input order) or one column, either way. */
import type { FleetResource } from '../../../../shared/fleet';

export interface SortState {
  column: string | null;
  descending: boolean;
}

export interface SortableColumn {
  id: string;
  sortingField?: string;
  sortingComparator?: (a: FleetResource, b: FleetResource) => number;
}

export const noSort: SortState = { column: null, descending: false };

/** Header click: a new column sorts ascending, the same column flips, a third click goes back to broken-first. */
export function nextSort(current: SortState, column: string): SortState {
  if (current.column !== column) return { column, descending: false };
  return current.descending ? noSort : { column, descending: true };
}

function comparatorFor(column: SortableColumn): ((a: FleetResource, b: FleetResource) => number) | null {
  if (column.sortingComparator) return column.sortingComparator;
  const field = column.sortingField as keyof FleetResource | undefined;
  if (!field) return null;
  return (a, b) => String(a[field] ?? '').localeCompare(String(b[field] ?? ''));
}

/** Stable: equal items keep the broken-first order they came in. */
export function sortItems(items: readonly FleetResource[], sort: SortState, columns: readonly SortableColumn[]): readonly FleetResource[] {
  const column = sort.column ? columns.find((c) => c.id === sort.column) : undefined;
  const compare = column ? comparatorFor(column) : null;
  if (!compare) return items;
  const direction = sort.descending ? -1 : 1;
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => direction * compare(a.item, b.item) || a.index - b.index)
    .map(({ item }) => item);
}
