import { describe, expect, it } from 'vitest';
import { World } from './world';

const anchor = Date.UTC(2026, 10, 28, 12);

describe('World', () => {
  it('is a pure function of the seed', () => {
    const a = new World({ seed: 1, anchor });
    const b = new World({ seed: 1, anchor });
    const c = new World({ seed: 2, anchor });
    expect(b.runtimes()).toEqual(a.runtimes());
    expect(b.memories()).toEqual(a.memories());
    expect(c.runtimes()[0]!.arn).not.toBe(a.runtimes()[0]!.arn);
    expect(a.accountId).toMatch(/^[1-9]\d{11}$/);
  });

  it('links memory-backed runtimes to memories of the same region', () => {
    const w = new World({ seed: 1, anchor });
    for (const region of w.regions()) {
      const memoryIds = new Set(w.memories(region).map((m) => m.id));
      for (const r of w.runtimes(region)) if (r.memoryId) expect(memoryIds.has(r.memoryId)).toBe(true);
    }
  });

  it('generates scaled resources on demand and finds them by id or ARN', () => {
    const w = new World({ seed: 1, scale: 200, anchor });
    const listing = w.runtimeListing('us-west-2');
    expect(listing.length).toBe(3 + 200);
    const r = listing.at(3 + 150);
    expect(r.name).toBe('fleet_agent_0150');
    expect(w.findRuntime('us-west-2', r.id)).toEqual(r);
    expect(w.findRuntime('us-west-2', r.arn)).toEqual(r);
    expect(w.findRuntime('us-east-1', r.arn)).toBeUndefined();
    expect(w.findRuntime('us-west-2', 'fleet_agent_0150-AAAAAAAAAA')).toBeUndefined();
    expect(w.findRuntime('us-west-2', 'fleet_agent_0999-AAAAAAAAAA')).toBeUndefined();
    const m = w.memoryListing('us-west-2').at(1 + 40);
    expect(w.findMemory('us-west-2', m.id)?.name).toBe(m.name);
    const g = w.gatewayListing('us-west-2').at(1 + 10);
    expect(w.findGateway('us-west-2', g.id)?.name).toBe(g.name);
  });

  it('keeps the seeded demo states the console has to show', () => {
    const w = new World({ seed: 3, anchor });
    const east = w.runtimes('us-east-1');
    expect(east.some((r) => r.status === 'UPDATE_FAILED')).toBe(true);
    const targets = w.gatewayListing('us-east-1');
    const statuses = Array.from({ length: targets.length }, (_, i) => targets.at(i)).flatMap((g) => g.targets.map((t) => t.status));
    expect(statuses).toContain('CREATE_PENDING_AUTH');
  });
});
