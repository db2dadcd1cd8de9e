/**
 * Whether the user has any AWS identity configured: environment keys, a
 * named profile, or a section in the shared config/credentials files. With
 * none, the console starts on the demo fleet instead of failing every call.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export function awsProfilesConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.AWS_ACCESS_KEY_ID || env.AWS_PROFILE) return true;
  const home = env.HOME ?? homedir();
  const files = [env.AWS_CONFIG_FILE ?? join(home, '.aws', 'config'), env.AWS_SHARED_CREDENTIALS_FILE ?? join(home, '.aws', 'credentials')];
  return files.some((file) => existsSync(file) && /^\s*\[[^\]]+\]/m.test(readFileSync(file, 'utf8')));
}
