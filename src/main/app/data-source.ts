/**
 * What the console looks at: the embedded emulator's demo fleet (forced, or
 * when no AWS profile is configured), or the user's AWS profiles × regions
 * from Settings. Decided once at start; the watched lists can change live.
 */
import { DEMO_REGIONS, EMULATOR_CREDENTIALS, startEmulator, type EmulatorOptions } from '../../emulator/index';
import type { DataSource } from '../../shared/app';
import type { Settings } from '../../shared/settings';
import type { CredentialSource } from '../services/aws/clients';
import type { ProfileCredentials } from '../services/aws/profile-credentials';
import { awsProfilesConfigured } from '../services/aws/profiles-present';
import type { Logger } from '../services/log/logger';

export const DEMO_PROFILE = 'demo';

type Cell = { profile: string; region: string };

export interface OpenedDataSource {
  source: DataSource;
  credentials: CredentialSource;
  cells: Cell[];
  /** Undefined for the demo fleet, whose cells never change. */
  watched?: (settings: Settings) => { source: DataSource; cells: Cell[] };
  close(): Promise<void>;
}

export interface DataSourceOptions {
  demo: boolean;
  env: NodeJS.ProcessEnv;
  settings: Settings;
  logger: Logger;
  notices: Array<{ level: 'info' | 'warning' | 'error'; message: string }>;
  emulator?: Pick<EmulatorOptions, 'seed' | 'fast' | 'coldStartSeconds' | 'timeScale' | 'scale' | 'agents'>;
  providers: ProfileCredentials;
  controlEndpoint?: string;
}

export async function openDataSource(o: DataSourceOptions): Promise<OpenedDataSource> {
  if (o.demo || !awsProfilesConfigured(o.env)) {
    // Strict: the console signs with the demo key, so its own tests keep proving it signs at all.
    const emulator = await startEmulator({ port: 0, strictCredentials: true, ...o.emulator });
    if (!o.demo)
      o.notices.push({
        level: 'info',
        message: 'No AWS profile is configured, so the console shows the built-in demo fleet. Configure a profile (aws configure sso) to see your own agents.',
      });
    o.logger.info('data source: demo fleet', { endpoint: emulator.url, forced: o.demo });
    return {
      source: { kind: 'demo', label: 'Demo fleet', endpoint: emulator.url, regions: [...DEMO_REGIONS] },
      credentials: { kind: 'static', credentials: EMULATOR_CREDENTIALS, endpoint: emulator.url },
      cells: DEMO_REGIONS.map((region) => ({ profile: DEMO_PROFILE, region })),
      close: () => emulator.close(),
    };
  }
  const watched = (settings: Settings): { source: DataSource; cells: Cell[] } => {
    const w = watchedCells(settings, o.env);
    return { source: { kind: 'aws', label: w.profiles.join(', '), profiles: w.profiles, regions: w.regions }, cells: w.cells };
  };
  const initial = watched(o.settings);
  o.logger.info('data source: AWS profiles', { profiles: initial.source.kind === 'aws' ? initial.source.profiles : [], regions: initial.source.regions });
  return {
    ...initial,
    credentials: { kind: 'profile', credentials: o.providers, ...(o.controlEndpoint ? { endpoint: o.controlEndpoint } : {}) },
    watched,
    close: async () => undefined,
  };
}

/** The (profile, region) cells to poll: the watched lists from Settings, else AWS_PROFILE / AWS_REGION or their defaults. */
export function watchedCells(current: Settings, env: NodeJS.ProcessEnv): { profiles: string[]; regions: string[]; cells: Cell[] } {
  const profiles = current.watchedProfiles.length ? current.watchedProfiles : [env.AWS_PROFILE ?? 'default'];
  const regions = current.watchedRegions.length ? current.watchedRegions : [env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1'];
  return { profiles, regions, cells: profiles.flatMap((profile) => regions.map((region) => ({ profile, region }))) };
}
