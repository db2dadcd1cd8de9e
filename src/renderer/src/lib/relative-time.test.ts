import { describe, expect, it } from 'vitest';
import { formatRelative } from './relative-time';

const now = Date.UTC(2026, 0, 15, 12, 0, 0);
const ago = (ms: number): number => now - ms;

describe('formatRelative', () => {
  it.each([
    [0, 'just now'],
    [30_000, 'just now'],
    [-60_000, 'just now'],
    [3 * 60_000, '3 min ago'],
    [59 * 60_000, '59 min ago'],
    [2 * 3_600_000, '2 h ago'],
    [5 * 86_400_000, '5 d ago'],
  ])('%i ms ago reads "%s"', (ms, expected) => {
    expect(formatRelative(ago(ms), now)).toBe(expected);
  });

  it('shows a date for anything older than about two months', () => {
    expect(formatRelative(Date.UTC(2025, 5, 1), now)).toBe('2025-06-01');
  });
});
