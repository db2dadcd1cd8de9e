/**
 * The composition root shared by the desktop app and the web host: opens the
 * store, picks the data source (the embedded emulator's demo fleet, or the
 * user's AWS profiles), wires services, and returns the contract's
 * implementation plus the event bus.
 */
import { join } from 'node:path';
import { EMULATOR_CREDENTIALS, startEmulator, type EmulatorOptions } from '../../emulator/index';
import type { AppInfo, DataSource } from '../../shared/contract';
import type { Settings } from '../../shared/settings';
import { ClientFactory, type CredentialSource } from '../services/aws/clients';
import { awsProfilesConfigured } from '../services/aws/profiles-present';
import { FleetCache } from '../services/fleet/fleet-cache';
import { FleetService } from '../services/fleet/fleet-service';
import { createLogger, type Logger } from '../services/log/logger';
import { openDatabase } from '../services/store/database';
import { SettingsStore } from '../services/store/settings-store';
import { createDispatcher, type Dispatch } from '../host/dispatch';
import { EventBus } from '../host/events';
import { createCredentialServices } from './credential-services';
import { createImplementation } from './implementation';
import { createChatService } from '../services/chat/create-chat';
import type { StringCipher } from '../services/secrets/secret-store';

export const DEMO_PROFILE = 'demo';
export const DEMO_REGIONS = ['us-east-1', 'us-west-2', 'eu-central-1'];

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
}

export interface ConsoleServices {
  dispatch: Dispatch;
  events: EventBus;
  info: AppInfo;
  logger: Logger;
  close(): Promise<void>;
}

export async function startConsoleServices(options: ConsoleOptions): Promise<ConsoleServices> {
  const logger = options.logger ?? createLogger({ file: join(options.dataDir, 'logs', 'console.log') });
  const { db, notices } = openDatabase(options.dataDir, logger, Date.now, options.sqliteBinding);
  const settings = new SettingsStore(db, logger);
  notices.push(...settings.load().notices);
  const events = new EventBus();
  const credentials = createCredentialServices({
    env: options.env ?? process.env,
    logger,
    emit: (change) => events.emit('auth.changed', change),
    ...(options.openExternal ? { openExternal: options.openExternal } : {}),
    ...(options.awsEndpoint ? { endpoint: options.awsEndpoint } : {}),
    ...(options.ssoCacheDir ? { ssoCacheDir: options.ssoCacheDir } : {}),
  });

  const useDemo = options.demo || !awsProfilesConfigured(options.env);
  let dataSource: DataSource;
  let credentialSource: CredentialSource;
  let cells: Array<{ profile: string; region: string }>;
  let closeEmulator = async (): Promise<void> => undefined;

  if (useDemo) {
    const emulator = await startEmulator({ port: 0, ...options.emulator });
    closeEmulator = () => emulator.close();
    dataSource = { kind: 'demo', label: 'Demo fleet', endpoint: emulator.url, regions: DEMO_REGIONS };
    credentialSource = { kind: 'static', credentials: EMULATOR_CREDENTIALS, endpoint: emulator.url };
    cells = DEMO_REGIONS.map((region) => ({ profile: DEMO_PROFILE, region }));
    if (!options.demo)
      notices.push({
        level: 'info',
        message: 'No AWS profile is configured, so the console shows the built-in demo fleet. Configure a profile (aws configure sso) to see your own agents.',
      });
    logger.info('data source: demo fleet', { endpoint: emulator.url, forced: options.demo });
  } else {
    const watched = watchedCells(settings.get(), options.env ?? process.env);
    dataSource = { kind: 'aws', label: watched.profiles.join(', '), profiles: watched.profiles, regions: watched.regions };
    credentialSource = {
      kind: 'profile',
      credentials: credentials.providers,
      ...(credentials.endpoints.control ? { endpoint: credentials.endpoints.control } : {}),
    };
    cells = watched.cells;
    logger.info('data source: AWS profiles', { profiles: watched.profiles, regions: watched.regions });
  }

  const clients = new ClientFactory(credentialSource);
  const fleet = new FleetService({
    cells,
    clients,
    cache: new FleetCache(db),
    logger: logger.child({ service: 'fleet' }),
    onDiff: (diff) => events.emit('fleet.changed', diff),
    intervalMs: () => settings.get().pollIntervalSeconds * 1000,
  });

  const info: AppInfo = {
    name: 'AgentCore Ops Console',
    version: options.version,
    host: options.host,
    platform: process.platform,
    dataDir: options.dataDir,
    dataSource,
    startedAt: Date.now(),
    notices,
  };
  const chat = createChatService({
    db,
    clients,
    fleet,
    emit: { delta: (delta) => events.emit('chat.delta', delta), completed: (completed) => events.emit('chat.completed', completed) },
    logger,
    timeouts: () => {
      const current = settings.get();
      return { idleMs: current.replyIdleTimeoutSeconds * 1000, totalMs: current.replyTotalTimeoutSeconds * 1000 };
    },
    ...(options.secretCipher ? { secretCipher: options.secretCipher } : {}),
  });
  const implementation = createImplementation({ info, settings, fleet, events, credentials, chat });
  credentials.connectFleet(fleet, clients);
  if (dataSource.kind === 'aws') {
    // Watching another profile or region takes effect at once, no restart.
    const source = dataSource;
    events.subscribe((event, payload) => {
      if (event !== 'settings.changed') return;
      const watched = watchedCells(payload as Settings, options.env ?? process.env);
      Object.assign(source, { label: watched.profiles.join(', '), profiles: watched.profiles, regions: watched.regions });
      fleet.setCells(watched.cells);
    });
  }
  fleet.start();

  return {
    dispatch: createDispatcher(implementation, logger.child({ component: 'dispatch' })),
    events,
    info,
    logger,
    close: async () => {
      await chat.close();
      fleet.stop();
      credentials.close();
      clients.destroy();
      await closeEmulator();
      db.close();
    },
  };
}

/** The (profile, region) cells to poll: the watched lists from Settings, else AWS_PROFILE / AWS_REGION or their defaults. */
export function watchedCells(
  current: Settings,
  env: NodeJS.ProcessEnv,
): { profiles: string[]; regions: string[]; cells: Array<{ profile: string; region: string }> } {
  const profiles = current.watchedProfiles.length ? current.watchedProfiles : [env.AWS_PROFILE ?? 'default'];
  const regions = current.watchedRegions.length ? current.watchedRegions : [env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1'];
  return { profiles, regions, cells: profiles.flatMap((profile) => regions.map((region) => ({ profile, region }))) };
}
