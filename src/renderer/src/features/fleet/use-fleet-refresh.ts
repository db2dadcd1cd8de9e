import { useCallback, useState } from 'react';
import { api } from '../../api';
import { serverState } from '../../state/hooks';
import { notifyError } from '../../state/notifications';

/** Manual refresh: one poll of every cell now; the answer replaces the snapshot. */
export function useFleetRefresh(): { refreshing: boolean; refresh: () => void } {
  const [refreshing, setRefreshing] = useState(false);
  const refresh = useCallback(() => {
    setRefreshing(true);
    api
      .call('fleet.refresh', {})
      .then((snapshot) => serverState.fleet.update(() => snapshot))
      .catch((error: unknown) => notifyError('Refresh fleet', error))
      .finally(() => setRefreshing(false));
  }, []);
  return { refreshing, refresh };
}
