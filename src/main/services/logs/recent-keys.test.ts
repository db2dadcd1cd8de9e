import { describe, expect, it } from 'vitest';
import { FullLines } from './full-lines';
import { RecentKeys } from './recent-keys';

describe('RecentKeys', () => {
  it('admits a key once across re-reads while it is inside the window', () => {
    const keys = new RecentKeys(1000);
    expect(keys.admit('a', 100, keys.pass())).toBe(true);
    expect(keys.admit('a', 100, keys.pass())).toBe(false);
    keys.admit('b', 5000, keys.pass());
    keys.prune();
    expect(keys.size).toBe(1);
    expect(keys.admit('a', 100, keys.pass())).toBe(true); // outside the window: no re-read starts that far back
  });

  it('keeps identical lines of the same millisecond, and still drops them when re-read', () => {
    const keys = new RecentKeys(60_000);
    const live = keys.pass();
    expect([1, 2, 3].map(() => keys.admit('same', 10, live))).toEqual([true, true, true]);
    const gapFill = keys.pass();
    expect([1, 2, 3].map(() => keys.admit('same', 10, gapFill))).toEqual([false, false, false]);
    expect(keys.admit('same', 10, gapFill)).toBe(true); // a fourth one only the history read saw
  });

  it('forgets what one long live session saw once it is behind the window (the session holds no counts of its own)', () => {
    const keys = new RecentKeys(1000);
    const session = keys.pass();
    for (let t = 0; t < 100_000; t++) {
      keys.admit(`k${t}`, t, session);
      if (t % 100 === 0) keys.prune();
    }
    expect(keys.size).toBeLessThanOrEqual(1100);
  });

  it('stays within its count cap on a flood of distinct lines', () => {
    const keys = new RecentKeys(60_000, 1000);
    const pass = keys.pass();
    for (let i = 0; i < 10_000; i++) keys.admit(`k${i}`, 1000, pass);
    expect(keys.size).toBeLessThanOrEqual(1000);
    expect(keys.admit('k9999', 1000, keys.pass())).toBe(false); // the newest survive
  });
});

describe('FullLines', () => {
  it('keeps texts within its budget, oldest out first', () => {
    const lines = new FullLines(10);
    lines.keep('a', '12345');
    lines.keep('b', '123456');
    expect(lines.get('a')).toBeUndefined();
    expect(lines.get('b')).toBe('123456');
    lines.keep('huge', 'x'.repeat(11));
    expect(lines.get('huge')).toBeUndefined();
    expect(lines.get('b')).toBe('123456');
  });
});
