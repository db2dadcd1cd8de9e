import { describe, expect, it } from 'vitest';
import type { RuntimeView } from '../core/types';
import { mix, Rng } from './rng';
import { diurnalFactor, MINUTE_MS, syntheticMinute } from './traffic';

describe('Rng', () => {
  it('is a pure function of seed and key parts', () => {
    expect(Rng.for(1, 'a', 2).uuid()).toBe(Rng.for(1, 'a', 2).uuid());
    expect(Rng.for(1, 'a', 2).uuid()).not.toBe(Rng.for(2, 'a', 2).uuid());
    expect(Rng.for(1, 'a', 2).next()).not.toBe(Rng.for(1, 'a', 3).next());
    expect(mix(1, 2, 3)).toBe(mix(1, 2, 3));
    expect(mix(1, 2, 3)).not.toBe(mix(1, 3, 2));
  });

  it('makes RFC 4122-shaped ids and bounded integers', () => {
    const rng = Rng.for(9, 'ids');
    expect(rng.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    for (let i = 0; i < 200; i++) {
      const n = rng.int(3, 5);
      expect(n >= 3 && n <= 5).toBe(true);
    }
  });

  it('makes AWS-style id suffixes over a given alphabet', () => {
    expect(Rng.for(9, 'id').chars(10)).toMatch(/^[A-Za-z0-9]{10}$/);
    expect(Rng.for(9, 'id').chars(12, '0123456789')).toMatch(/^\d{12}$/);
  });
});

describe('synthetic traffic', () => {
  const rt: RuntimeView = {
    id: 'agent-AbCdEfGhIj',
    arn: 'arn',
    name: 'agent',
    region: 'us-east-1',
    accountId: '1',
    status: 'READY',
    endpointNames: ['DEFAULT'],
    createdAt: 0,
  };
  const noon = Date.UTC(2026, 10, 25, 12);

  it('is deterministic, inside its minute and coherent', () => {
    const a = syntheticMinute(3, rt, 'DEFAULT', noon);
    const b = syntheticMinute(3, rt, 'DEFAULT', noon);
    expect(a.map((i) => [i.startedAt, i.latencyMs, i.outcome, i.sessionId])).toEqual(b.map((i) => [i.startedAt, i.latencyMs, i.outcome, i.sessionId]));
    for (let m = noon; m < noon + 60 * MINUTE_MS; m += MINUTE_MS) {
      for (const inv of syntheticMinute(3, rt, 'DEFAULT', m)) {
        expect(inv.startedAt).toBeGreaterThanOrEqual(m);
        expect(inv.startedAt).toBeLessThan(m + MINUTE_MS);
        if (inv.outcome !== 'ok') expect(inv.outputTokens).toBe(0);
      }
    }
  });

  it('is quiet before a runtime exists and at night, busy in the afternoon', () => {
    expect(syntheticMinute(3, { ...rt, createdAt: noon + 1 }, 'DEFAULT', noon)).toEqual([]);
    expect(diurnalFactor(Date.UTC(2026, 10, 25, 3))).toBeLessThan(diurnalFactor(Date.UTC(2026, 10, 25, 15)));
    expect(diurnalFactor(Date.UTC(2026, 10, 28, 15))).toBeLessThan(diurnalFactor(Date.UTC(2026, 10, 25, 15))); // Saturday
  });
});
