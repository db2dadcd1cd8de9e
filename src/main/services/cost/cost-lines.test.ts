import { describe, expect, it } from 'vitest';
import type { PriceTable } from '../../../shared/metrics';
import { breakdown, costLine, monthEndProjection, perQuantity, runtimeUsages } from './cost-lines';

const table: PriceTable = {
  source: 'https://aws.amazon.com/bedrock/agentcore/pricing/',
  checked: '2026-12-01',
  region: 'us-east-1',
  entries: [
    { id: 'runtime.cpu', label: 'Runtime CPU', usd: 0.0895, per: 'vCPU-hour' },
    { id: 'runtime.memory', label: 'Runtime memory', usd: 0.00945, per: 'GB-hour' },
    { id: 'memory.events', label: 'Memory, short-term events', usd: 0.25, per: '1,000 events' },
  ],
  overridden: [],
  errors: [],
};

describe('cost arithmetic', () => {
  it('reads the quantity a price is quoted per', () => {
    expect(perQuantity('vCPU-hour')).toBe(1);
    expect(perQuantity('1,000 events')).toBe(1000);
    expect(perQuantity('100 tools per month')).toBe(100);
  });

  it('prices runtime usage as hand-computed', () => {
    // 12.5 × 0.0895 = 1.11875; 40 × 0.00945 = 0.378; total 1.49675
    const cost = breakdown(runtimeUsages(12.5, 40, 'test'), table, []);
    expect(cost.lines.map((l) => l.usd)).toEqual([expect.closeTo(1.11875, 10), expect.closeTo(0.378, 10)]);
    expect(cost.totalUsd).toBeCloseTo(1.49675, 10);
    expect(cost.lines[0]!.formula).toBe('12.5 vCPU-hours × $0.0895 per vCPU-hour');
    expect(cost.lines[0]!.inputs.map((i) => i.value)).toEqual([12.5, 0.0895]);
    expect(cost.lines[0]!.lagging).toMatch(/an hour/);
  });

  it('divides by the quoted quantity', () => {
    // 12,345 / 1,000 × 0.25 = 3.08625
    const line = costLine({ id: 'e', label: 'Events', priceId: 'memory.events', quantity: 12_345, unit: 'events', source: 's' }, table.entries[2]!);
    expect(line.usd).toBeCloseTo(3.08625, 10);
    expect(line.formula).toBe('12,345 events ÷ 1,000 × $0.25 per 1,000 events');
  });

  it('says what it cannot price instead of costing zero', () => {
    const cost = breakdown([{ id: 'x', label: 'Gateway search', priceId: 'gateway.search', quantity: 5, unit: 'searches', source: 's' }], table, ['other']);
    expect(cost.totalUsd).toBe(0);
    expect(cost.lines).toEqual([]);
    expect(cost.notIncluded).toEqual(['Gateway search not included: the price table has no usable entry gateway.search', 'other']);
  });

  it('extrapolates the month linearly', () => {
    // $10 over the first 10 days of a 31-day month → $31
    const p = monthEndProjection(10, Date.UTC(2026, 11, 11));
    expect(p!.usd).toBeCloseTo(31, 10);
    expect(p!.formula).toMatch(/since 2026-12-01 over 10 days, extrapolated linearly: × 31 ÷ 10 days/);
    expect(monthEndProjection(10, Date.UTC(2026, 11, 1))).toBeNull();
  });
});
