/** The shared config/credentials files as the console reads them: every kind, and broken input that stays contained. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseIni } from './ini-parser';
import { ENV_PROFILE, readProfiles } from './profile-catalog';

function files(config: string, credentials = ''): NodeJS.ProcessEnv {
  const dir = mkdtempSync(join(tmpdir(), 'aws-profiles-'));
  writeFileSync(join(dir, 'config'), config);
  writeFileSync(join(dir, 'credentials'), credentials);
  return { HOME: dir, AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') };
}

const CONFIG = `# a realistic config
[default]
region = eu-west-1

[sso-session corp]
sso_start_url = https://d-1234567890.awsapps.com/start#/
sso_region = us-east-1
sso_registration_scopes = sso:account:access

[profile dev]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = AgentCoreOperator
region = us-west-2

[profile legacy]
sso_start_url = https://d-legacy.awsapps.com/start
sso_region = eu-central-1
sso_account_id = 444455556666
sso_role_name = ReadOnlyAccess

[profile tool]
credential_process = /usr/local/bin/get-creds --profile tool ; fetches keys

[profile admin]
role_arn = arn:aws:iam::111122223333:role/Admin
source_profile = default
s3 =
  max_concurrent_requests = 4

[services local]
bedrock_agentcore =
  endpoint_url = http://127.0.0.1:4566
`;
const CREDENTIALS = `[default]
aws_access_key_id = AKIAIOSFODNN7EXAMPLE
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
`;

describe('parseIni', () => {
  it('reads sections, inline comments after whitespace, and indented sub-settings', () => {
    const ini = parseIni('[profile a]\nx = 1 ; note\nurl = https://h/#/start\ns3 =\n  max = 4\n', 'f');
    const settings = ini.sections[0]!.settings;
    expect(ini.errors).toEqual([]);
    expect(settings.get('x')?.value).toBe('1');
    expect(settings.get('url')?.value).toBe('https://h/#/start');
    expect(settings.get('s3.max')?.value).toBe('4');
  });

  it('reports a malformed line and a broken header with file and line', () => {
    const ini = parseIni('[ok]\na = 1\nthis is not a setting\n[broken\nb = 2\n', '/x/config');
    expect(ini.errors).toEqual([
      { file: '/x/config', line: 3, section: 'ok', message: 'expected "key = value" or "[section]"' },
      { file: '/x/config', line: 4, message: 'malformed section header "[broken"' },
      { file: '/x/config', line: 5, message: 'setting outside any [section]' },
    ]);
    expect(ini.sections.map((s) => s.header)).toEqual(['ok']);
  });
});

describe('readProfiles', () => {
  it('resolves every kind with its SSO coordinates and never copies a key', () => {
    const catalog = readProfiles(files(CONFIG, CREDENTIALS));
    const byName = Object.fromEntries(catalog.profiles.map((p) => [p.name, p]));
    expect(catalog.problems).toEqual([]);
    expect(byName.dev).toMatchObject({
      kind: 'sso',
      region: 'us-west-2',
      sso: {
        startUrl: 'https://d-1234567890.awsapps.com/start#/',
        region: 'us-east-1',
        sessionName: 'corp',
        accountId: '111122223333',
        roleName: 'AgentCoreOperator',
        cacheKey: 'corp',
      },
      problems: [],
    });
    expect(byName.legacy).toMatchObject({
      kind: 'sso-legacy',
      sso: { startUrl: 'https://d-legacy.awsapps.com/start', cacheKey: 'https://d-legacy.awsapps.com/start', scopes: [] },
    });
    expect(byName.tool).toMatchObject({ kind: 'process', problems: [] });
    expect(byName.admin).toMatchObject({ kind: 'assume-role', roleArn: 'arn:aws:iam::111122223333:role/Admin', sourceProfile: 'default', problems: [] });
    expect(byName.default).toMatchObject({ kind: 'static', region: 'eu-west-1', isDefault: true, problems: [] });
    expect(JSON.stringify(catalog)).not.toMatch(/AKIAIOSFODNN7EXAMPLE|wJalrXUtnFEMI|get-creds/);
  });

  it('names file and line of a malformed line, and the other profiles still load', () => {
    const env = files(
      '[profile good]\ncredential_process = true\n\n[profile shaky]\nregion = us-east-1\n!!! garbage\ncredential_process = true\n\n[profile also-good]\ncredential_process = true\n',
    );
    const catalog = readProfiles(env);
    const shaky = catalog.profiles.find((p) => p.name === 'shaky')!;
    expect(shaky.problems).toEqual([
      { code: 'MalformedLine', message: `${env.AWS_CONFIG_FILE}:6: expected "key = value" or "[section]"`, file: env.AWS_CONFIG_FILE, line: 6 },
    ]);
    expect(shaky.kind).toBe('process');
    expect(catalog.profiles.filter((p) => p.problems.length === 0).map((p) => p.name)).toEqual(['also-good', 'good']);
  });

  it('gives a profile with a missing sso-session its own error; others are fine', () => {
    const env = files('[profile lost]\nsso_session = nowhere\nsso_account_id = 1\nsso_role_name = r\n\n[profile fine]\ncredential_process = true\n');
    const { profiles } = readProfiles(env);
    const lost = profiles.find((p) => p.name === 'lost')!;
    expect(lost.problems).toEqual([
      {
        code: 'MissingSsoSession',
        message: `Profile "lost" uses sso_session "nowhere", but ${env.AWS_CONFIG_FILE} has no [sso-session nowhere] section.`,
        file: env.AWS_CONFIG_FILE,
        line: 2,
      },
    ]);
    expect(profiles.find((p) => p.name === 'fine')!.problems).toEqual([]);
  });

  it('catches missing settings, missing and looping source profiles, and profiles without credentials', () => {
    const { profiles } = readProfiles(
      files(
        '[profile a]\nrole_arn = arn:aws:iam::1:role/x\nsource_profile = b\n[profile b]\nrole_arn = arn:aws:iam::1:role/y\nsource_profile = a\n[profile c]\nrole_arn = arn:aws:iam::1:role/z\nsource_profile = ghost\n[profile d]\nsso_start_url = https://x\n[profile e]\nregion = us-east-1\n',
      ),
    );
    const codes = Object.fromEntries(profiles.map((p) => [p.name, p.problems.map((x) => x.code)]));
    expect(codes).toEqual({ a: ['SourceProfileCycle'], b: ['SourceProfileCycle'], c: ['MissingSourceProfile'], d: ['MissingSetting'], e: ['NoCredentials'] });
  });

  it('lists environment credentials and honours AWS_PROFILE', () => {
    const env = {
      ...files(CONFIG, CREDENTIALS),
      AWS_ACCESS_KEY_ID: 'AKIAENVKEY0000000000',
      AWS_SECRET_ACCESS_KEY: 'envsecret',
      AWS_PROFILE: 'dev',
      AWS_REGION: 'ap-south-1',
    };
    const catalog = readProfiles(env);
    expect(catalog.profiles[0]).toEqual({ name: ENV_PROFILE, kind: 'env', isDefault: false, region: 'ap-south-1', problems: [] });
    expect(catalog.profiles.find((p) => p.isDefault)?.name).toBe('dev');
    expect(JSON.stringify(catalog)).not.toMatch(/AKIAENVKEY|envsecret/);
    expect(readProfiles({ ...env, AWS_PROFILE: 'nope' }).problems.map((p) => p.code)).toEqual(['UnknownProfile']);
  });

  it('treats missing files as no profiles, not as an error', () => {
    expect(readProfiles({ HOME: join(tmpdir(), 'no-such-home-for-tests') })).toMatchObject({ profiles: [], problems: [] });
  });
});
