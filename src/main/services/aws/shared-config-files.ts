/**
 * Where the AWS shared files live and what they contain, read the way the
 * AWS CLI and SDK read them: `AWS_CONFIG_FILE` / `AWS_SHARED_CREDENTIALS_FILE`
 * override `~/.aws/config` / `~/.aws/credentials`; config sections are
 * `[profile x]`, `[default]` and `[sso-session x]`; credentials sections are
 * bare names. A missing file is normal (no problem); an unreadable one is.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ConfigProblem } from '../../../shared/profiles';
import { parseIni, type IniSection, type IniSetting } from './ini-parser';

export interface SharedConfigPaths {
  config: string;
  credentials: string;
}

/** Raw settings of one section, with where it came from (for problems that name a line). */
export interface RawSection {
  file: string;
  line: number;
  settings: Map<string, IniSetting>;
}

export interface SharedConfig {
  paths: SharedConfigPaths;
  /** Profile name → its config-file section and/or credentials-file section. */
  profiles: Map<string, { config?: RawSection; credentials?: RawSection }>;
  ssoSessions: Map<string, RawSection>;
  /** Malformed lines by section header (`profile dev`, `dev`, `sso-session corp`), and file-level problems. */
  lineProblems: Array<ConfigProblem & { section?: string; fromCredentialsFile: boolean }>;
}

/** The home directory the SDK uses too (HOME before os.homedir()), so the console, SDK and CLI agree. */
export function awsHomeDir(env: NodeJS.ProcessEnv): string {
  return env.HOME || env.USERPROFILE || homedir();
}

export function sharedConfigPaths(env: NodeJS.ProcessEnv): SharedConfigPaths {
  const home = awsHomeDir(env);
  return {
    config: env.AWS_CONFIG_FILE || join(home, '.aws', 'config'),
    credentials: env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials'),
  };
}

export function loadSharedConfig(env: NodeJS.ProcessEnv): SharedConfig {
  const paths = sharedConfigPaths(env);
  const result: SharedConfig = { paths, profiles: new Map(), ssoSessions: new Map(), lineProblems: [] };

  for (const [path, isCredentials] of [
    [paths.config, false],
    [paths.credentials, true],
  ] as const) {
    const text = readOptional(path, result.lineProblems, isCredentials);
    if (text === undefined) continue;
    const ini = parseIni(text, path);
    for (const error of ini.errors) {
      result.lineProblems.push({
        code: 'MalformedLine',
        message: `${error.file}:${error.line}: ${error.message}`,
        file: error.file,
        line: error.line,
        section: error.section,
        fromCredentialsFile: isCredentials,
      });
    }
    for (const section of ini.sections) place(section, path, isCredentials, result);
  }
  return result;
}

function place(section: IniSection, file: string, isCredentials: boolean, into: SharedConfig): void {
  const raw: RawSection = { file, line: section.line, settings: section.settings };
  if (isCredentials) {
    entry(into, section.header).credentials = raw;
    return;
  }
  const [kind, ...rest] = section.header.split(' ');
  const name = rest.join(' ');
  if (section.header === 'default' || (kind === 'profile' && name)) entry(into, section.header === 'default' ? 'default' : name).config = raw;
  else if (kind === 'sso-session' && name) into.ssoSessions.set(name, raw);
  // Other sections ([services x], [plugins], a bare [name] in config) configure tools, not profiles.
}

function entry(into: SharedConfig, name: string): { config?: RawSection; credentials?: RawSection } {
  let found = into.profiles.get(name);
  if (!found) into.profiles.set(name, (found = {}));
  return found;
}

/** Section header → profile name, as `place` maps it; used to attach a malformed line to its profile. */
export function profileOfSection(header: string, fromCredentialsFile: boolean): string | undefined {
  if (fromCredentialsFile || header === 'default') return header;
  return header.startsWith('profile ') ? header.slice('profile '.length) : undefined;
}

function readOptional(path: string, problems: SharedConfig['lineProblems'], isCredentials: boolean): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    problems.push({
      code: 'UnreadableFile',
      message: `${path}: cannot read the ${isCredentials ? 'credentials' : 'config'} file (${code ?? 'error'})`,
      file: path,
      fromCredentialsFile: isCredentials,
    });
    return undefined;
  }
}
