import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/errors';
import { periodFor, resolveRange } from './metric-range';

const NOW = Date.UTC(2026, 11, 1, 12, 0, 30);
const H = 3_600_000;
const D = 24 * H;

describe('resolveRange', () => {
  it('picks periods that keep about 1,440 points', () => {
    expect(resolveRange({ preset: '1h' }, NOW).periodSeconds).toBe(60);
    expect(resolveRange({ preset: '6h' }, NOW).periodSeconds).toBe(60);
    expect(resolveRange({ preset: '24h' }, NOW).periodSeconds).toBe(60);
    expect(resolveRange({ preset: '7d' }, NOW).periodSeconds).toBe(600);
    for (const preset of ['1h', '6h', '24h', '7d'] as const) {
      const r = resolveRange({ preset }, NOW);
      expect((r.endTime - r.startTime) / (r.periodSeconds * 1000)).toBeLessThanOrEqual(1441);
      expect(r.startTime % (r.periodSeconds * 1000)).toBe(0);
      expect(r.previousStart).toBe(r.startTime - (r.endTime - r.startTime));
    }
  });

  it('respects the retention tiers for old data', () => {
    expect(periodFor(2 * H, NOW - 20 * D, NOW) % 300).toBe(0);
    expect(periodFor(2 * H, NOW - 100 * D, NOW) % 3600).toBe(0);
  });

  it('cuts a range older than 455 days and says so', () => {
    const r = resolveRange({ startTime: NOW - 600 * D, endTime: NOW - D }, NOW);
    expect(r.notices.map((n) => n.code)).toEqual(['range_clamped']);
    expect(r.startTime).toBeGreaterThanOrEqual(NOW - 455 * D - 3600_000);
    expect(r.previousStart).toBeNull();
    expect(r.periodSeconds % 3600).toBe(0);
  });

  it('refuses a range in the future, and cuts one that ends in it', () => {
    expect(() => resolveRange({ startTime: NOW + H, endTime: NOW + 2 * H }, NOW)).toThrow(ApiError);
    expect(() => resolveRange({ startTime: NOW + H, endTime: NOW + 2 * H }, NOW)).toThrow(/from the future/);
    const r = resolveRange({ startTime: NOW - H, endTime: NOW + 5 * H }, NOW);
    expect(r.notices[0]?.code).toBe('range_clamped');
    expect(r.endTime).toBeLessThanOrEqual(NOW + 60_000);
  });
});
