/**
 * Resolves the shared files into one description per profile: its kind (in
 * the SDK's precedence: assume-role, static keys, SSO, credential_process),
 * region, SSO coordinates and problems. A broken profile carries its own
 * problems; the others are unaffected. Keys and secrets are only checked for
 * presence, never copied out.
 */
import type { ConfigProblem, ProfileKind, ProfileSso } from '../../../shared/profiles';
import { loadSharedConfig, profileOfSection, type RawSection, type SharedConfig, type SharedConfigPaths } from './shared-config-files';

/** The name the environment-credentials pseudo-profile is listed under (brackets: no real profile can be named so). */
export const ENV_PROFILE = '(environment)';

export interface ResolvedProfile {
  name: string;
  kind: ProfileKind;
  isDefault: boolean;
  region?: string;
  sso?: ProfileSso & {
    /** What the CLI hashes for the token cache file: the session name, or the start URL for legacy profiles. */
    cacheKey: string;
    /** sso_registration_scopes of the session; legacy profiles register without scopes (and get no refresh token). */
    scopes: string[];
  };
  roleArn?: string;
  sourceProfile?: string;
  problems: ConfigProblem[];
}

export interface ProfileCatalogSnapshot {
  paths: SharedConfigPaths;
  profiles: ResolvedProfile[];
  problems: ConfigProblem[];
}

const DEFAULT_SSO_SCOPES = ['sso:account:access'];

export function readProfiles(env: NodeJS.ProcessEnv): ProfileCatalogSnapshot {
  const shared = loadSharedConfig(env);
  const defaultName = env.AWS_PROFILE || 'default';
  const problems: ConfigProblem[] = [];
  const byProfile = new Map<string, ConfigProblem[]>();
  for (const { section, fromCredentialsFile, ...problem } of shared.lineProblems) {
    const owner = section === undefined ? undefined : profileOfSection(section, fromCredentialsFile);
    if (owner && shared.profiles.has(owner)) byProfile.set(owner, [...(byProfile.get(owner) ?? []), problem]);
    else problems.push(problem);
  }

  const profiles = [...shared.profiles.keys()].sort().map((name) => resolve(name, shared, name === defaultName, byProfile.get(name) ?? []));
  if (env.AWS_ACCESS_KEY_ID) profiles.unshift(envProfile(env));
  if (env.AWS_PROFILE && !shared.profiles.has(env.AWS_PROFILE)) {
    problems.push({
      code: 'UnknownProfile',
      message: `AWS_PROFILE is "${env.AWS_PROFILE}", but neither ${shared.paths.config} nor ${shared.paths.credentials} defines that profile.`,
    });
  }
  return { paths: shared.paths, profiles, problems };
}

function envProfile(env: NodeJS.ProcessEnv): ResolvedProfile {
  const problems: ConfigProblem[] = env.AWS_SECRET_ACCESS_KEY
    ? []
    : [{ code: 'MissingSetting', message: 'AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not.' }];
  return { name: ENV_PROFILE, kind: 'env', isDefault: !env.AWS_PROFILE, region: env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined, problems };
}

function resolve(name: string, shared: SharedConfig, isDefault: boolean, lineProblems: ConfigProblem[]): ResolvedProfile {
  const sections = shared.profiles.get(name) ?? {};
  // The credentials file wins over the config file for the same key, as in the SDK.
  const get = (key: string): string | undefined => value(sections.credentials, key) ?? value(sections.config, key);
  const where = (key: string): { file?: string; line?: number } =>
    locate(sections.credentials, key) ?? locate(sections.config, key) ?? locate(sections.config ?? sections.credentials) ?? {};
  const problems = [...lineProblems];
  const missing = (keys: string[], what: string): void => {
    const absent = keys.filter((k) => !get(k));
    if (absent.length) problems.push({ code: 'MissingSetting', message: `Profile "${name}" is ${what} but lacks ${absent.join(', ')}.`, ...where(keys[0]!) });
  };
  const base = { name, isDefault, region: get('region'), problems };

  const roleArn = get('role_arn');
  if (roleArn && !get('web_identity_token_file')) {
    const sourceProfile = get('source_profile');
    if (!sourceProfile && !get('credential_source')) missing(['source_profile'], 'an assume-role profile');
    if (sourceProfile) checkSourceChain(name, sourceProfile, shared, problems, where('source_profile'));
    return { ...base, kind: 'assume-role', roleArn, ...(sourceProfile ? { sourceProfile } : {}) };
  }
  if (roleArn) {
    problems.push({
      code: 'Unsupported',
      message: `Profile "${name}" uses web_identity_token_file, which the console does not support.`,
      ...where('web_identity_token_file'),
    });
    return { ...base, kind: 'unknown', roleArn };
  }
  if (get('aws_access_key_id')) {
    missing(['aws_secret_access_key'], 'a static-keys profile');
    return { ...base, kind: 'static' };
  }
  const sessionName = get('sso_session');
  if (sessionName) {
    const session = shared.ssoSessions.get(sessionName);
    if (!session) {
      problems.push({
        code: 'MissingSsoSession',
        message: `Profile "${name}" uses sso_session "${sessionName}", but ${shared.paths.config} has no [sso-session ${sessionName}] section.`,
        ...where('sso_session'),
      });
      return {
        ...base,
        kind: 'sso',
        sso: { startUrl: '', sessionName, accountId: get('sso_account_id'), roleName: get('sso_role_name'), cacheKey: sessionName, scopes: DEFAULT_SSO_SCOPES },
      };
    }
    const startUrl = value(session, 'sso_start_url');
    const ssoRegion = value(session, 'sso_region');
    const absent = [!startUrl && 'sso_start_url', !ssoRegion && 'sso_region'].filter(Boolean);
    if (absent.length)
      problems.push({ code: 'MissingSetting', message: `[sso-session ${sessionName}] lacks ${absent.join(', ')}.`, file: session.file, line: session.line });
    missing(['sso_account_id', 'sso_role_name'], 'an SSO profile');
    const scopes = (value(session, 'sso_registration_scopes') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    return {
      ...base,
      kind: 'sso',
      sso: {
        startUrl: startUrl ?? '',
        region: ssoRegion,
        sessionName,
        accountId: get('sso_account_id'),
        roleName: get('sso_role_name'),
        cacheKey: sessionName,
        scopes: scopes.length ? scopes : DEFAULT_SSO_SCOPES,
      },
    };
  }
  const legacyUrl = get('sso_start_url');
  if (legacyUrl) {
    missing(['sso_region', 'sso_account_id', 'sso_role_name'], 'a legacy SSO profile');
    return {
      ...base,
      kind: 'sso-legacy',
      sso: {
        startUrl: legacyUrl,
        region: get('sso_region'),
        accountId: get('sso_account_id'),
        roleName: get('sso_role_name'),
        cacheKey: legacyUrl,
        scopes: [],
      },
    };
  }
  if (get('credential_process')) return { ...base, kind: 'process' };
  problems.push({ code: 'NoCredentials', message: `Profile "${name}" sets no credentials (no keys, SSO, role or credential_process).`, ...where('region') });
  return { ...base, kind: 'unknown' };
}

/** source_profile must exist and must not loop back (a → b → a), or the SDK recurses until it fails obscurely. */
function checkSourceChain(name: string, first: string, shared: SharedConfig, problems: ConfigProblem[], at: { file?: string; line?: number }): void {
  const seen = new Set([name]);
  let current: string | undefined = first;
  while (current) {
    if (seen.has(current)) {
      if (current !== name || first !== name)
        problems.push({ code: 'SourceProfileCycle', message: `Profile "${name}": source_profile chain loops back to "${current}".`, ...at });
      return;
    }
    const sections = shared.profiles.get(current);
    if (!sections) {
      problems.push({ code: 'MissingSourceProfile', message: `Profile "${name}": source_profile "${current}" is not defined.`, ...at });
      return;
    }
    seen.add(current);
    const next = value(sections.credentials, 'source_profile') ?? value(sections.config, 'source_profile');
    // A profile that names itself as source uses its own static keys (an SDK rule), which ends the chain.
    current = next === current ? undefined : next;
  }
}

const value = (section: RawSection | undefined, key: string): string | undefined => section?.settings.get(key)?.value || undefined;

function locate(section: RawSection | undefined, key?: string): { file: string; line: number } | undefined {
  if (!section) return undefined;
  if (key === undefined) return { file: section.file, line: section.line };
  const setting = section.settings.get(key);
  return setting ? { file: section.file, line: setting.line } : undefined;
}
