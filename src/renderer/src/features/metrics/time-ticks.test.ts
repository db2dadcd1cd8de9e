import { describe, expect, it } from 'vitest';
import { tickLabel, timeTicks } from './time-ticks';

const HOUR = 3_600_000;
const start = new Date(2026, 10, 24, 13, 37).getTime();

describe('time axis ticks', () => {
  it('keeps a 7-day range to a few midnights, labelled by date', () => {
    const { ticks, step } = timeTicks(start, start + 7 * 24 * HOUR);
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    expect(ticks.length).toBeLessThanOrEqual(6);
    for (const t of ticks) expect(new Date(t).getHours() * 60 + new Date(t).getMinutes()).toBe(0);
    expect(tickLabel(ticks[0]!, step, 7 * 24 * HOUR)).toBe('Nov 25');
  });

  it('puts an hour on round quarter hours, labelled by time of day', () => {
    const { ticks, step } = timeTicks(start, start + HOUR);
    expect(step).toBe(15 * 60_000);
    expect(ticks.map((t) => new Date(t).getMinutes())).toEqual([45, 0, 15, 30]);
    expect(tickLabel(ticks[1]!, step, HOUR)).toBe('02:00 PM');
  });

  it('never leaves the range and never exceeds the budget', () => {
    for (const span of [60_000, 6 * HOUR, 24 * HOUR, 30 * 24 * HOUR, 400 * 24 * HOUR]) {
      const { ticks } = timeTicks(start, start + span, 6);
      expect(ticks.length).toBeLessThanOrEqual(7);
      expect(ticks.every((t) => t >= start && t <= start + span)).toBe(true);
    }
  });
});

describe('time ticks for a short load-test run', () => {
  it('steps in seconds and labels them with seconds', () => {
    const start = new Date(2026, 11, 1, 22, 0, 3).getTime();
    const { ticks, step } = timeTicks(start, start + 90_000);
    expect(step).toBe(15_000);
    expect(ticks.length).toBeGreaterThan(3);
    expect(tickLabel(ticks[0]!, step, 90_000)).toMatch(/^\d{2}:\d{2}:\d{2}/);
  });
});
