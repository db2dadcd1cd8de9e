/** React bindings for the server state and the host connection. */
import { useSyncExternalStore } from 'react';
import { api, type ConnectionState } from '../api';
import type { Remote, RemoteStore } from './remote-store';
import { createServerState } from './server-state';

export const serverState = createServerState(api);

const useRemote = <T>(store: RemoteStore<T>): Remote<T> => useSyncExternalStore(store.subscribe, store.get);

export const useAppInfo = () => useRemote(serverState.appInfo);
export const useSettings = () => useRemote(serverState.settings);
export const useFleet = () => useRemote(serverState.fleet);

export const useConnection = (): ConnectionState => useSyncExternalStore(api.onConnection, api.connection);
