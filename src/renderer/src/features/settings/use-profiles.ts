/** `profiles.list`, loaded when Settings opens and again after every sign-in, refresh, expiry or sign-out. */
import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../../../../shared/errors';
import type { ProfilesList } from '../../../../shared/profiles';
import { toApiError } from '../../state/remote-store';
import { profilesApi } from './profiles-api';
import { signInStore } from './sign-in-store';

export interface ProfilesState {
  data: ProfilesList | undefined;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

export function useProfiles(): ProfilesState {
  const [state, setState] = useState<Omit<ProfilesState, 'reload'>>({ data: undefined, error: null, loading: true });
  const [nonce, setNonce] = useState(0);
  const reload = useCallback(() => setNonce((n) => n + 1), []);

  useEffect(() => {
    let cancelled = false;
    setState((current) => ({ ...current, loading: true }));
    profilesApi.list().then(
      (data) => !cancelled && setState({ data, error: null, loading: false }),
      (error: unknown) => !cancelled && setState((current) => ({ ...current, error: toApiError(error), loading: false })),
    );
    return () => {
      cancelled = true;
    };
  }, [nonce]);

  useEffect(() => signInStore.onAuthChanged(reload), [reload]);

  return { ...state, reload };
}
