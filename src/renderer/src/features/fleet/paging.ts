/** Which page of the fleet table to show. */
export interface PageState {
  page: number;
  filterKey: string;
  selectedKey: string | null;
}

/**
 * A new filter restarts at page 1; a new selection (keyboard, command
 * palette, a shared link) shows the page that holds it; otherwise the page
 * stays, clamped to the pages that exist.
 */
export function nextPageState(
  previous: PageState,
  filterKey: string,
  selectedKey: string | null,
  orderedKeys: readonly string[],
  pageSize: number,
): PageState {
  const pagesCount = Math.max(1, Math.ceil(orderedKeys.length / pageSize));
  let page = previous.filterKey !== filterKey ? 1 : previous.page;
  if (selectedKey !== previous.selectedKey && selectedKey !== null) {
    const index = orderedKeys.indexOf(selectedKey);
    if (index !== -1) page = Math.floor(index / pageSize) + 1;
  }
  return { page: Math.min(page, pagesCount), filterKey, selectedKey };
}
