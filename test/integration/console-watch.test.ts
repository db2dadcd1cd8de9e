/**
 * The composition root on a user's AWS setup (static keys, every endpoint on
 * the emulator): changing the watched regions in Settings changes what is
 * polled at once, without a restart.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EMULATOR_CREDENTIALS, startEmulator, type RunningEmulator } from '../../src/emulator/index';
import { startConsoleServices, type ConsoleServices } from '../../src/main/app/console-services';
import { silentLogger } from '../../src/main/services/log/logger';
import type { FleetSnapshot } from '../../src/shared/fleet';
import { staticKeysHome } from './helpers/static-keys-home';
import { OWNER } from './helpers/caller';
import type { AppInfo } from '../../src/shared/app';

let emulator: RunningEmulator;
let services: ConsoleServices;

beforeAll(async () => {
  emulator = await startEmulator({ fast: true });
  // The SDK's environment provider reads process.env itself, so the keys go there too.
  vi.stubEnv('AWS_ACCESS_KEY_ID', EMULATOR_CREDENTIALS.accessKeyId);
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', EMULATOR_CREDENTIALS.secretAccessKey);
  const home = staticKeysHome('console-watch-');
  services = await startConsoleServices({
    dataDir: join(home.dir, 'data'),
    host: 'web',
    version: 'test',
    demo: false,
    logger: silentLogger,
    awsEndpoint: emulator.url,
    env: home.env,
  });
});
afterAll(async () => {
  await services.close();
  await emulator.close();
  vi.unstubAllEnvs();
});

const list = async (): Promise<FleetSnapshot> => {
  const envelope = await services.dispatch(OWNER, 'fleet.list', {});
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.result as FleetSnapshot;
};
const regionsOf = (snapshot: FleetSnapshot): string[] => [...new Set(snapshot.resources.map((r) => r.region))].sort();

describe('watched profiles and regions', () => {
  it('start from AWS_REGION, then follow Settings without a restart', async () => {
    expect(services.info().dataSource.kind).toBe('aws');
    await vi.waitFor(async () => expect(regionsOf(await list())).toEqual(['us-east-1']), { timeout: 10_000 });

    const appChanges: string[][] = [];
    services.events.subscribe((event, payload) => {
      if (event === 'app.changed') appChanges.push((payload as AppInfo).dataSource.regions);
    });
    expect((await services.dispatch(OWNER, 'settings.set', { watchedRegions: ['us-east-1', 'eu-central-1'] })).ok).toBe(true);
    // The data-source badge reads app info: it hears of the new regions at once.
    expect(services.info().dataSource.regions).toEqual(['us-east-1', 'eu-central-1']);
    expect(appChanges).toEqual([['us-east-1', 'eu-central-1']]);
    await vi.waitFor(async () => expect(regionsOf(await list())).toEqual(['eu-central-1', 'us-east-1']), { timeout: 10_000 });
    expect((await list()).cells.map((c) => c.region).sort()).toEqual(['eu-central-1', 'us-east-1']);

    expect((await services.dispatch(OWNER, 'settings.set', { watchedRegions: ['eu-central-1'] })).ok).toBe(true);
    const after = await list();
    expect(regionsOf(after)).toEqual(['eu-central-1']);
    expect(after.cells.map((c) => c.region)).toEqual(['eu-central-1']);
  });
});
