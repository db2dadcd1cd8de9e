/** Fetches `fleet.resource` for the open detail page, and again whenever the fleet sees that resource change. */
import { useEffect, useState } from 'react';
import type { FleetResource, ResourceDetail } from '../../../../../shared/fleet';
import type { ApiError } from '../../../../../shared/errors';
import { api } from '../../../api';
import { toApiError } from '../../../state/remote-store';
import { detailVersion } from './detail-logic';

export interface DetailState {
  data: ResourceDetail | undefined;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

export function useResourceDetail(key: string, resource: FleetResource | undefined): DetailState {
  const version = detailVersion(resource);
  const [nonce, setNonce] = useState(0);
  const [state, setState] = useState<{ key: string; data?: ResourceDetail; error: ApiError | null; loading: boolean }>({ key, error: null, loading: true });

  useEffect(() => {
    let cancelled = false;
    // Keep showing the previous answer for the same key while the new one loads (no flash on a status change).
    setState((current) => (current.key === key ? { ...current, loading: true } : { key, error: null, loading: true }));
    api.call('fleet.resource', { key }).then(
      (data) => !cancelled && setState({ key, data, error: null, loading: false }),
      (error: unknown) =>
        !cancelled && setState((current) => ({ key, data: current.key === key ? current.data : undefined, error: toApiError(error), loading: false })),
    );
    return () => {
      cancelled = true;
    };
  }, [key, version, nonce]);

  const sameKey = state.key === key;
  return {
    data: sameKey ? state.data : undefined,
    error: sameKey ? state.error : null,
    loading: !sameKey || state.loading,
    reload: () => setNonce((n) => n + 1),
  };
}
