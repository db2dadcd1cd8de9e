/**
 * An empty AWS home whose only credentials are the emulator's static keys in
 * the environment: the console's "env credentials" source, with no config or
 * credentials file to pick anything else up.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EMULATOR_CREDENTIALS } from '../../../src/emulator/index';

export function staticKeysHome(prefix: string, endpoint?: string): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    env: {
      HOME: dir,
      AWS_CONFIG_FILE: join(dir, 'none'),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none'),
      AWS_ACCESS_KEY_ID: EMULATOR_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: EMULATOR_CREDENTIALS.secretAccessKey,
      AWS_REGION: 'us-east-1',
      ...(endpoint ? { AWS_ENDPOINT_URL: endpoint } : {}),
    },
  };
}
