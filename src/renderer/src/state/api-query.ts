/** React hooks for contract methods: queries read (and share) the cache, mutations call main and return its answer. */
import { useMutation, useQuery, type UseMutationOptions, type UseMutationResult, type UseQueryOptions, type UseQueryResult } from '@tanstack/react-query';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import type { ApiError } from '../../../shared/errors';
import { api } from '../api';
import { toApiError } from './api-error';
import { apiQueryKey, type ApiQueryKey } from './api-key';

export type ApiQueryOptions<M extends MethodName, S> = Omit<UseQueryOptions<MethodOutput<M>, ApiError, S, ApiQueryKey<M>>, 'queryKey' | 'queryFn'>;

/** The query function comes from the client's defaults (server-sync.ts), so a method loads the same way wherever it is used. */
export function useApiQuery<M extends MethodName, S = MethodOutput<M>>(
  method: M,
  input: MethodInput<M>,
  options?: ApiQueryOptions<M, S>,
): UseQueryResult<S, ApiError> {
  return useQuery({ ...options, queryKey: apiQueryKey(method, input) });
}

export type ApiMutationOptions<M extends MethodName> = Omit<UseMutationOptions<MethodOutput<M>, ApiError, MethodInput<M>>, 'mutationFn'>;

export function useApiMutation<M extends MethodName>(method: M, options?: ApiMutationOptions<M>): UseMutationResult<MethodOutput<M>, ApiError, MethodInput<M>> {
  return useMutation({
    ...options,
    mutationFn: (input: MethodInput<M>) =>
      api.call(method, input).catch((error: unknown) => {
        throw toApiError(error);
      }),
  });
}
