/**
 * The composition root shared by the desktop app and the web host: opens the
 * store, picks the data source (the embedded emulator's demo fleet, or the
 * user's AWS profiles), lists the feature modules, and hands the transports
 * one dispatcher, one stream hub and one event bus. It holds no handler code.
 */
import { join } from 'node:path';
import type { EmulatorOptions, LocalAgent } from '../../emulator/index';
import type { AppInfo } from '../../shared/app';
import type { Settings } from '../../shared/settings';
import { createDispatcher, type Dispatch, type Implementation } from '../host/dispatch';
import { EventBus } from '../host/events';
import { StreamHub, type StreamImplementation } from '../host/stream-hub';
import { bundledRendererDir, shareListenerFactory } from '../host/share-listener';
import { createAppModule } from '../services/app/app-module';
import { ClientFactory } from '../services/aws/clients';
import { createCredentialsModule } from '../services/aws/credentials-module';
import { createChatModule } from '../services/chat/chat-module';
import { createFleetModule } from '../services/fleet/fleet-module';
import { createLogger, type Logger } from '../services/log/logger';
import { createLogsModule } from '../services/logs/logs-module';
import type { Backoff } from '../services/aws/throttle-retry';
import { createMemoryModule } from '../services/memory/memory-module';
import { createMetricsModule } from '../services/metrics/metrics-module';
import { createTracesModule } from '../services/traces/traces-module';
import { createLoadTestModule } from '../services/loadtest/loadtest-module';
import { createShareModule } from '../services/share/share-module';
import { createWarRoomModule } from '../services/warroom/warroom-module';
import type { StringCipher } from '../services/secrets/secret-store';
import { createSettingsModule } from '../services/settings/settings-module';
import { openDatabase } from '../services/store/database';
import { SettingsStore } from '../services/store/settings-store';
import { openDataSource } from './data-source';
import { combineModules } from './feature-module';

export { DEMO_PROFILE, watchedCells } from './data-source';

export interface ConsoleOptions {
  dataDir: string;
  host: AppInfo['host'];
  version: string;
  /** Force the demo fleet even when AWS profiles exist. */
  demo: boolean;
  logger?: Logger;
  env?: NodeJS.ProcessEnv;
  /** Demo-fleet emulator knobs (tests make it fast). */
  emulator?: Pick<EmulatorOptions, 'seed' | 'fast' | 'coldStartSeconds' | 'timeScale' | 'scale'>;
  /** Local agent containers (`--agent name=url`) to add to the demo fleet; giving any implies the demo fleet. */
  agents?: LocalAgent[];
  /** Encrypts OAuth agents' bearer tokens at rest (Electron safeStorage); without it they stay in memory. */
  secretCipher?: StringCipher;
  /** Opens SSO sign-in pages in the browser (Electron passes shell.openExternal); without it the renderer shows the link. */
  openExternal?: (url: string) => Promise<void> | void;
  /** Point every AWS client (AgentCore, SSO OIDC and portal, STS) at one endpoint, e.g. the emulator; else AWS_ENDPOINT_URL*. */
  awsEndpoint?: string;
  /** better-sqlite3 addon built for this runtime's ABI (the desktop app's Electron copy); default: node_modules'. */
  sqliteBinding?: string;
  /** SSO token cache (default ~/.aws/sso/cache, shared with the AWS CLI). */
  ssoCacheDir?: string;
  /** Memory throttling backoff (tests shorten it). */
  memoryBackoff?: Backoff;
}

export interface ConsoleServices {
  dispatch: Dispatch;
  hub: StreamHub;
  events: EventBus;
  /** The current app info (it changes when the watched profiles do). */
  info(): AppInfo;
  logger: Logger;
  close(): Promise<void>;
}

export async function startConsoleServices(options: ConsoleOptions): Promise<ConsoleServices> {
  const env = options.env ?? process.env;
  const logger = options.logger ?? createLogger({ file: join(options.dataDir, 'logs', 'console.log') });
  const { db, notices } = openDatabase(options.dataDir, logger, Date.now, options.sqliteBinding);
  const settingsStore = new SettingsStore(db, logger);
  notices.push(...settingsStore.load().notices);
  const events = new EventBus();
  const emit = events.emit.bind(events);
  const credentials = createCredentialsModule({
    env,
    logger,
    emit: (change) => emit('auth.changed', change),
    ...(options.openExternal ? { openExternal: options.openExternal } : {}),
    ...(options.awsEndpoint ? { endpoint: options.awsEndpoint } : {}),
    ...(options.ssoCacheDir ? { ssoCacheDir: options.ssoCacheDir } : {}),
  });
  const agents = options.agents ?? [];
  const data = await openDataSource({
    // Local agents live only in the demo fleet, so asking for one means asking for it.
    demo: options.demo || agents.length > 0,
    env,
    settings: settingsStore.get(),
    logger,
    notices,
    providers: credentials.providers,
    ...(options.emulator || agents.length > 0 ? { emulator: { ...options.emulator, ...(agents.length > 0 ? { agents } : {}) } } : {}),
    ...(credentials.endpoints.control ? { controlEndpoint: credentials.endpoints.control } : {}),
  });
  const clients = new ClientFactory(data.credentials);
  const watched = data.watched;

  const fleet = createFleetModule({
    db,
    clients,
    logger,
    cells: data.cells,
    ...(watched ? { cellsFor: (s: Settings) => watched(s).cells } : {}),
    intervalMs: () => settingsStore.get().pollIntervalSeconds * 1000,
    emit,
  });
  const app = createAppModule({
    info: {
      name: 'AgentCore Ops Console',
      version: options.version,
      host: options.host,
      platform: process.platform,
      dataDir: options.dataDir,
      dataSource: data.source,
      startedAt: Date.now(),
      notices,
    },
    emit,
    dataSourceFor: (s) => watched?.(s).source ?? data.source,
    setPolling: (active) => fleet.service.setVisible(active),
  });
  const chat = createChatModule({
    db,
    clients,
    fleet: fleet.service,
    logger,
    timeouts: () => {
      const current = settingsStore.get();
      return { idleMs: current.replyIdleTimeoutSeconds * 1000, totalMs: current.replyTotalTimeoutSeconds * 1000 };
    },
    ...(options.secretCipher ? { secretCipher: options.secretCipher } : {}),
  });
  const memory = createMemoryModule({ db, clients, fleet: fleet.service, logger, ...(options.memoryBackoff ? { backoff: options.memoryBackoff } : {}) });
  const logs = createLogsModule({ clients, fleet: fleet.service, logger });
  const traces = createTracesModule({ db, clients, fleet: fleet.service, chat: chat.service, logger });
  const metrics = createMetricsModule({ db, clients, fleet: fleet.service, tokenUsage: traces.usage });
  const loadtest = createLoadTestModule({ db, clients, fleet: fleet.service, chat: chat.service, logger, dataSourceKind: () => app.info().dataSource.kind });
  const warroom = createWarRoomModule({ db, clients, fleet: fleet.service, logger, loadActivity: loadtest.activity });
  const share = createShareModule({ logger: logger.child({ component: 'share' }), emit });
  const settings = createSettingsModule(settingsStore, (next) => {
    emit('settings.changed', next);
    modules.settingsChanged(next);
  });

  const modules = combineModules([app, settings, fleet, credentials, chat, memory, logs, traces, metrics, loadtest, warroom, share] as const);
  const implementation: Implementation = modules.methods;
  const streams: StreamImplementation = modules.streams;
  const hub = new StreamHub(streams, logger.child({ component: 'streams' }));
  hub.onDisconnect((connection) => app.connectionClosed(connection));
  const dispatch = createDispatcher(implementation, logger.child({ component: 'dispatch' }));
  share.attach(shareListenerFactory({ dispatch, hub, events, staticDir: bundledRendererDir(), logger: logger.child({ component: 'share' }) }));
  credentials.connectFleet(fleet.service, clients);
  fleet.service.start();

  return {
    dispatch,
    hub,
    events,
    info: app.info,
    logger,
    close: async () => {
      hub.closeAll();
      await modules.close();
      clients.destroy();
      await data.close();
      db.close();
    },
  };
}
