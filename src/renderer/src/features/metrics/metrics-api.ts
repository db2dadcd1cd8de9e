/** The metrics methods as the page reads them: a new range keeps the old charts on screen, and presets slide with the clock. */
import { keepPreviousData, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import type { MethodInput, MethodOutput } from '../../../../shared/contract';
import type { ApiError } from '../../../../shared/errors';
import type { metricsContract } from '../../../../shared/metrics';
import { useApiMutation, useApiQuery } from '../../state/api-query';
import { notifyError } from '../../state/notifications';

export type MetricsMethod = keyof typeof metricsContract.methods;

/** CloudWatch publishes per minute, so a minute is as fresh as the figures get. */
const REFRESH_MS = 60_000;

export function useMetricsQuery<M extends MetricsMethod>(
  method: M,
  input: MethodInput<M>,
  options: { live?: boolean; enabled?: boolean } = {},
): UseQueryResult<MethodOutput<M>, ApiError> {
  return useApiQuery(method, input, {
    // Without it a range change would blank every chart until the answer arrives.
    placeholderData: keepPreviousData,
    refetchInterval: options.live ? REFRESH_MS : false,
    enabled: options.enabled ?? true,
  });
}

/** Saves an agent's SLO thresholds (null restores the defaults); every metrics view re-reads its breaches. */
export function useSloSet() {
  const queryClient = useQueryClient();
  return useApiMutation('metrics.slo.set', {
    onSuccess: () => {
      for (const method of ['metrics.agent', 'metrics.fleet', 'metrics.breaches'] as const) void queryClient.invalidateQueries({ queryKey: [method] });
    },
    onError: (error) => notifyError('Save SLO thresholds', error),
  });
}
