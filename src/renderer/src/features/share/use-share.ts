/** The owner's share state and actions, kept live by `share.changed` (viewer count, stop, expiry). */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ShareSession } from '../../../../shared/share';
import { api } from '../../api';
import { useApiMutation, useApiQuery } from '../../state/api-query';
import { apiQueryKey } from '../../state/api-key';
import { notifyError } from '../../state/notifications';

const statusKey = apiQueryKey('share.status', {});
const sessionKey = apiQueryKey('share.session', {});

/** Patches the share queries from the event: the session's public part at once, the owner's status (with its URL) by a reload. */
export function useShareSync(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      api.on('share.changed', (share) => {
        queryClient.setQueryData<ShareSession>(sessionKey, (old) => (old ? { ...old, share } : old));
        void queryClient.invalidateQueries({ queryKey: statusKey });
      }),
    [queryClient],
  );
}

export const useShareStatus = (enabled = true) => useApiQuery('share.status', {}, { enabled });

export function useStartShare() {
  const queryClient = useQueryClient();
  return useApiMutation('share.start', { onSuccess: (status) => queryClient.setQueryData(statusKey, status) });
}

export function useStopShare() {
  const queryClient = useQueryClient();
  return useApiMutation('share.stop', {
    onSuccess: (status) => queryClient.setQueryData(statusKey, status),
    onError: (error) => notifyError('Stop sharing', error),
  });
}

/** "42 min", "1 h 5 min": what is left of a share, for badges. */
export function timeLeft(expiresAt: number, now: number): string {
  const minutes = Math.max(0, Math.ceil((expiresAt - now) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const rest = minutes % 60;
  return rest === 0 ? `${Math.floor(minutes / 60)} h` : `${Math.floor(minutes / 60)} h ${rest} min`;
}

/** The current time, refreshed every `everyMs` (badges counting down). */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
