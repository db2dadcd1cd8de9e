/**
 * History pages of one endpoint's log group (`logs.history`, oldest first) as
 * a TanStack infinite query: the first page on open, the next on demand or
 * when the list nears its end. A failed page keeps the pages already shown.
 */
import { useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { MethodInput } from '../../../../shared/contract';
import type { ApiError } from '../../../../shared/errors';
import type { LogHistoryPage } from '../../../../shared/logs';
import { api } from '../../api';
import { toApiError } from '../../state/api-error';
import type { LineEntry, LogEntry } from './log-entry';
import { filterEntries, type LineFilter } from './log-filter';

export type HistoryInput = Omit<MethodInput<'logs.history'>, 'nextToken' | 'limit'>;

/** Ids for a page's lines: stable while it is cached, so the list keeps rows (and their expanded state) as pages arrive. */
const PAGE_STRIDE = 100_000;
const entriesByPage = new WeakMap<LogHistoryPage, LineEntry[]>();

function pageEntries(page: LogHistoryPage, index: number): LineEntry[] {
  let entries = entriesByPage.get(page);
  if (!entries) {
    entries = page.lines.map((line, i) => ({ kind: 'line', id: index * PAGE_STRIDE + i, line }));
    entriesByPage.set(page, entries);
  }
  return entries;
}

export interface LogHistory {
  rows: readonly LogEntry[];
  lineCount: number;
  isLoading: boolean;
  error: ApiError | null;
  hasMore: boolean;
  fetchingMore: boolean;
  loadMore: () => void;
  refetch: () => void;
  groupName: string | undefined;
  /** The range the first page searched (for a relative range: on AWS's clock). */
  range: { startTime: number; endTime: number } | undefined;
}

/** A later page repeats the range the first one resolved (a `lastMs` range is cut on AWS's clock, in main). */
type NextPage = { nextToken: string; startTime: number; endTime: number };

function pageInput(input: HistoryInput, next: NextPage | undefined): MethodInput<'logs.history'> {
  if (!next) return input;
  const { lastMs: _relative, ...fixed } = input;
  return { ...fixed, startTime: next.startTime, endTime: next.endTime, nextToken: next.nextToken };
}

/** `refreshedAt` is part of the key: a relative range ("last hour") is read again when the user refreshes it. */
export function useLogHistory(input: HistoryInput | null, filter: LineFilter, refreshedAt: number): LogHistory {
  const query = useInfiniteQuery<LogHistoryPage, ApiError, { pages: LogHistoryPage[] }, readonly unknown[], NextPage | undefined>({
    queryKey: ['paged', 'logs.history', input, input?.lastMs !== undefined ? refreshedAt : 0],
    enabled: input !== null,
    initialPageParam: undefined,
    queryFn: ({ pageParam }) =>
      api.call('logs.history', pageInput(input as HistoryInput, pageParam)).catch((error: unknown) => {
        throw toApiError(error);
      }),
    getNextPageParam: (last) => (last.nextToken ? { nextToken: last.nextToken, startTime: last.startTime, endTime: last.endTime } : undefined),
    // Pages only ever append; comparing thousands of lines deeply on each one would cost a frame.
    structuralSharing: false,
  });
  const pages = query.data?.pages;
  const all = useMemo(() => (pages ?? []).flatMap((page, i) => pageEntries(page, i)), [pages]);
  const rows = useMemo(() => filterEntries(all, filter), [all, filter]);
  const { fetchNextPage, refetch } = query;
  return {
    rows,
    lineCount: all.length,
    isLoading: query.isLoading,
    error: query.error,
    hasMore: query.hasNextPage,
    fetchingMore: query.isFetchingNextPage,
    loadMore: useCallback(() => void fetchNextPage(), [fetchNextPage]),
    refetch: useCallback(() => void refetch(), [refetch]),
    groupName: pages?.[0]?.groupName,
    range: pages?.[0] ? { startTime: pages[0].startTime, endTime: pages[0].endTime } : undefined,
  };
}
