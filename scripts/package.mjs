// `npm run package`: checks the packaging config, builds, then makes this platform's
// installers with electron-builder (macOS dmg, Windows nsis, Linux AppImage + deb) in dist/.
// electron-builder needs Electron's release for this platform: where it cannot be had (the
// same check and download as `npm start`), this stops with one line saying why, exit 2.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-binary.mjs';
import { packagingProblems } from './packaging-check.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const read = (path) => (existsSync(join(root, path)) ? readFileSync(join(root, path)) : null);
const platformFlag = { darwin: '--mac', win32: '--win', linux: '--linux' }[process.platform];

function stop(code, message) {
  console.error(`agentcore-ops: ${message}`);
  process.exit(code);
}

/** The download `npm start` makes; it also fills the cache electron-builder takes Electron's zip from. Null when it worked. */
function downloadElectron() {
  if (process.env.AGENTCORE_OPS_NO_DOWNLOAD) return 'downloads are disabled here (AGENTCORE_OPS_NO_DOWNLOAD)';
  // Only a terminal gets the progress note, and it is erased after: a failure prints its one line and nothing else.
  const note = process.stdout.isTTY ? "Electron's binary is not installed yet; downloading it once…" : '';
  process.stdout.write(note);
  const result = spawnSync(process.execPath, [join(root, 'node_modules', 'electron', 'install.js')], { encoding: 'utf8', timeout: 300_000 });
  if (note) process.stdout.write('\r\x1b[2K');
  if (result.status === 0 && electronBinary(root)) return null;
  const firstLine = `${result.stderr ?? ''}${result.stdout ?? ''}`.split('\n').find((l) => /error|fail|ENOTFOUND|ECONN|timed? ?out/i.test(l));
  return `its download failed${firstLine ? ` (${firstLine.trim().slice(0, 160)})` : ''}`;
}

function run(args, env = process.env) {
  return spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env }).status === 0;
}

if (!platformFlag) stop(1, `electron-builder makes installers for macOS, Windows and Linux, not ${process.platform}`);

const pkg = JSON.parse(read('package.json').toString('utf8'));
// electron.vite.config.ts builds the main entry `index` into out/main; package.json "main" must name that file.
const problems = packagingProblems({ pkg, mainEntry: 'out/main/index.js', productName: 'AgentCore Ops Console', readFile: read });
if (problems.length > 0) stop(1, `cannot package, the configuration is broken:\n  ${problems.join('\n  ')}`);

if (!electronBinary(root)) {
  const failure = downloadElectron();
  if (!electronBinary(root))
    stop(
      2,
      `cannot package here: electron-builder needs Electron's binary, which is not installed and ${failure}. Package where it can be downloaded (the release workflow does).`,
    );
}

console.log('Building the console (electron-vite build)…');
if (!run([join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'])) stop(1, 'the build failed (see above)');

// electron-builder rebuilds better-sqlite3 for Electron inside node_modules; the tests and the web host need Node's
// build there, so it is put back afterwards (the installers keep Electron's). Its .forge-meta marker goes too: left
// beside Node's build, it would tell the next run's rebuild that the module is already built for Electron.
const nodeBuild = join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const backup = mkdtempSync(join(tmpdir(), 'agentcore-package-'));
if (existsSync(nodeBuild)) copyFileSync(nodeBuild, join(backup, 'better_sqlite3.node'));
// A nodedir (npm config on some machines, for Node's own addons) would make node-gyp compile against Node's headers
// instead of Electron's, and the app would refuse the module at start.
const env = { ...process.env };
delete env.npm_config_nodedir;
delete env.NPM_CONFIG_NODEDIR;
// Ctrl-C reaches electron-builder too (one process group); this process waits for it, then still puts Node's build back.
process.on('SIGINT', () => {});
let packaged = false;
try {
  // --publish never: the release workflow uploads the installers; electron-builder would otherwise publish on CI tags.
  packaged = run([join(root, 'node_modules', 'electron-builder', 'cli.js'), platformFlag, '--publish', 'never'], env);
} finally {
  if (existsSync(join(backup, 'better_sqlite3.node'))) {
    mkdirSync(dirname(nodeBuild), { recursive: true });
    copyFileSync(join(backup, 'better_sqlite3.node'), nodeBuild);
    rmSync(join(dirname(nodeBuild), '.forge-meta'), { force: true });
  }
  rmSync(backup, { recursive: true, force: true });
}
if (!packaged) stop(1, 'electron-builder failed (see above)');
console.log('Installers are in dist/.');
