/**
 * The war room's methods as the page reads them. The timeline refreshes every
 * 15 s while an incident is open (its sources are logs, metrics and the
 * poller's history, none of which push); every change re-reads what it
 * touched.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useApiMutation, useApiQuery } from '../../state/api-query';
import { notify, notifyError } from '../../state/notifications';

const TIMELINE_REFRESH_MS = 15_000;

export const useIncident = () => useApiQuery('warroom.incident', {});
export const useAgentSets = () => useApiQuery('warroom.sets', {});
export const useTimeline = (enabled: boolean) => useApiQuery('warroom.timeline', {}, { enabled, refetchInterval: TIMELINE_REFRESH_MS });

function useInvalidate() {
  const queryClient = useQueryClient();
  return (...methods: string[]) => {
    for (const method of methods) void queryClient.invalidateQueries({ queryKey: [method] });
  };
}

export function useStartIncident() {
  const invalidate = useInvalidate();
  return useApiMutation('warroom.startIncident', {
    onSuccess: () => invalidate('warroom.incident', 'warroom.timeline'),
    onError: (error) => notifyError('Start incident', error),
  });
}

export function useEndIncident() {
  const invalidate = useInvalidate();
  return useApiMutation('warroom.endIncident', {
    onSuccess: () => {
      notify({ type: 'success', header: 'Incident ended', content: 'Its timeline and notes stay in the report.' }, 'incident-ended');
      invalidate('warroom.incident', 'warroom.timeline');
    },
    onError: (error) => notifyError('End incident', error),
  });
}

export function useAddNote() {
  const invalidate = useInvalidate();
  // The composer shows a refused note's error itself, beside the text it keeps.
  return useApiMutation('warroom.addNote', { onSuccess: () => invalidate('warroom.timeline') });
}

export function useDeleteNote() {
  const invalidate = useInvalidate();
  return useApiMutation('warroom.deleteNote', {
    onSuccess: () => invalidate('warroom.timeline'),
    onError: (error) => notifyError('Delete note', error),
  });
}

export function useSaveSet() {
  const invalidate = useInvalidate();
  return useApiMutation('warroom.saveSet', {
    onSuccess: (set) => {
      notify({ type: 'success', header: `Saved “${set.name}”`, content: `${set.agentKeys.length} agents; pick it from Saved sets.` }, 'set-saved');
      invalidate('warroom.sets');
    },
    onError: (error) => notifyError('Save agent set', error),
  });
}

export function useDeleteSet() {
  const invalidate = useInvalidate();
  return useApiMutation('warroom.deleteSet', {
    onSuccess: () => invalidate('warroom.sets'),
    onError: (error) => notifyError('Delete agent set', error),
  });
}
