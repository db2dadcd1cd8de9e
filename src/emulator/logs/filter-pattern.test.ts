import { describe, expect, it } from 'vitest';
import { compileFilterPattern, FilterPatternError } from './filter-pattern';

const lines = {
  error: '2026-11-28T12:00:00Z ERROR payment timeout after 30s',
  warn: '2026-11-28T12:00:01Z WARN slow response from tool',
  info: '2026-11-28T12:00:02Z INFO healthcheck ok',
  json: JSON.stringify({ level: 'ERROR', latencyMs: 2400, session: { id: 'abc' }, tags: ['x'], ok: false, gone: null }),
  jsonInfo: JSON.stringify({ level: 'INFO', latencyMs: 120 }),
};
const run = (p: string) =>
  Object.entries(lines)
    .filter(([, l]) => compileFilterPattern(p)(l))
    .map(([k]) => k);

describe('compileFilterPattern', () => {
  it('matches everything when empty', () => {
    expect(run('')).toHaveLength(5);
  });

  it('ANDs plain terms and honours quoted phrases, case-sensitively', () => {
    expect(run('ERROR timeout')).toEqual(['error']);
    expect(run('"slow response"')).toEqual(['warn']);
    expect(run('error')).toEqual([]);
  });

  it('ORs ?terms and excludes -terms', () => {
    expect(run('?ERROR ?WARN')).toEqual(['error', 'warn', 'json']);
    expect(run('2026 -healthcheck')).toEqual(['error', 'warn']);
  });

  it('supports %regex%', () => {
    expect(run('%WA?RN%')).toEqual(['warn']);
  });

  it('evaluates JSON selectors with comparisons, wildcards and boolean logic', () => {
    expect(run('{ $.level = "ERROR" }')).toEqual(['json']);
    expect(run('{ $.level != "ERROR" }')).toEqual(['jsonInfo']);
    expect(run('{ $.latencyMs > 1000 }')).toEqual(['json']);
    expect(run('{ $.level = "INF*" || $.latencyMs >= 2400 }')).toEqual(['json', 'jsonInfo']);
    expect(run('{ ($.level = ERROR) && $.session.id = "abc" }')).toEqual(['json']);
    expect(run('{ $.tags[0] = "x" }')).toEqual(['json']);
    expect(run('{ $.ok IS FALSE }')).toEqual(['json']);
    expect(run('{ $.gone IS NULL }')).toEqual(['json']);
    expect(run('{ $.session NOT EXISTS }')).toEqual(['jsonInfo']);
  });

  it('rejects malformed patterns', () => {
    for (const bad of ['"unterminated', '{ $.level = ', '{ level = "x" }', '{ $.a = "b" ', '[ip, user]', 'a{b', '{ $.a > "x" }']) {
      expect(() => compileFilterPattern(bad), bad).toThrow(FilterPatternError);
    }
  });
});
