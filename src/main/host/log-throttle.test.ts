import { describe, expect, it } from 'vitest';
import { createLogThrottle } from './log-throttle';

describe('log throttle', () => {
  it('writes at most N lines a window, then says how many it left out', () => {
    let clock = 0;
    const throttle = createLogThrottle(3, 60_000, () => clock);
    const lines: number[] = [];
    for (let i = 0; i < 500; i++) throttle((suppressed) => lines.push(suppressed));
    expect(lines).toEqual([0, 0, 0]);
    clock = 60_000;
    throttle((suppressed) => lines.push(suppressed));
    expect(lines).toEqual([0, 0, 0, 497]);
  });
});
