/**
 * The console itself: what it is and what it looks at (`app.info`, kept
 * current and pushed as `app.changed`, so the data-source badge follows a
 * change of watched profiles at once), and who is watching it (per-connection
 * visibility; polling pauses only when no connection is visible).
 */
import { isDeepStrictEqual } from 'node:util';
import type { AppInfo, DataSource } from '../../../shared/app';
import type { Events } from '../../../shared/contract';
import type { Settings } from '../../../shared/settings';
import type { FeatureModule } from '../../app/feature-module';
import { Presence } from './presence';

export interface AppModuleDeps {
  info: AppInfo;
  emit: (event: 'app.changed', payload: Events['app.changed']) => void;
  /** What the data source is under these settings (the demo fleet never changes). */
  dataSourceFor: (settings: Settings) => DataSource;
  setPolling: (active: boolean) => void;
}

export type AppModule = FeatureModule<'app.info' | 'app.visibility'> & {
  info(): AppInfo;
  /** A connection went away: it no longer counts as someone watching. */
  connectionClosed(connection: string): void;
};

export function createAppModule(deps: AppModuleDeps): AppModule {
  let info = deps.info;
  const presence = new Presence(deps.setPolling);
  return {
    info: () => info,
    connectionClosed: (connection) => presence.forget(connection),
    methods: {
      'app.info': async () => info,
      'app.visibility': async ({ visible }, caller) => ({ polling: presence.report(caller.connection, visible) ? 'active' : 'paused' }),
    },
    streams: {},
    settingsChanged(settings) {
      const dataSource = deps.dataSourceFor(settings);
      if (isDeepStrictEqual(dataSource, info.dataSource)) return;
      info = { ...info, dataSource };
      deps.emit('app.changed', info);
    },
  };
}
