/** React bindings for the data every part of the console shares, and for the host connection. */
import { useSyncExternalStore } from 'react';
import { api, type ConnectionState } from '../api';
import { useApiQuery } from './api-query';
import { useIsViewer } from './viewer';

export const useAppInfo = () => useApiQuery('app.info', {});
/** The console's settings; never asked for on a share viewer's connection, which main would refuse. */
export const useSettings = () => useApiQuery('settings.get', {}, { enabled: !useIsViewer() });

export const useConnection = (): ConnectionState => useSyncExternalStore(api.onConnection, api.connection);
