/**
 * Where the console keeps its database and logs. Mirrors Electron's
 * `userData` (appData/<productName>) so the desktop app and the web host
 * share one history; `--data-dir` or AGENTCORE_OPS_DATA_DIR override it.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'AgentCore Ops Console';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.AGENTCORE_OPS_DATA_DIR) return env.AGENTCORE_OPS_DATA_DIR;
  const home = env.HOME ?? homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), PRODUCT_NAME);
}
