/**
 * The traces methods as the page reads them. A lookup that says spans may
 * still be arriving (`retryAfterMs`) is asked again until they have; lists
 * refresh every half minute while open; stopping a session re-reads them.
 */
import { useQueryClient } from '@tanstack/react-query';
import type { TraceLookup } from '../../../../shared/traces';
import { useApiMutation, useApiQuery } from '../../state/api-query';
import { notify, notifyError } from '../../state/notifications';

const LIST_REFRESH_MS = 30_000;

export function useTraceLookup(agentKey: string, traceId: string, around: number | null) {
  return useApiQuery(
    'traces.get',
    { agentKey, traceId, ...(around ? { around } : {}) },
    {
      refetchInterval: (query) => (query.state.data as TraceLookup | undefined)?.retryAfterMs ?? false,
      // A trace does not change once its spans are in: no refetch on focus.
      refetchOnWindowFocus: false,
    },
  );
}

export const useRecentTraces = (agentKey: string, lastMs: number) => useApiQuery('traces.recent', { agentKey, lastMs }, { refetchInterval: LIST_REFRESH_MS });

export const useSessionTraces = (agentKey: string, runtimeSessionId: string) =>
  useApiQuery('traces.session', { agentKey, runtimeSessionId }, { refetchInterval: LIST_REFRESH_MS });

export const useTokenUsage = (agentKey: string, startTime: number, endTime: number) => useApiQuery('traces.usage', { agentKey, startTime, endTime });

export const useLiveSessions = (minutes: number) => useApiQuery('traces.live', { minutes }, { refetchInterval: LIST_REFRESH_MS });

export function useStopSession() {
  const queryClient = useQueryClient();
  return useApiMutation('traces.stopSession', {
    onSuccess: () => {
      notify({ type: 'success', header: 'Runtime session stopped', content: 'AgentCore ended it; its next invocation starts a new one.' }, 'session-stopped');
      void queryClient.invalidateQueries({ queryKey: ['traces.live'] });
      void queryClient.invalidateQueries({ queryKey: ['chat.sessions.list'] });
    },
    onError: (error) => notifyError('Stop runtime session', error),
  });
}
