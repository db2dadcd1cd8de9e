import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findUp } from './find-up';

describe('findUp', () => {
  it('finds the nearest ancestor holding the path, and nothing when none does', () => {
    const root = mkdtempSync(join(tmpdir(), 'find-up-'));
    const deep = join(root, 'out', 'main', 'chunks');
    mkdirSync(deep, { recursive: true });
    mkdirSync(join(root, 'resources'));
    writeFileSync(join(root, 'resources', 'pricing.json'), '{}');
    expect(findUp(deep, join('resources', 'pricing.json'))).toBe(join(root, 'resources', 'pricing.json'));
    expect(findUp(deep, join('resources', 'missing.json'))).toBeUndefined();
  });
});
