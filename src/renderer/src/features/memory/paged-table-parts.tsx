/** The empty state and "Load more" footer every paged memory table shares. */
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import type { Paged } from './use-paged';

/** What an empty table says: the error when the first page failed, else `text`. */
export function PagedEmpty({ paged, text }: { paged: Paged<unknown>; text: string }) {
  return (
    <Box textAlign="center" color="text-body-secondary" padding="m">
      {paged.error ? paged.error.message : text}
    </Box>
  );
}

export function loadMoreFooter(paged: Paged<unknown>) {
  if (!paged.hasMore) return undefined;
  return (
    <Box textAlign="center">
      <Button variant="inline-link" onClick={paged.loadMore} loading={paged.fetchingMore}>
        Load more
      </Button>
    </Box>
  );
}
