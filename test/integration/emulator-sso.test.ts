import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BedrockAgentCoreClient, ListActorsCommand } from '@aws-sdk/client-bedrock-agentcore';
import { GetRoleCredentialsCommand, ListAccountRolesCommand, ListAccountsCommand, LogoutCommand, SSOClient, UnauthorizedException } from '@aws-sdk/client-sso';
import {
  AccessDeniedException,
  AuthorizationPendingException,
  CreateTokenCommand,
  ExpiredTokenException,
  InvalidClientException,
  InvalidGrantException,
  RegisterClientCommand,
  SlowDownException,
  SSOOIDCClient,
  StartDeviceAuthorizationCommand,
  UnsupportedGrantTypeException,
} from '@aws-sdk/client-sso-oidc';
import { fromSSO } from '@aws-sdk/credential-providers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGION, startTestEmulator, type TestEmulator } from './helpers/emulator';

const START_URL = 'https://d-emulator.awsapps.com/start';
const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
let t: TestEmulator;
let oidc: SSOOIDCClient;
let sso: SSOClient;
async function signIn(scopes: string[] = ['sso:account:access']) {
  const client = await oidc.send(new RegisterClientCommand({ clientName: 'agentcore-ops-console', clientType: 'public', scopes }));
  const device = await oidc.send(new StartDeviceAuthorizationCommand({ clientId: client.clientId!, clientSecret: client.clientSecret!, startUrl: START_URL }));
  const poll = () =>
    oidc.send(
      new CreateTokenCommand({ clientId: client.clientId!, clientSecret: client.clientSecret!, grantType: DEVICE_GRANT, deviceCode: device.deviceCode! }),
    );
  return { client, device, poll };
}

beforeAll(async () => {
  t = await startTestEmulator();
  oidc = new SSOOIDCClient({ endpoint: t.endpoint, region: REGION, maxAttempts: 1 });
  sso = new SSOClient({ endpoint: t.endpoint, region: REGION, maxAttempts: 1 });
});
afterAll(async () => {
  oidc.destroy();
  sso.destroy();
  await t.close();
});

describe('SSO OIDC device authorization via the real SDK', () => {
  it('registers a client and starts a device authorization pointing at the emulator', async () => {
    const { client, device } = await signIn();
    expect(client.clientId).toBeTruthy();
    expect(client.clientSecretExpiresAt).toBeGreaterThan(client.clientIdIssuedAt!);
    expect(device.userCode).toMatch(/^[B-Z]{4}-[B-Z]{4}$/);
    expect(device.verificationUriComplete).toBe(`${t.endpoint}/_emulator/approve?user_code=${device.userCode}`);
    expect(device.interval).toBe(1);
    expect(device.expiresIn).toBe(600);
  });

  it('answers polls with pending, slow-down and, after ten minutes, expired', async () => {
    const { poll } = await signIn();
    const pending = await poll().catch((e: unknown) => e);
    expect(pending).toBeInstanceOf(AuthorizationPendingException);
    expect((pending as AuthorizationPendingException).error).toBe('authorization_pending');
    await expect(poll()).rejects.toBeInstanceOf(SlowDownException);
    t.clock.t += 601_000;
    await expect(poll()).rejects.toBeInstanceOf(ExpiredTokenException);
  });

  it('rejects unknown clients, grant types and device codes', async () => {
    const { client } = await signIn();
    await expect(
      oidc.send(new StartDeviceAuthorizationCommand({ clientId: client.clientId!, clientSecret: 'wrong', startUrl: START_URL })),
    ).rejects.toBeInstanceOf(InvalidClientException);
    await expect(
      oidc.send(new CreateTokenCommand({ clientId: client.clientId!, clientSecret: client.clientSecret!, grantType: 'password' })),
    ).rejects.toBeInstanceOf(UnsupportedGrantTypeException);
    await expect(
      oidc.send(new CreateTokenCommand({ clientId: client.clientId!, clientSecret: client.clientSecret!, grantType: DEVICE_GRANT, deviceCode: 'nope' })),
    ).rejects.toBeInstanceOf(InvalidGrantException);
    await expect(
      oidc.send(new CreateTokenCommand({ clientId: client.clientId!, clientSecret: client.clientSecret!, grantType: 'refresh_token', refreshToken: 'nope' })),
    ).rejects.toBeInstanceOf(InvalidGrantException);
  });

  it('rejects portal calls without a valid token', async () => {
    await expect(sso.send(new ListAccountsCommand({ accessToken: 'not-a-token' }))).rejects.toBeInstanceOf(UnauthorizedException);
    await expect(sso.send(new GetRoleCredentialsCommand({ accessToken: 'not-a-token', accountId: '1', roleName: 'x' }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 401 },
    });
  });
});

describe('approval page, tokens and the SSO portal', () => {
  it('denies through the page and reports access_denied', async () => {
    const { device, poll } = await signIn();
    const page = await fetch(`${t.endpoint}/_emulator/deny?user_code=${device.userCode}`);
    expect(page.status).toBe(200);
    await expect(poll()).rejects.toBeInstanceOf(AccessDeniedException);
  });

  it('approves, issues and refreshes tokens, lists accounts and roles and hands out working role credentials', async () => {
    const { client, device, poll } = await signIn();
    const page = await fetch(device.verificationUriComplete!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('approved');
    t.clock.t += 2_000;
    const token = await poll();
    expect(token.tokenType).toBe('Bearer');
    expect(token.expiresIn).toBe(28_800);
    expect(token.refreshToken).toBeTruthy();
    const refreshed = await oidc.send(
      new CreateTokenCommand({ clientId: client.clientId!, clientSecret: client.clientSecret!, grantType: 'refresh_token', refreshToken: token.refreshToken! }),
    );
    expect(refreshed.accessToken).not.toBe(token.accessToken);

    const accessToken = refreshed.accessToken!;
    const accounts = await sso.send(new ListAccountsCommand({ accessToken }));
    const accountId = t.runtime('sre_supervisor').accountId;
    expect(accounts.accountList?.map((a) => a.accountId)).toEqual([accountId]);
    const roles = await sso.send(new ListAccountRolesCommand({ accessToken, accountId }));
    expect(roles.roleList?.map((r) => r.roleName)).toContain('AgentCoreOperator');
    const creds = await sso.send(new GetRoleCredentialsCommand({ accessToken, accountId, roleName: 'AgentCoreOperator' }));
    const rc = creds.roleCredentials!;
    expect(rc.expiration).toBe(t.clock.t + 3_600_000);
    const agentcore = new BedrockAgentCoreClient({
      endpoint: t.endpoint,
      region: REGION,
      maxAttempts: 1,
      credentials: { accessKeyId: rc.accessKeyId!, secretAccessKey: rc.secretAccessKey!, sessionToken: rc.sessionToken! },
    });
    const actors = await agentcore.send(new ListActorsCommand({ memoryId: t.memory('sre_agent_memory').id }));
    expect(actors.actorSummaries?.length).toBeGreaterThan(0);
    agentcore.destroy();
    await expect(sso.send(new GetRoleCredentialsCommand({ accessToken, accountId, roleName: 'NoSuchRole' }))).rejects.toMatchObject({
      name: 'ForbiddenException',
    });

    // fromSSO with an AWS CLI v2 token cache and an sso-session profile, as the console's credential code uses it.
    const home = mkdtempSync(join(tmpdir(), 'emulator-sso-'));
    const previousHome = process.env.HOME;
    try {
      const cacheDir = join(home, '.aws', 'sso', 'cache');
      mkdirSync(cacheDir, { recursive: true });
      const configFilepath = join(home, '.aws', 'config');
      writeFileSync(
        configFilepath,
        `[profile demo]\nsso_session = emu\nsso_account_id = ${accountId}\nsso_role_name = AgentCoreOperator\nregion = ${REGION}\n\n[sso-session emu]\nsso_start_url = ${START_URL}\nsso_region = ${REGION}\nsso_registration_scopes = sso:account:access\n`,
      );
      const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
      writeFileSync(
        join(cacheDir, `${createHash('sha1').update('emu').digest('hex')}.json`),
        JSON.stringify({
          accessToken,
          expiresAt,
          region: REGION,
          startUrl: START_URL,
          clientId: client.clientId,
          clientSecret: client.clientSecret,
          registrationExpiresAt: expiresAt,
          refreshToken: 'unused',
        }),
      );
      process.env.HOME = home;
      const provided = await fromSSO({
        profile: 'demo',
        configFilepath,
        filepath: join(home, '.aws', 'credentials'),
        clientConfig: { endpoint: t.endpoint },
      })();
      expect(provided.accessKeyId).toMatch(/\S/);
      const viaProfile = new BedrockAgentCoreClient({ endpoint: t.endpoint, region: REGION, maxAttempts: 1, credentials: provided });
      await expect(viaProfile.send(new ListActorsCommand({ memoryId: t.memory('sre_agent_memory').id }))).resolves.toBeDefined();
      viaProfile.destroy();
    } finally {
      process.env.HOME = previousHome;
      rmSync(home, { recursive: true, force: true });
    }

    await sso.send(new LogoutCommand({ accessToken }));
    await expect(sso.send(new ListAccountsCommand({ accessToken }))).rejects.toBeInstanceOf(UnauthorizedException);
  });
});
