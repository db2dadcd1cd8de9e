/**
 * Session lifetimes against the emulator with the real SDK: an expired SSO
 * token pauses only its profile's fleet cells (static keys keep polling), a
 * sign-in resumes them, a near-expiry token is refreshed with the refresh
 * token, legacy profiles sign in without one, and denied or cancelled
 * sign-ins end with a specific state.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index';
import { createCredentialsModule, type CredentialsModule } from '../../src/main/services/aws/credentials-module';
import { ClientFactory } from '../../src/main/services/aws/clients';
import { ssoCacheFileName, SsoTokenCache } from '../../src/main/services/aws/sso-token-cache';
import { FleetCache } from '../../src/main/services/fleet/fleet-cache';
import { FleetService } from '../../src/main/services/fleet/fleet-service';
import { silentLogger } from '../../src/main/services/log/logger';
import { openMemoryDatabase } from '../../src/main/services/store/database';
import type { AuthChanged } from '../../src/shared/profiles';
import { approve, LEGACY_URL, makeSsoHome, START_URL, type SsoHome } from './helpers/sso-home';

let emulator: RunningEmulator;
let home: SsoHome;
let credentials: CredentialsModule;
let clients: ClientFactory;
let fleet: FleetService;
const changes: AuthChanged[] = [];
/** Upper bound for waiting on the app (two loaded cores), not a timing assertion. */
const WAIT = { timeout: 15_000 };

const cellStates = () => Object.fromEntries(fleet.snapshot().cells.map((c) => [`${c.profile}|${c.region}`, c]));

beforeAll(async () => {
  emulator = await startEmulator({ fast: true });
  home = makeSsoHome(emulator);
  // A token the CLI left behind yesterday, with no refresh token: it cannot be renewed.
  new SsoTokenCache(home.cacheDir).write('corp', {
    startUrl: START_URL,
    region: 'us-east-1',
    accessToken: 'aoa-stale-token',
    expiresAt: new Date(Date.now() - 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z'),
  });
  credentials = createCredentialsModule({ env: home.env, logger: silentLogger, emit: (c) => changes.push(c), endpoint: emulator.url });
  clients = new ClientFactory({ kind: 'profile', credentials: credentials.providers, endpoint: emulator.url });
  fleet = new FleetService({
    cells: [
      { profile: 'dev', region: 'us-east-1' },
      { profile: 'dev', region: 'us-west-2' },
      { profile: 'static', region: 'us-east-1' },
    ],
    clients,
    cache: new FleetCache(openMemoryDatabase()),
    logger: silentLogger,
    onDiff: () => undefined,
    intervalMs: () => 60_000,
  });
  credentials.connectFleet(fleet, clients);
});

afterAll(async () => {
  fleet?.stop();
  credentials?.close();
  clients?.destroy();
  await emulator?.close();
  home?.restore();
});

async function signIn(profile: string): Promise<void> {
  const started = await credentials.auth.signIn(profile);
  await approve(emulator, started.userCode);
  await credentials.auth.settled(profile);
}

describe('SSO session lifetimes', () => {
  it('pauses only the expired profile; the static-keys profile keeps polling', async () => {
    await fleet.refresh();
    await vi.waitFor(() => expect(cellStates()['dev|us-west-2']?.state).toBe('paused'), WAIT);
    const cells = cellStates();
    for (const key of ['dev|us-east-1', 'dev|us-west-2'])
      expect(cells[key]).toMatchObject({ state: 'paused', error: { code: 'SessionExpired', message: 'Session expired — Sign in' } });
    expect(cells['static|us-east-1']?.state).toBe('ok');
    expect(fleet.snapshot().resources.some((r) => r.profile === 'static')).toBe(true);
    expect(changes).toContainEqual({ profile: 'dev', state: 'expired', code: 'SessionExpired', reason: 'Session expired — Sign in' });

    const statuses = Object.fromEntries(credentials.profiles.list(credentials.auth).profiles.map((p) => [p.name, p.status]));
    expect(statuses).toEqual({ dev: 'expired', legacy: 'not-signed-in', static: 'signed-in' });
  });

  it('resumes the paused cells after a sign-in', async () => {
    await signIn('dev');
    await vi.waitFor(() => expect([cellStates()['dev|us-east-1']?.state, cellStates()['dev|us-west-2']?.state]).toEqual(['ok', 'ok']), WAIT);
    expect(fleet.snapshot().resources.some((r) => r.profile === 'dev' && r.region === 'us-west-2')).toBe(true);
  });

  it('refreshes a token close to expiry with its refresh token and keeps the CLI format', async () => {
    const cache = new SsoTokenCache(home.cacheDir);
    const before = cache.read('corp')!;
    cache.write('corp', { ...before, expiresAt: new Date(Date.now() + 60_000).toISOString().replace(/\.\d+Z$/, 'Z') });
    await credentials.auth.check();
    const after = cache.read('corp')!;
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.refreshToken).toBeDefined();
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(Date.parse(after.expiresAt)).toBeGreaterThan(Date.now() + 3_600_000);
    expect(after.clientId).toBe(before.clientId);
  });

  it('signs in a legacy profile (start URL hashed, no refresh token), as the CLI does', async () => {
    await signIn('legacy');
    const file = JSON.parse(readFileSync(join(home.cacheDir, ssoCacheFileName(LEGACY_URL)), 'utf8')) as Record<string, unknown>;
    expect(file).toMatchObject({ startUrl: LEGACY_URL, region: 'us-east-1' });
    expect(file.refreshToken).toBeUndefined();
    expect(credentials.profiles.list(credentials.auth).profiles.find((p) => p.name === 'legacy')?.status).toBe('signed-in');
    expect(changes).toContainEqual(expect.objectContaining({ profile: 'legacy', state: 'signed-in' }));
  });

  it('reports a denied sign-in and a cancelled one with their own states', async () => {
    const denied = await credentials.auth.signIn('dev');
    const deny = await fetch(`${emulator.url}/_emulator/deny?user_code=${denied.userCode}`);
    expect(deny.status).toBe(200);
    await credentials.auth.settled('dev');
    expect(changes.at(-1)).toMatchObject({ profile: 'dev', state: 'failed', code: 'AccessDenied' });

    await credentials.auth.signIn('dev');
    expect(credentials.auth.cancel('dev')).toEqual({ cancelled: true });
    await credentials.auth.settled('dev');
    expect(changes.at(-1)).toMatchObject({ profile: 'dev', state: 'cancelled', code: 'Cancelled' });
    expect(credentials.auth.cancel('dev')).toEqual({ cancelled: false });
    // Neither touched the signed-in session.
    expect(cellStates()['dev|us-east-1']?.state).toBe('ok');
  });
});
