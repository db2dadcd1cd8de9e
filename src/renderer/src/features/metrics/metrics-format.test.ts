import { describe, expect, it } from 'vitest';
import { formatTick, formatUsd, formatValue, tileDelta } from './metrics-format';

describe('metrics formatting', () => {
  it('writes units', () => {
    expect(formatValue(1234, 'count')).toBe('1,234');
    expect(formatValue(850, 'ms')).toBe('850 ms');
    expect(formatValue(12_500, 'ms')).toBe('12.5 s');
    expect(formatValue(2.345, 'percent')).toBe('2.3%');
    expect(formatValue(null, 'ms')).toBe('–');
    expect(formatUsd(0.00123)).toBe('$0.0012');
    expect(formatUsd(1234.5)).toBe('$1,234.50');
  });

  it('tells a rise of errors as bad, of invocations as neutral, and error rate in points', () => {
    expect(tileDelta({ id: 'p99', label: 'p99', unit: 'ms', now: 200, previous: 100 })).toEqual({ text: '+100%', direction: 'up', tone: 'bad' });
    expect(tileDelta({ id: 'cost', label: 'Cost', unit: 'usd', now: 50, previous: 100 })).toEqual({ text: '−50%', direction: 'down', tone: 'good' });
    expect(tileDelta({ id: 'invocations', label: 'Invocations', unit: 'count', now: 5, previous: 4 })?.tone).toBe('neutral');
    expect(tileDelta({ id: 'errorRate', label: 'Error rate', unit: 'percent', now: 3, previous: 1 })?.text).toBe('+2 pts');
    expect(tileDelta({ id: 'invocations', label: 'Invocations', unit: 'count', now: 5, previous: null })).toBeNull();
    expect(tileDelta({ id: 'invocations', label: 'Invocations', unit: 'count', now: 5, previous: 0 })?.text).toBe('new');
  });
});

describe('axis ticks', () => {
  it('keeps one unit per magnitude and leaves usage units to the title', () => {
    expect(formatTick(7_000, 'ms')).toBe('7 s');
    expect(formatTick(500, 'ms')).toBe('500 ms');
    expect(formatTick(0.0018, 'vcpu-hours')).toBe('0.0018');
  });
});
