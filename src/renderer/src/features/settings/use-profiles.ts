/** `profiles.list`, asked again each time Settings opens; auth.changed invalidates it (state/event-patches.ts). */
import type { ApiError } from '../../../../shared/errors';
import type { ProfilesList } from '../../../../shared/profiles';
import { useApiQuery } from '../../state/api-query';

export interface ProfilesState {
  data: ProfilesList | undefined;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

export function useProfiles(): ProfilesState {
  // Stale at once: the shared AWS files may have been edited while Settings was closed.
  const query = useApiQuery('profiles.list', {}, { staleTime: 0 });
  const { refetch } = query;
  return { data: query.data, error: query.error, loading: query.isFetching, reload: () => void refetch() };
}
