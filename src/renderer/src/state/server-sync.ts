/**
 * Connects the query cache to main: how every method loads, which pushed
 * event patches which query (event-patches.ts), and a full invalidation when
 * the host connection comes back (events may have been missed meanwhile).
 */
import type { QueryClient, QueryFunction } from '@tanstack/react-query';
import type { MethodInput, MethodName } from '../../../shared/contract';
import type { EventName } from '../../../shared/contract';
import type { ApiClient } from '../api/client';
import { toApiError } from './api-error';
import { apiQueryKey, parseApiQueryKey } from './api-key';
import { eventPatches, type EventPatches } from './event-patches';
import { createFleetSync, fleetListKey } from './fleet-sync';

type Client = Pick<ApiClient, 'call' | 'on' | 'onConnection'>;

/**
 * Loaded at start: the shell needs them before anything is on screen. Settings wait until main has said
 * who this connection is (useSettings): a share's viewer may not read them, and asking would only log a refusal.
 */
const bootQueries = [apiQueryKey('app.info', {}), fleetListKey] as const;

const rethrow = (error: unknown): never => {
  throw toApiError(error);
};

function subscribe<E extends EventName>(client: Client, queryClient: QueryClient, patches: EventPatches, event: E): () => void {
  const patch = patches[event];
  return patch ? client.on(event, (payload) => patch(queryClient, payload)) : () => undefined;
}

/** Wires `queryClient` to `client`; returns a function that undoes the subscriptions. */
export function connectServerState(queryClient: QueryClient, client: Client): () => void {
  const fleet = createFleetSync(client);
  const callMethod: QueryFunction = ({ queryKey }) => {
    const parsed = parseApiQueryKey(queryKey);
    if (!parsed) throw new Error(`Not a contract query key: ${JSON.stringify(queryKey)}`);
    // The key was built by apiQueryKey from a typed (method, input) pair.
    return client.call(parsed.method, parsed.input as MethodInput<MethodName>).catch(rethrow);
  };
  queryClient.setDefaultOptions({ ...queryClient.getDefaultOptions(), queries: { ...queryClient.getDefaultOptions().queries, queryFn: callMethod } });
  // Diffs keep unchanged resources by reference already; deep-comparing ~1,000 resources per diff would only cost time.
  queryClient.setQueryDefaults(fleetListKey, { queryFn: () => fleet.load().catch(rethrow), structuralSharing: false });

  const patches = eventPatches(fleet);
  let wasLost = false;
  const stops = [
    ...(Object.keys(patches) as EventName[]).map((event) => subscribe(client, queryClient, patches, event)),
    client.onConnection((state) => {
      if (state === 'lost') wasLost = true;
      else if (state === 'connected' && wasLost) {
        wasLost = false;
        void queryClient.invalidateQueries();
      }
    }),
  ];
  for (const queryKey of bootQueries) void queryClient.prefetchQuery({ queryKey });
  return () => stops.forEach((stop) => stop());
}
