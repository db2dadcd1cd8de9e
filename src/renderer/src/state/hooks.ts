/** React bindings for the data every part of the console shares, and for the host connection. */
import { useSyncExternalStore } from 'react';
import { api, type ConnectionState } from '../api';
import { useApiQuery } from './api-query';

export const useAppInfo = () => useApiQuery('app.info', {});
export const useSettings = () => useApiQuery('settings.get', {});

export const useConnection = (): ConnectionState => useSyncExternalStore(api.onConnection, api.connection);
