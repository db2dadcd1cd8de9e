/** `fleet.resource` for the open detail page, fetched again whenever the fleet sees that resource change. */
import { useEffect, useRef } from 'react';
import type { ApiError } from '../../../../../shared/errors';
import type { FleetResource, ResourceDetail } from '../../../../../shared/fleet';
import { useApiQuery } from '../../../state/api-query';
import { detailVersion } from './detail-logic';

export interface DetailState {
  data: ResourceDetail | undefined;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

export function useResourceDetail(key: string, resource: FleetResource | undefined): DetailState {
  // Stale at once: opening the page always asks again (configuration may change without a status change).
  const query = useApiQuery('fleet.resource', { key }, { staleTime: 0 });
  const version = detailVersion(resource);
  const seen = useRef({ key, version });
  const { refetch } = query;
  useEffect(() => {
    // A new version of the same resource: the cached detail is out of date (the previous answer stays on screen meanwhile).
    if (seen.current.key === key && seen.current.version !== version) void refetch();
    seen.current = { key, version };
  }, [key, version, refetch]);
  return {
    data: query.data,
    error: query.error,
    loading: query.isFetching,
    reload: () => void refetch(),
  };
}
