import { describe, expect, it } from 'vitest';
import { errorRateError, p99Error } from './slo-checks';

describe('SLO editor checks', () => {
  it('accepts what main accepts and says why otherwise', () => {
    expect(errorRateError('2.5')).toBeUndefined();
    expect(errorRateError('')).toBe('Enter a number.');
    expect(errorRateError('101')).toMatch(/0 and 100/);
    expect(p99Error('3000')).toBeUndefined();
    expect(p99Error('0')).toMatch(/1 ms/);
    expect(p99Error('12.5')).toBe('Whole milliseconds.');
    expect(p99Error('abc')).toBe('Enter a number.');
  });
});
