/**
 * Paged memory reads as TanStack infinite queries: the first page on open,
 * the next on demand, or every page ("Load all"). A failed page (throttling)
 * keeps the pages already loaded on screen; the error says what happened.
 */
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '../../../../shared/contract';
import type { ApiError } from '../../../../shared/errors';
import type { Page } from '../../../../shared/memory';
import { api } from '../../api';
import { toApiError } from '../../state/api-error';

type PagedMethod = { [M in MethodName]: MethodOutput<M> extends Page<unknown> ? M : never }[MethodName];
type ItemOf<M extends PagedMethod> = MethodOutput<M> extends Page<infer T> ? T : never;
type FirstPageInput<M extends PagedMethod> = Omit<MethodInput<M>, 'nextToken'>;

export const pagedKey = <M extends PagedMethod>(method: M, input: FirstPageInput<M>) => ['paged', method, input] as const;

export interface Paged<T> {
  items: T[];
  isLoading: boolean;
  error: ApiError | null;
  hasMore: boolean;
  fetchingMore: boolean;
  loadingAll: boolean;
  loadMore: () => void;
  loadAll: () => void;
  refresh: () => void;
}

export function usePaged<M extends PagedMethod>(method: M, input: FirstPageInput<M>, enabled = true): Paged<ItemOf<M>> {
  const queryClient = useQueryClient();
  const key = pagedKey(method, input);
  const query = useInfiniteQuery<MethodOutput<M>, ApiError, { pages: MethodOutput<M>[] }, typeof key, string | undefined>({
    queryKey: key,
    enabled,
    initialPageParam: undefined,
    queryFn: ({ pageParam }) =>
      api.call(method, { ...input, ...(pageParam ? { nextToken: pageParam } : {}) } as MethodInput<M>).catch((error: unknown) => {
        throw toApiError(error);
      }),
    getNextPageParam: (last) => (last as Page<unknown>).nextToken,
    // Pages only ever append; deep-comparing 10,000 loaded events on every page would cost a frame.
    structuralSharing: false,
  });
  const [loadingAll, setLoadingAll] = useState(false);
  const cancelled = useRef(false);
  useEffect(
    () => () => {
      cancelled.current = true;
    },
    [],
  );
  const { fetchNextPage, hasNextPage } = query;
  const loadAll = useCallback(() => {
    setLoadingAll(true);
    cancelled.current = false;
    void (async () => {
      let more = hasNextPage;
      while (more && !cancelled.current) {
        const result = await fetchNextPage();
        if (result.isError) break;
        more = result.hasNextPage;
      }
      setLoadingAll(false);
    })();
  }, [fetchNextPage, hasNextPage]);
  // One array per page arrival, not per render: the views memoize their filters on it.
  const pages = query.data?.pages;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const items = useMemo(() => (pages ?? []).flatMap((p) => (p as Page<ItemOf<M>>).items), [pages]);
  return {
    items,
    isLoading: query.isLoading,
    error: query.error,
    hasMore: hasNextPage,
    fetchingMore: query.isFetchingNextPage,
    loadingAll,
    loadMore,
    loadAll,
    refresh: () => void queryClient.resetQueries({ queryKey: key }),
  };
}

/** After a delete: every paged memory list of this memory reloads from the first page. */
export function useResetMemoryLists(): (memoryKey: string) => Promise<void> {
  const queryClient = useQueryClient();
  return (memoryKey) =>
    queryClient.resetQueries({
      predicate: (q) =>
        (q.queryKey[0] === 'paged' || String(q.queryKey[0]).startsWith('memory.')) && JSON.stringify(q.queryKey).includes(JSON.stringify(memoryKey)),
    });
}
