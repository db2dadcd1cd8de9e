/** Credential providers per profile: specific, secret-free errors for the ways a profile can fail without any network. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../log/logger';
import { readProfiles } from './profile-catalog';
import { ProfileCredentials } from './profile-credentials';
import { SsoAuthService } from './sso-auth-service';
import { SsoClients } from './sso-clients';
import { isoSeconds, ssoCacheFileName, SsoTokenCache } from './sso-token-cache';

function setup(config: string) {
  const dir = mkdtempSync(join(tmpdir(), 'profile-creds-'));
  writeFileSync(join(dir, 'config'), config);
  const env = { HOME: dir, AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') };
  const ssoClients = new SsoClients({ ssoOidc: 'http://127.0.0.1:9', ssoPortal: 'http://127.0.0.1:9' });
  const cache = new SsoTokenCache(join(dir, '.aws', 'sso', 'cache'));
  const auth = new SsoAuthService({
    profiles: () => readProfiles(env).profiles,
    cache,
    clients: ssoClients,
    openExternal: () => undefined,
    emit: () => undefined,
    logger: silentLogger,
  });
  return { cache, credentials: new ProfileCredentials({ profiles: () => readProfiles(env), auth, ssoClients }) };
}

const failure = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return { name: (error as Error).name, message: (error as Error).message };
  }
  throw new Error('expected a failure');
};

const SSO = `[sso-session corp]
sso_start_url = https://d-1.awsapps.com/start
sso_region = us-east-1
[profile dev]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = Operator
`;

describe('ProfileCredentials', () => {
  it('turns a credential_process that exits non-zero into CredentialProcessFailed with its stderr, not its command line', async () => {
    const { credentials } = setup(`[profile tool]\ncredential_process = sh -c 'echo "token broker unreachable" >&2; exit 3' --api-key=sekrit\n`);
    const error = await failure(credentials.providerFor('tool')());
    expect(error.name).toBe('CredentialProcessFailed');
    expect(error.message).toBe('credential_process for profile "tool" exited with an error: token broker unreachable.');
    expect(error.message).not.toContain('sekrit');
  });

  it('names a credential_process that prints something other than credentials', async () => {
    const { credentials } = setup(`[profile tool]\ncredential_process = echo not-json\n`);
    expect(await failure(credentials.providerFor('tool')())).toMatchObject({
      name: 'CredentialProcessFailed',
      message: expect.stringContaining('invalid JSON'),
    });
  });

  it('returns what a well-behaved credential_process prints', async () => {
    const json = JSON.stringify({ Version: 1, AccessKeyId: 'AKIDPROCESS000000000', SecretAccessKey: 'process-secret' });
    const { credentials } = setup(`[profile tool]\ncredential_process = echo '${json}'\n`);
    expect(await credentials.providerFor('tool')()).toMatchObject({ accessKeyId: 'AKIDPROCESS000000000' });
  });

  it('refuses a profile whose sso-session is missing, and an unknown profile', async () => {
    const { credentials } = setup('[profile lost]\nsso_session = nowhere\nsso_account_id = 1\nsso_role_name = r\n');
    expect(await failure(credentials.providerFor('lost')())).toMatchObject({
      name: 'ProfileMisconfigured',
      message: expect.stringContaining('[sso-session nowhere]'),
    });
    expect(await failure(credentials.providerFor('ghost')())).toMatchObject({ name: 'ProfileNotFound' });
  });

  it('says "Not signed in" without a cached token and "Session expired" for an expired one', async () => {
    const { credentials, cache } = setup(SSO);
    expect(await failure(credentials.providerFor('dev')())).toEqual({ name: 'NotSignedIn', message: 'Not signed in — Sign in' });
    cache.write('corp', { startUrl: 'https://d-1.awsapps.com/start', region: 'us-east-1', accessToken: 'aoa-old', expiresAt: isoSeconds(Date.now() - 60_000) });
    expect(await failure(credentials.providerFor('dev')())).toEqual({ name: 'SessionExpired', message: 'Session expired — Sign in' });
  });
});

describe('SsoTokenCache', () => {
  it('names files like the AWS CLI (sha1 of the session name or start URL) and reads back what it wrote', () => {
    // hashlib.sha1(b'my-sso').hexdigest(), as botocore computes it.
    expect(ssoCacheFileName('my-sso')).toBe('0ad374308c5a4e22f723adf10145eafad7c4031c.json');
    const cache = new SsoTokenCache(mkdtempSync(join(tmpdir(), 'sso-cache-')));
    const token = { startUrl: 'https://x', region: 'eu-west-1', accessToken: 'a', expiresAt: '2030-01-01T00:00:00Z', refreshToken: 'r' };
    cache.write('s', token);
    expect(cache.read('s')).toEqual(token);
    expect(cache.remove('s')).toBe(true);
    expect(cache.read('s')).toBeUndefined();
  });
});

describe('environment credentials', () => {
  it('serve the default cell when no file defines "default"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'env-creds-'));
    const env = {
      HOME: dir,
      AWS_CONFIG_FILE: join(dir, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
      AWS_ACCESS_KEY_ID: 'AKIDENV0000000000000',
      AWS_SECRET_ACCESS_KEY: 'env-secret',
    };
    const ssoClients = new SsoClients({});
    const auth = new SsoAuthService({
      profiles: () => readProfiles(env).profiles,
      cache: new SsoTokenCache(dir),
      clients: ssoClients,
      openExternal: () => undefined,
      emit: () => undefined,
      logger: silentLogger,
    });
    const credentials = new ProfileCredentials({ profiles: () => readProfiles(env), auth, ssoClients });
    const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
    // fromEnv reads process.env, like the SDK's default chain.
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: env.AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: env.AWS_SECRET_ACCESS_KEY });
    try {
      expect(await credentials.providerFor('default')()).toMatchObject({ accessKeyId: 'AKIDENV0000000000000' });
    } finally {
      for (const [key, value] of [
        ['AWS_ACCESS_KEY_ID', saved.id],
        ['AWS_SECRET_ACCESS_KEY', saved.secret],
      ] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });
});
