/**
 * How each event main pushes changes the query cache: one line per event.
 * An event that carries a method's whole new answer replaces that query's
 * data; one that only says "something changed" invalidates it.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { EventName, Events, MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import { apiQueryKey } from './api-key';
import type { FleetSync } from './fleet-sync';

export type EventPatch<E extends EventName> = (queryClient: QueryClient, payload: Events[E]) => void;
export type EventPatches = { [E in EventName]?: EventPatch<E> };

const replaceWith =
  <M extends MethodName>(method: M, input: MethodInput<M>) =>
  (queryClient: QueryClient, payload: MethodOutput<M>): void => {
    queryClient.setQueryData(apiQueryKey(method, input), payload);
  };

const invalidate =
  <M extends MethodName>(method: M) =>
  (queryClient: QueryClient): void => {
    void queryClient.invalidateQueries({ queryKey: [method] });
  };

export const eventPatches = (fleet: FleetSync): EventPatches => ({
  'fleet.changed': fleet.onDiff,
  'settings.changed': replaceWith('settings.get', {}),
  // The data-source badge reads app info: a change of watched profiles shows at once.
  'app.changed': replaceWith('app.info', {}),
  // Sign-in status and time left are part of every profile row.
  'auth.changed': invalidate('profiles.list'),
});
