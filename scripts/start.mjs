// `npm start [-- --demo] [-- --port N] [-- --data-dir DIR] [-- --agent name=url]`: builds if needed,
// then opens the desktop app, or — where the Electron binary is missing and
// cannot be downloaded — serves the same UI and API in the browser, saying why.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfNeeded } from './build-if-needed.mjs';
import { electronBinary } from './electron-binary.mjs';
import { electronSqliteBinding } from './electron-sqlite.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const webOnly = args.includes('--web');
const forwarded = args.filter((a) => a !== '--web');

function tryDownloadElectron() {
  if (process.env.CI || process.env.AGENTCORE_OPS_NO_DOWNLOAD) return 'downloads are disabled here (CI or AGENTCORE_OPS_NO_DOWNLOAD)';
  console.log("Electron's binary is not installed yet; downloading it once…");
  const result = spawnSync(process.execPath, [join(root, 'node_modules', 'electron', 'install.js')], { encoding: 'utf8', timeout: 180_000 });
  if (result.status === 0 && electronBinary(root)) return null;
  const firstLine = `${result.stderr ?? ''}${result.stdout ?? ''}`.split('\n').find((l) => /error|fail|ENOTFOUND|ECONN|timed? ?out/i.test(l));
  return `its download failed${firstLine ? ` (${firstLine.trim().slice(0, 160)})` : ''}`;
}

function run(command, commandArgs, env = process.env) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', env });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => process.exit(signal ? 0 : (code ?? 0)));
}

try {
  buildIfNeeded(root);
} catch (error) {
  console.error(`agentcore-ops: ${error.message}`);
  process.exit(1);
}

let binary = webOnly ? null : electronBinary(root);
let why = webOnly ? 'you asked for --web' : null;
if (!binary && !webOnly) {
  const failure = tryDownloadElectron();
  binary = electronBinary(root);
  if (!binary) why = `the Electron binary is not installed and ${failure}`;
}

let sqlite = null;
if (binary) {
  sqlite = electronSqliteBinding(root);
  if (sqlite.error) {
    binary = null;
    why = `the desktop app needs better-sqlite3 built for Electron and ${sqlite.error}`;
  }
}

if (binary) {
  const env = { ...process.env, AGENTCORE_OPS_SQLITE_BINDING: sqlite.binding };
  delete env.ELECTRON_RUN_AS_NODE;
  run(binary, ['.', ...forwarded], env);
} else {
  console.log(`Starting the web host instead of the desktop window because ${why}: same UI, same API, in your browser.`);
  run(process.execPath, [join(root, 'out', 'main', 'web.js'), ...forwarded]);
}
