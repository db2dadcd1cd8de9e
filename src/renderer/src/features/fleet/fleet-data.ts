/** The fleet snapshot as feature code reads it: the whole snapshot, or one resource without re-rendering on the others' changes. */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { FleetResource, FleetSnapshot } from '../../../../shared/fleet';
import { useApiMutation, useApiQuery } from '../../state/api-query';
import { fleetListKey } from '../../state/fleet-sync';
import { notifyError } from '../../state/notifications';

export const useFleetSnapshot = () => useApiQuery('fleet.list', {});

/** Re-renders only when this resource (kept by reference across diffs) changes, appears or goes. */
export function useFleetResource(key: string | null | undefined): FleetResource | undefined {
  const select = useCallback((snapshot: FleetSnapshot) => (key ? snapshot.resources.find((r) => r.key === key) : undefined), [key]);
  return useApiQuery('fleet.list', {}, { select }).data;
}

/** Manual refresh: one poll of every cell now; the answer replaces the snapshot. */
export function useFleetRefresh(): { refreshing: boolean; refresh: () => void } {
  const queryClient = useQueryClient();
  const mutation = useApiMutation('fleet.refresh', {
    onSuccess: (snapshot) => queryClient.setQueryData(fleetListKey, snapshot),
    onError: (error) => notifyError('Refresh fleet', error),
  });
  const { mutate } = mutation;
  const refresh = useCallback(() => mutate({}), [mutate]);
  return { refreshing: mutation.isPending, refresh };
}
