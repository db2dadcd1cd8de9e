// Build once for every spec (a no-op when out/ is fresh).
import { join } from 'node:path';
// @ts-expect-error plain ESM script without types
import { buildIfNeeded } from '../scripts/build-if-needed.mjs';

export default function globalSetup(): void {
  (buildIfNeeded as (root: string, options: { quiet: boolean }) => void)(join(import.meta.dirname, '..'), { quiet: true });
}
