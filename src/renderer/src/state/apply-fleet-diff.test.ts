import { describe, expect, it } from 'vitest';
import type { FleetCell, FleetResource, FleetSnapshot } from '../../../shared/fleet';
import { applyFleetDiff, replayPendingDiffs } from './apply-fleet-diff';

const resource = (id: string, status = 'READY'): FleetResource => ({
  key: `p|us-east-1|runtime|${id}`,
  kind: 'runtime',
  id,
  arn: `arn:aws:bedrock-agentcore:us-east-1:111122223333:runtime/${id}`,
  name: id,
  profile: 'p',
  accountId: '111122223333',
  region: 'us-east-1',
  status,
  health: status === 'READY' ? 'ok' : 'pending',
});
const cell: FleetCell = { profile: 'p', region: 'us-east-1', state: 'ok', polledAt: 1 };
const snapshot = (resources: FleetResource[], asOf: number | null = 100): FleetSnapshot => ({ resources, cells: [cell], asOf, fromCache: true });

describe('applyFleetDiff', () => {
  it('replaces upserted resources in place, appends new ones and drops removed keys', () => {
    const [a, b, c] = [resource('a'), resource('b'), resource('c')];
    const next = applyFleetDiff(snapshot([a, b, c]), {
      upserted: [resource('b', 'UPDATING'), resource('d')],
      removed: [a.key],
      cells: [],
      asOf: 200,
    });
    expect(next.resources.map((r) => [r.id, r.status])).toEqual([
      ['b', 'UPDATING'],
      ['c', 'READY'],
      ['d', 'READY'],
    ]);
    expect(next.asOf).toBe(200);
    expect(next.fromCache).toBe(false);
  });

  it('replaces the cell list and leaves the input snapshot untouched', () => {
    const before = snapshot([resource('a')]);
    const errorCell: FleetCell = { profile: 'p', region: 'eu-west-1', state: 'error', error: { code: 'AccessDenied', message: 'no' } };
    const next = applyFleetDiff(before, { upserted: [], removed: [], cells: [errorCell], asOf: 300 });
    expect(next.cells).toEqual([errorCell]);
    expect(before.cells).toEqual([cell]);
  });

  it('ignores a resource that is both upserted and removed in one diff', () => {
    const next = applyFleetDiff(snapshot([]), { upserted: [resource('x')], removed: [resource('x').key], cells: [], asOf: 1 });
    expect(next.resources).toEqual([]);
  });
});

describe('replayPendingDiffs', () => {
  it('applies only diffs newer than the snapshot', () => {
    const next = replayPendingDiffs(snapshot([resource('a')], 100), [
      { upserted: [resource('old')], removed: [], cells: [cell], asOf: 90 },
      { upserted: [resource('new')], removed: [], cells: [cell], asOf: 110 },
    ]);
    expect(next.resources.map((r) => r.id)).toEqual(['a', 'new']);
  });

  it('applies every diff when the snapshot has no time yet', () => {
    const next = replayPendingDiffs(snapshot([], null), [{ upserted: [resource('a')], removed: [], cells: [cell], asOf: 5 }]);
    expect(next.resources).toHaveLength(1);
  });
});
