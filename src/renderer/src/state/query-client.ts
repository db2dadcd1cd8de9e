/**
 * The renderer's one QueryClient: the cache of everything main serves.
 *
 * Main pushes changes (fleet.changed, settings.changed) and the host
 * connection is watched (server-sync.ts), so cached data is never considered
 * stale by time, nothing is re-fetched on window focus, and a failed call is
 * shown rather than silently retried.
 */
import { QueryClient } from '@tanstack/react-query';
import type { ApiError } from '../../../shared/errors';

declare module '@tanstack/react-query' {
  interface Register {
    // The query function converts every failure with toApiError.
    defaultError: ApiError;
  }
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
      mutations: { retry: false },
    },
  });
}

export const queryClient = createQueryClient();
