import { describe, expect, it } from 'vitest';
import type { FleetResource } from '../../../shared/fleet';
import { fastLaneResources, type TransitionalSince } from './fast-lane';

const runtime = (id: string, status: string, endpointStatus = 'READY'): FleetResource => ({
  key: `demo|us-east-1|runtime|${id}`,
  kind: 'runtime',
  id,
  arn: `arn:aws:bedrock-agentcore:us-east-1:111122223333:runtime/${id}`,
  name: id,
  profile: 'demo',
  accountId: '111122223333',
  region: 'us-east-1',
  status,
  health: 'ok',
  endpoints: [{ name: 'DEFAULT', status: endpointStatus }],
});

const WINDOW = 180_000;

describe('fastLaneResources', () => {
  it('picks resources in a transitional state, or with an endpoint in one, and leaves steady ones and pending sign-ins out', () => {
    const { busy } = fastLaneResources(
      [runtime('a', 'UPDATING'), runtime('b', 'READY', 'CREATING'), runtime('c', 'READY'), runtime('d', 'CREATE_PENDING_AUTH')],
      new Map(),
      0,
      WINDOW,
    );
    expect(busy.map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('drops a resource stuck in the same state past the window, and takes it back once its state moves on', () => {
    let since: TransitionalSince = new Map();
    ({ since } = fastLaneResources([runtime('a', 'UPDATING')], since, 0, WINDOW));
    const stuck = fastLaneResources([runtime('a', 'UPDATING')], since, WINDOW + 1, WINDOW);
    expect(stuck.busy).toEqual([]);
    const moved = fastLaneResources([runtime('a', 'UPDATING', 'UPDATING')], stuck.since, WINDOW + 2, WINDOW);
    expect(moved.busy.map((r) => r.id)).toEqual(['a']);
  });

  it('forgets resources that are no longer busy', () => {
    const first = fastLaneResources([runtime('a', 'UPDATING')], new Map(), 0, WINDOW);
    expect([...fastLaneResources([runtime('a', 'READY')], first.since, 1, WINDOW).since.keys()]).toEqual([]);
  });
});
