/**
 * A throw-away AWS home for credentials tests: shared config with an
 * sso-session profile, a legacy SSO profile and a static-keys profile that
 * the emulator accepts. The SDK's fromSSO reads the token cache under
 * `process.env.HOME`, so the home is also installed there until `restore`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EMULATOR_CREDENTIALS, type RunningEmulator } from '../../../src/emulator/index';

export const START_URL = 'https://d-emulator.awsapps.com/start';
export const LEGACY_URL = 'https://d-legacy.awsapps.com/start';

export interface SsoHome {
  dir: string;
  env: NodeJS.ProcessEnv;
  cacheDir: string;
  restore(): void;
}

export function makeSsoHome(emulator: RunningEmulator, extraConfig = ''): SsoHome {
  const dir = mkdtempSync(join(tmpdir(), 'sso-home-'));
  const account = emulator.world.accountId;
  const config = join(dir, 'config');
  const credentials = join(dir, 'credentials');
  writeFileSync(
    config,
    `[sso-session corp]
sso_start_url = ${START_URL}
sso_region = us-east-1
sso_registration_scopes = sso:account:access

[profile dev]
sso_session = corp
sso_account_id = ${account}
sso_role_name = AgentCoreOperator
region = us-east-1

[profile legacy]
sso_start_url = ${LEGACY_URL}
sso_region = us-east-1
sso_account_id = ${account}
sso_role_name = ReadOnlyAccess

[profile static]
region = us-east-1
${extraConfig}`,
  );
  writeFileSync(
    credentials,
    `[static]\naws_access_key_id = ${EMULATOR_CREDENTIALS.accessKeyId}\naws_secret_access_key = ${EMULATOR_CREDENTIALS.secretAccessKey}\n`,
  );
  const previousHome = process.env.HOME;
  process.env.HOME = dir;
  return {
    dir,
    env: { HOME: dir, AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: credentials, AWS_PROFILE: 'dev', AWS_REGION: 'us-east-1' },
    cacheDir: join(dir, '.aws', 'sso', 'cache'),
    restore: () => {
      process.env.HOME = previousHome;
    },
  };
}

/** What a person does in the browser: approve the code on the emulator's verification page. */
export async function approve(emulator: RunningEmulator, userCode: string): Promise<void> {
  const response = await fetch(`${emulator.url}/_emulator/approve?user_code=${encodeURIComponent(userCode)}`);
  if (response.status !== 200) throw new Error(`approve answered ${response.status}`);
}
