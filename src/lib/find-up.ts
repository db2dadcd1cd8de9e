/**
 * The first `relative` path found walking up from `from` (at most 8 levels),
 * so a module finds the project's files from the source tree, from `out/main`
 * and from inside `app.asar` alike.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function findUp(from: string, relative: string): string | undefined {
  let dir = from;
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, relative);
    if (existsSync(candidate)) return candidate;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return undefined;
}
