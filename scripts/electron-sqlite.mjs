// better-sqlite3 is a native module: `npm install` builds it for Node (web host,
// tests). The desktop app runs it inside Electron, whose ABI differs. Rather
// than rebuilding node_modules back and forth, a second copy built for this
// Electron version lives in node_modules/.cache and the desktop app loads it
// through better-sqlite3's `nativeBinding` option (AGENTCORE_OPS_SQLITE_BINDING).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function electronSqliteBinding(root) {
  const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  const sqliteVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8')).version;
  const cacheDir = join(
    root,
    'node_modules',
    '.cache',
    'agentcore-ops',
    `better-sqlite3-${sqliteVersion}-electron-${electronVersion}-${process.platform}-${process.arch}`,
  );
  const binding = join(cacheDir, 'better_sqlite3.node');
  if (existsSync(binding)) return { binding };

  console.log(`Preparing better-sqlite3 for Electron ${electronVersion} (once)…`);
  const work = mkdtempSync(join(tmpdir(), 'agentcore-sqlite-'));
  try {
    cpSync(join(root, 'node_modules', 'better-sqlite3'), work, { recursive: true });
    rmSync(join(work, 'build'), { recursive: true, force: true });
    const run = (command, args) =>
      spawnSync(command, args, { cwd: work, encoding: 'utf8', env: { ...process.env, npm_config_runtime: 'electron', npm_config_target: electronVersion } });
    // A prebuilt binary when one is published for this Electron; else compile against Electron's headers.
    let result = run(process.execPath, [
      join(root, 'node_modules', 'prebuild-install', 'bin.js'),
      '--runtime',
      'electron',
      '--target',
      electronVersion,
      '--arch',
      process.arch,
    ]);
    if (result.status !== 0) {
      // npm puts its own node-gyp on the script's PATH; node-gyp reads the target from npm_config_*.
      const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
      result = spawnSync(npm, ['run', 'build-release'], {
        cwd: work,
        encoding: 'utf8',
        shell: process.platform === 'win32',
        env: { ...process.env, npm_config_runtime: 'electron', npm_config_target: electronVersion, npm_config_disturl: 'https://electronjs.org/headers' },
      });
    }
    const built = join(work, 'build', 'Release', 'better_sqlite3.node');
    if (result.status !== 0 || !existsSync(built)) {
      const why = `${result.stderr ?? ''}${result.stdout ?? ''}`.split('\n').filter(Boolean).slice(-1)[0] ?? 'unknown error';
      return { error: `could not build better-sqlite3 for Electron ${electronVersion} (${why.slice(0, 160)})` };
    }
    mkdirSync(cacheDir, { recursive: true });
    cpSync(built, binding);
    return { binding };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
