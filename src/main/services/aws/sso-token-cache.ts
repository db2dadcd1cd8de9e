/**
 * The AWS CLI v2 SSO token cache: `~/.aws/sso/cache/<sha1(key)>.json`, where
 * the key is the sso-session name (or the start URL for legacy profiles).
 * Sharing it means a console sign-in also signs in the `aws` CLI and the SDK's
 * `fromSSO`, and a CLI sign-in is picked up by the console. Files are written
 * atomically with mode 0600 (they hold a refresh token and a client secret).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { awsHomeDir } from './shared-config-files';

/** The file's fields, named exactly as the CLI writes them. */
export interface CachedSsoToken {
  startUrl: string;
  region: string;
  accessToken: string;
  /** ISO 8601, UTC. */
  expiresAt: string;
  clientId?: string;
  clientSecret?: string;
  /** ISO 8601, UTC. */
  registrationExpiresAt?: string;
  refreshToken?: string;
}

export function defaultSsoCacheDir(env: NodeJS.ProcessEnv): string {
  return join(awsHomeDir(env), '.aws', 'sso', 'cache');
}

export const ssoCacheFileName = (cacheKey: string): string => `${createHash('sha1').update(cacheKey).digest('hex')}.json`;

export class SsoTokenCache {
  constructor(readonly dir: string) {}

  pathFor(cacheKey: string): string {
    return join(this.dir, ssoCacheFileName(cacheKey));
  }

  /** The cached token, or undefined when there is none or it is not a usable token file. */
  read(cacheKey: string): CachedSsoToken | undefined {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(this.pathFor(cacheKey), 'utf8'));
    } catch {
      return undefined;
    }
    if (!parsed || typeof parsed !== 'object') return undefined;
    const t = parsed as Record<string, unknown>;
    if (typeof t.accessToken !== 'string' || typeof t.expiresAt !== 'string' || Number.isNaN(Date.parse(t.expiresAt))) return undefined;
    const str = (key: string): string | undefined => (typeof t[key] === 'string' ? (t[key] as string) : undefined);
    return {
      startUrl: str('startUrl') ?? '',
      region: str('region') ?? '',
      accessToken: t.accessToken,
      expiresAt: t.expiresAt,
      ...optional('clientId', str('clientId')),
      ...optional('clientSecret', str('clientSecret')),
      ...optional('registrationExpiresAt', str('registrationExpiresAt')),
      ...optional('refreshToken', str('refreshToken')),
    };
  }

  write(cacheKey: string, token: CachedSsoToken): void {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const path = this.pathFor(cacheKey);
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(token, null, 2), { mode: 0o600 });
    renameSync(temp, path);
  }

  remove(cacheKey: string): boolean {
    const path = this.pathFor(cacheKey);
    try {
      rmSync(path);
      return true;
    } catch {
      return false;
    }
  }
}

/** The CLI writes times as `2026-01-01T00:00:00Z` (no milliseconds). */
export const isoSeconds = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}
