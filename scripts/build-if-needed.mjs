// Builds with electron-vite when out/ is missing or older than any source file.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const inputs = ['src', 'electron.vite.config.ts', 'package.json'];

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs);
}

export function buildIfNeeded(root, { quiet = false } = {}) {
  const stamp = join(root, 'out', '.build-stamp');
  const outputs = ['out/main/index.js', 'out/main/web.js', 'out/preload/index.cjs', 'out/renderer/index.html'].map((p) => join(root, p));
  const fresh =
    existsSync(stamp) &&
    outputs.every((p) => existsSync(p)) &&
    inputs.every((p) => !existsSync(join(root, p)) || newestMtime(join(root, p)) <= statSync(stamp).mtimeMs);
  if (fresh) return;
  if (!quiet) console.log('Building the console (electron-vite build)…');
  const result = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
    cwd: root,
    stdio: quiet ? 'pipe' : 'inherit',
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    if (quiet) process.stderr.write(result.stdout + result.stderr);
    throw new Error('The build failed (see above).');
  }
  writeFileSync(stamp, new Date().toISOString());
}
