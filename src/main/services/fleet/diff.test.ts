import { describe, expect, it } from 'vitest';
import type { FleetResource } from '../../../shared/fleet';
import { diffCell } from './diff';

const runtime = (id: string, status: string, version = '1'): FleetResource => ({
  key: `demo|us-east-1|runtime|${id}`,
  kind: 'runtime',
  id,
  arn: `arn:aws:bedrock-agentcore:us-east-1:111122223333:runtime/${id}`,
  name: id,
  profile: 'demo',
  accountId: '111122223333',
  region: 'us-east-1',
  status,
  health: status === 'READY' ? 'ok' : 'pending',
  version,
});

describe('diffCell', () => {
  it('reports new resources and their first status', () => {
    const diff = diffCell([], [runtime('a', 'READY')], 10);
    expect(diff.upserted.map((r) => r.id)).toEqual(['a']);
    expect(diff.transitions).toEqual([{ resourceKey: runtime('a', 'READY').key, from: null, to: 'READY', at: 10 }]);
  });

  it('sends nothing for an unchanged resource', () => {
    expect(diffCell([runtime('a', 'READY')], [runtime('a', 'READY')], 10)).toEqual({ upserted: [], removed: [], transitions: [] });
  });

  it('sends nothing for the same resource read back with its fields in another order (the cache does that)', () => {
    const polled = runtime('a', 'READY');
    const reordered = Object.fromEntries(Object.entries(polled).reverse()) as unknown as FleetResource;
    expect(diffCell([reordered], [polled], 20).upserted).toEqual([]);
  });

  it('records a status transition and a removal', () => {
    const diff = diffCell([runtime('a', 'READY'), runtime('b', 'READY')], [runtime('a', 'UPDATING')], 20);
    expect(diff.upserted.map((r) => r.status)).toEqual(['UPDATING']);
    expect(diff.removed).toEqual([runtime('b', 'READY').key]);
    expect(diff.transitions).toEqual([{ resourceKey: runtime('a', 'READY').key, from: 'READY', to: 'UPDATING', at: 20 }]);
  });

  it('sends a changed version without inventing a status transition', () => {
    const diff = diffCell([runtime('a', 'READY', '1')], [runtime('a', 'READY', '2')], 30);
    expect(diff.upserted).toHaveLength(1);
    expect(diff.transitions).toEqual([]);
  });

  it('compares endpoints by content: a fresh but equal list is no change, one endpoint moving is', () => {
    const endpoint = (status: string) => ({ name: 'DEFAULT', status, liveVersion: '1', targetVersion: '1' });
    const before = { ...runtime('a', 'READY'), endpoints: [endpoint('READY')] };
    expect(diffCell([before], [{ ...runtime('a', 'READY'), endpoints: [endpoint('READY')] }], 40).upserted).toEqual([]);
    const moved = diffCell([before], [{ ...runtime('a', 'READY'), endpoints: [endpoint('UPDATING')] }], 40);
    expect(moved.upserted.map((r) => r.endpoints?.[0]?.status)).toEqual(['UPDATING']);
  });

  it('sends a field that appeared or went away', () => {
    const described = { ...runtime('a', 'READY'), description: 'nightly' };
    expect(diffCell([runtime('a', 'READY')], [described], 50).upserted).toEqual([described]);
    expect(diffCell([described], [runtime('a', 'READY')], 50).upserted).toHaveLength(1);
  });
});
