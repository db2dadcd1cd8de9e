/**
 * A full IAM Identity Center sign-in through the console's composition root
 * against the emulator, with the real SDK clients: device flow, CLI-format
 * token cache, fromSSO role credentials driving the fleet poller, sign-out.
 * Every contract response, every pushed event, every log line and the SQLite
 * files are captured and searched for the secrets the flow handled.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BedrockAgentCoreControlClient, ListAgentRuntimesCommand } from '@aws-sdk/client-bedrock-agentcore-control';
import { fromSSO } from '@aws-sdk/credential-providers';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index';
import { InMemoryCredentialRegistry } from '../../src/emulator/core/credentials';
import { OidcStore } from '../../src/emulator/sso/oidc-store';
import { startConsoleServices, type ConsoleServices } from '../../src/main/app/console-services';
import { ssoCacheFileName } from '../../src/main/services/aws/sso-token-cache';
import { createLogger } from '../../src/main/services/log/logger';
import type { Envelope } from '../../src/shared/errors';
import type { FleetSnapshot } from '../../src/shared/fleet';
import type { AuthChanged, ProfilesList, SignInStarted } from '../../src/shared/profiles';
import { approve, makeSsoHome, START_URL, type SsoHome } from './helpers/sso-home';
import { OWNER } from './helpers/caller';

let emulator: RunningEmulator;
let home: SsoHome;
let services: ConsoleServices;
const responses: Array<Envelope<unknown>> = [];
const events: Array<{ event: string; payload: unknown }> = [];
const opened: string[] = [];
const issuedRoleKeys = vi.spyOn(InMemoryCredentialRegistry.prototype, 'issue');
const deviceAuthorizations = vi.spyOn(OidcStore.prototype, 'startDeviceAuthorization');
let logFile: string;
/** Upper bound for waiting on the app (two loaded cores), not a timing assertion. */
const WAIT = { timeout: 15_000 };
/** The access token, refresh token and client secret as the sign-in wrote them to the cache. */
const fileSecrets: string[] = [];

async function call<T>(method: string, input: unknown = {}): Promise<T> {
  const envelope = await services.dispatch(OWNER, method, input);
  responses.push(envelope);
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.result as T;
}

function nextAuth(state: AuthChanged['state']): Promise<AuthChanged> {
  return new Promise((resolve) => {
    const off = services.events.subscribe((event, payload) => {
      if (event === 'auth.changed' && (payload as AuthChanged).state === state) {
        off();
        resolve(payload as AuthChanged);
      }
    });
  });
}

beforeAll(async () => {
  emulator = await startEmulator({ fast: true });
  home = makeSsoHome(emulator);
  logFile = join(home.dir, 'console.log');
  services = await startConsoleServices({
    dataDir: join(home.dir, 'data'),
    host: 'web',
    version: 'test',
    demo: false,
    env: home.env,
    logger: createLogger({ file: logFile, level: 'debug' }),
    awsEndpoint: emulator.url,
    openExternal: (url) => void opened.push(url),
  });
  services.events.subscribe((event, payload) => events.push({ event, payload }));
});

afterAll(async () => {
  await services?.close();
  await emulator?.close();
  home?.restore();
  vi.restoreAllMocks();
});

describe('SSO sign-in through the console', () => {
  it('starts signed out, with the fleet cells of the profile paused', async () => {
    const list = await call<ProfilesList>('profiles.list');
    const dev = list.profiles.find((p) => p.name === 'dev');
    expect(dev).toMatchObject({
      kind: 'sso',
      status: 'not-signed-in',
      signInRequired: true,
      isDefault: true,
      sso: { startUrl: START_URL, sessionName: 'corp', roleName: 'AgentCoreOperator' },
    });
    await vi.waitFor(
      async () => expect((await call<FleetSnapshot>('fleet.list')).cells[0]).toMatchObject({ profile: 'dev', state: 'paused', error: { code: 'NotSignedIn' } }),
      WAIT,
    );
  });

  it('signs in with the device flow, writes the CLI cache, and resumes the fleet with fromSSO role credentials', async () => {
    const signedIn = nextAuth('signed-in');
    const started = await call<SignInStarted>('auth.signIn', { profile: 'dev' });
    expect(started.userCode).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
    expect(opened).toEqual([started.verificationUriComplete]);
    expect(events.some((e) => e.event === 'auth.changed' && (e.payload as AuthChanged).state === 'pending')).toBe(true);

    await approve(emulator, started.userCode);
    const done = await signedIn;
    expect(done).toMatchObject({ profile: 'dev', state: 'signed-in' });

    const cacheFile = join(home.cacheDir, ssoCacheFileName('corp'));
    const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as Record<string, string>;
    expect(Object.keys(cached).sort()).toEqual([
      'accessToken',
      'clientId',
      'clientSecret',
      'expiresAt',
      'refreshToken',
      'region',
      'registrationExpiresAt',
      'startUrl',
    ]);
    expect(cached).toMatchObject({ startUrl: START_URL, region: 'us-east-1' });
    fileSecrets.push(cached.accessToken!, cached.refreshToken!, cached.clientSecret!);
    expect(cached.expiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(cached.registrationExpiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    await vi.waitFor(async () => expect((await call<FleetSnapshot>('fleet.list')).cells[0]?.state).toBe('ok'), WAIT);
    const fleet = await call<FleetSnapshot>('fleet.refresh');
    expect(fleet.resources.filter((r) => r.kind === 'runtime').length).toBeGreaterThan(0);

    const list = await call<ProfilesList>('profiles.list');
    const dev = list.profiles.find((p) => p.name === 'dev')!;
    expect(dev.status).toBe('signed-in');
    expect(dev.secondsLeft).toBeGreaterThan(3600);
  });

  it('lets the SDK fromSSO use the same cache: its role credentials list runtimes', async () => {
    const credentials = await fromSSO({
      profile: 'dev',
      configFilepath: home.env.AWS_CONFIG_FILE,
      filepath: home.env.AWS_SHARED_CREDENTIALS_FILE,
      clientConfig: { endpoint: emulator.url, region: 'us-east-1' },
    })();
    const control = new BedrockAgentCoreControlClient({ endpoint: emulator.url, region: 'us-east-1', credentials, maxAttempts: 1 });
    const out = await control.send(new ListAgentRuntimesCommand({}));
    control.destroy();
    expect(credentials.accessKeyId).toMatch(/^ASIA/);
    expect(out.agentRuntimes?.length).toBeGreaterThan(0);
  });

  it('signs out like `aws sso logout`: token revoked, cache file deleted, cells paused', async () => {
    const cacheFile = join(home.cacheDir, ssoCacheFileName('corp'));
    const accessToken = (JSON.parse(readFileSync(cacheFile, 'utf8')) as { accessToken: string }).accessToken;
    const result = await call<{ signedOut: string[] }>('auth.signOut', { profile: 'dev' });
    expect(result.signedOut).toEqual(['dev']);
    expect(existsSync(cacheFile)).toBe(false);
    const portal = await fetch(`${emulator.url}/assignment/accounts`, { headers: { 'x-amz-sso_bearer_token': accessToken } });
    expect(portal.status).toBe(401);
    expect((await call<FleetSnapshot>('fleet.list')).cells[0]).toMatchObject({ state: 'paused', error: { code: 'NotSignedIn' } });
    expect((await call<ProfilesList>('profiles.list')).profiles.find((p) => p.name === 'dev')?.status).toBe('not-signed-in');
  });

  it('rejects bad input with specific errors', async () => {
    const unknown = await services.dispatch(OWNER, 'auth.signIn', { profile: 'ghost' });
    const notSso = await services.dispatch(OWNER, 'auth.signIn', { profile: 'static' });
    const extra = await services.dispatch(OWNER, 'auth.signIn', { profile: 'dev', deviceCode: 'x' });
    responses.push(unknown, notSso, extra);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(notSso).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('static') } });
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('never lets a token, device code, client secret or secret key reach the renderer, a log line or SQLite', async () => {
    const roleSecrets = issuedRoleKeys.mock.results.flatMap((r) => (r.type === 'return' ? [r.value.secretAccessKey, r.value.sessionToken] : []));
    const deviceCodes = deviceAuthorizations.mock.results.flatMap((r) => (r.type === 'return' ? [r.value.deviceCode] : []));
    // Also everything the emulator's OIDC store still holds (refreshed tokens, the registration's secret).
    const store = deviceAuthorizations.mock.contexts[0] as OidcStore;
    const clientSecrets = [...store.clients.values()].map((c) => c.clientSecret);
    const tokens = [
      ...(store as unknown as { tokens: Map<string, unknown> }).tokens.keys(),
      ...(store as unknown as { refreshTokens: Map<string, unknown> }).refreshTokens.keys(),
    ];
    const secrets = [...fileSecrets, ...roleSecrets, ...deviceCodes, ...clientSecrets, ...tokens];
    expect(fileSecrets.length).toBe(3);
    expect(roleSecrets.length).toBeGreaterThan(0);
    expect(deviceCodes.length).toBe(1);
    expect(clientSecrets.length).toBe(1);

    const sqlite = readdirSync(join(home.dir, 'data'))
      .map((f) => readFileSync(join(home.dir, 'data', f)).toString('latin1'))
      .join('\n');
    const haystacks = { responses: JSON.stringify(responses), events: JSON.stringify(events), log: readFileSync(logFile, 'utf8'), sqlite };
    expect(haystacks.log).toContain('sso signed in');
    for (const [where, text] of Object.entries(haystacks)) {
      for (const secret of secrets) expect(text.includes(secret), `${where} contains a secret (${secret.slice(0, 6)}…)`).toBe(false);
    }
  });
});
