import { describe, expect, it } from 'vitest';
import type { LogEntry } from './log-entry';
import { compileHighlight, filterEntries, markRuns, MAX_MARKS, NO_FILTER } from './log-filter';
import { testEntries, testLine } from './test-lines';

const matcherOf = (input: string) => {
  const compiled = compileHighlight(input);
  if (!compiled.matcher) throw new Error(`no matcher for ${input}`);
  return compiled.matcher;
};

describe('highlight', () => {
  it('is case-insensitive text, or a regex between slashes with its flags', () => {
    expect(markRuns('Invocation TIMED out', matcherOf('timed'))).toEqual([
      { text: 'Invocation ', mark: false },
      { text: 'TIMED', mark: true },
      { text: ' out', mark: false },
    ]);
    expect(
      markRuns('a1 b22 c333', matcherOf('/\\d+/'))
        .filter((r) => r.mark)
        .map((r) => r.text),
    ).toEqual(['1', '22', '333']);
    expect(markRuns('Error error', matcherOf('/error/')).filter((r) => r.mark)).toHaveLength(1);
    expect(markRuns('Error error', matcherOf('/error/i')).filter((r) => r.mark)).toHaveLength(2);
    // A path is text, not a regex with flags "v1".
    expect(
      markRuns('GET /api/v1/x', matcherOf('/api/v1'))
        .filter((r) => r.mark)
        .map((r) => r.text),
    ).toEqual(['/api/v1']);
  });

  it('says why a regex is invalid, and nothing is highlighted for blank input', () => {
    const bad = compileHighlight('/(unclosed/');
    expect(bad.matcher).toBeNull();
    expect(bad.error).toMatch(/Not a valid regular expression/);
    expect(compileHighlight('  ')).toEqual({ matcher: null, error: null });
  });

  it('survives empty matches and caps the marks per line', () => {
    expect(markRuns('abc', matcherOf('/x*/'))).toEqual([{ text: 'abc', mark: false }]);
    expect(markRuns('a'.repeat(500), matcherOf('a')).filter((r) => r.mark)).toHaveLength(MAX_MARKS);
  });

  it('tests lines the same way whichever line came before (no lastIndex carried over)', () => {
    const matcher = matcherOf('/line/g');
    const entries = testEntries(5);
    expect(entries.map((e) => matcher.test(e))).toEqual([true, true, true, true, true]);
  });
});

describe('filterEntries', () => {
  const entries: LogEntry[] = [...testEntries(14), { kind: 'gap', id: 99, count: 3 }];

  it('returns the same array when it hides nothing', () => {
    expect(filterEntries(entries, NO_FILTER)).toBe(entries);
    expect(filterEntries(entries, { levels: null, matcher: matcherOf('line'), onlyMatching: false })).toBe(entries);
  });

  it('keeps the chosen levels, and gaps whatever the filter', () => {
    const kept = filterEntries(entries, { levels: new Set(['error']), matcher: null, onlyMatching: false });
    expect(kept.map((e) => (e.kind === 'line' ? e.line.level : 'gap'))).toEqual(['error', 'error', 'gap']);
  });

  it('hides lines the highlight misses only when asked to', () => {
    const kept = filterEntries(entries, { levels: null, matcher: matcherOf('session abc-3'), onlyMatching: true });
    expect(kept.filter((e) => e.kind === 'line').map((e) => (e.kind === 'line' ? e.line.timestamp % 100 : -1))).toEqual([3]);
  });

  it('filters 100,000 lines by level and text in one pass', () => {
    const many = testEntries(100_000);
    const filter = { levels: new Set(['error', 'warn'] as const), matcher: matcherOf('SESSION ABC-7'), onlyMatching: true };
    const kept = filterEntries(many, filter);
    // Levels cycle every 7 lines (warn at 3, error at 4), sessions every 13 (abc-7 at 7 — and abc-7x never, as 13 < 70).
    expect(kept.length).toBe(many.filter((e) => (e.id % 7 === 3 || e.id % 7 === 4) && e.id % 13 === 7).length);
    expect(kept.every((e) => e.kind === 'line' && /session abc-7$/.test(e.line.message))).toBe(true);
  });

  it('treats regex syntax in a text needle as text', () => {
    const line = { kind: 'line' as const, id: 1, line: testLine(1, { message: 'cost is $1.50 (approx.) [est]' }) };
    expect(filterEntries([line], { levels: null, matcher: matcherOf('$1.50 (approx.) [est]'), onlyMatching: true })).toHaveLength(1);
    expect(filterEntries([line], { levels: null, matcher: matcherOf('$1x50'), onlyMatching: true })).toHaveLength(0);
  });

  it('matches a JSON line on its raw text', () => {
    const json = { kind: 'line' as const, id: 1, line: testLine(1, { json: true, message: '{"level":"ERROR","message":"Invocation failed"}' }) };
    expect(filterEntries([json], { levels: null, matcher: matcherOf('invocation failed'), onlyMatching: true })).toHaveLength(1);
  });
});
