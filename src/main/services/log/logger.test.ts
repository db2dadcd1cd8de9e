import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger';

describe('logger', () => {
  it('rotates its file by size, keeping one previous file, and children write to the same file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'logger-')), 'console.log');
    const logger = createLogger({ file, maxFileBytes: 2_000 });
    const child = logger.child({ service: 'fleet' });
    for (let i = 0; i < 100; i++) (i % 2 ? child : logger).warn('rejected request without a valid access token', { n: i });
    expect(statSync(file).size).toBeLessThanOrEqual(2_000);
    expect(statSync(`${file}.1`).size).toBeLessThanOrEqual(2_000);
    const last = readFileSync(file, 'utf8').trim().split('\n').at(-1) ?? '';
    expect(JSON.parse(last)).toMatchObject({ level: 'warn', service: 'fleet', n: 99 });
  });

  it('never writes a secret it is handed', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'logger-')), 'console.log');
    createLogger({ file }).info('signed in', { accessToken: 'eyJhbGciOiJIUzI1NiJ9.secret.value', profile: 'ops' });
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('"profile":"ops"');
    expect(text).not.toContain('eyJhbGciOiJIUzI1NiJ9.secret.value');
  });
});
