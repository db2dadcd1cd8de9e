import { describe, expect, it } from 'vitest';
import type { FleetResource } from '../../../shared/fleet';
import { openMemoryDatabase } from '../store/database';
import { FleetCache } from './fleet-cache';

const resource = (i: number, status = 'READY'): FleetResource => ({
  key: `demo|us-east-1|runtime|r-${i}`,
  kind: 'runtime',
  id: `r-${i}`,
  arn: `arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/r-${i}`,
  name: `agent_${i}`,
  profile: 'demo',
  accountId: '123456789012',
  region: 'us-east-1',
  status,
  health: 'ok',
});

describe('fleet cache', () => {
  it('writes a small diff at once', () => {
    const cache = new FleetCache(openMemoryDatabase());
    void cache.apply([resource(1)], [], [], 1000);
    expect(cache.load()).toEqual({ resources: [resource(1)], asOf: 1000 });
  });

  it('writes a large diff over several event-loop turns, its as-of time last', async () => {
    const db = openMemoryDatabase();
    const cache = new FleetCache(db);
    const big = Array.from({ length: 1500 }, (_, i) => resource(i));
    const written = cache.apply(big, [], [], 2000);
    // Part of it may be on disk already, but never the as-of time before all of it is.
    expect(cache.load().asOf).toBeNull();
    await new Promise((resolve) => setImmediate(resolve));
    const midway = cache.load();
    expect(midway.resources.length).toBeGreaterThan(0);
    expect(midway.resources.length).toBeLessThan(1500);
    expect(midway.asOf).toBeNull();
    await written;
    expect(cache.load().resources).toHaveLength(1500);
    expect(cache.load().asOf).toBe(2000);
  });

  it('keeps diffs in the order they were made while a large one is being written', async () => {
    const cache = new FleetCache(openMemoryDatabase());
    void cache.apply(
      Array.from({ length: 900 }, (_, i) => resource(i)),
      [],
      [],
      3000,
    );
    void cache.apply([resource(5, 'UPDATING')], ['demo|us-east-1|runtime|r-6'], [], 3100);
    await cache.flushed();
    const { resources, asOf } = cache.load();
    expect(resources).toHaveLength(899);
    expect(resources.find((r) => r.id === 'r-5')?.status).toBe('UPDATING');
    expect(asOf).toBe(3100);
  });
});
