import { QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { EventName, Events, MethodName } from '../../../shared/contract';
import type { FleetDiff, FleetResource, FleetSnapshot } from '../../../shared/fleet';
import { defaultSettings } from '../../../shared/settings';
import type { ConnectionState } from '../api/transport';
import { apiQueryKey } from './api-key';
import { fleetListKey } from './fleet-sync';
import { createQueryClient } from './query-client';
import { connectServerState } from './server-sync';

const resource = (id: string): FleetResource => ({
  key: id,
  kind: 'runtime',
  id,
  arn: id,
  name: id,
  profile: 'p',
  accountId: '1',
  region: 'us-east-1',
  status: 'READY',
  health: 'ok',
});

/** A fake client whose fleet.list answers only when the test says so. */
function fakeClient() {
  const listeners = new Map<EventName, (payload: never) => void>();
  let connection: (state: ConnectionState) => void = () => undefined;
  const fleetAnswers: Array<(snapshot: FleetSnapshot) => void> = [];
  const calls: MethodName[] = [];
  const client = {
    call: (method: MethodName) => {
      calls.push(method);
      if (method === 'fleet.list') return new Promise((resolve) => fleetAnswers.push(resolve));
      if (method === 'settings.get') return Promise.resolve(defaultSettings);
      if (method === 'profiles.list') return Promise.resolve({ profiles: [], problems: [] });
      return Promise.resolve({ name: 'x' });
    },
    on: <E extends EventName>(event: E, listener: (payload: Events[E]) => void) => {
      listeners.set(event, listener as (payload: never) => void);
      return () => listeners.delete(event);
    },
    onConnection: (listener: (state: ConnectionState) => void) => {
      connection = listener;
      return () => undefined;
    },
  };
  return {
    client: client as unknown as Parameters<typeof connectServerState>[1],
    emit: <E extends EventName>(event: E, payload: Events[E]) => (listeners.get(event) as ((p: Events[E]) => void) | undefined)?.(payload),
    setConnection: (state: ConnectionState) => connection(state),
    /** Answers the oldest fleet.list still waiting. */
    answerFleet: (snapshot: FleetSnapshot) => fleetAnswers.shift()?.(snapshot),
    calls: (method: MethodName) => calls.filter((m) => m === method).length,
  };
}

const diff = (id: string, asOf: number): FleetDiff => ({ upserted: [resource(id)], removed: [], cells: [], asOf });
const snapshot = (ids: string[], asOf: number): FleetSnapshot => ({ resources: ids.map(resource), cells: [], asOf, fromCache: false });
const ids = (data: FleetSnapshot | undefined) => data?.resources.map((r) => r.id);

function setUp() {
  const fake = fakeClient();
  const queryClient = createQueryClient();
  connectServerState(queryClient, fake.client);
  const fleetLoaded = async (answer: FleetSnapshot): Promise<FleetSnapshot | undefined> => {
    const loading = queryClient.fetchQuery({ queryKey: fleetListKey });
    fake.answerFleet(answer);
    await loading;
    return queryClient.getQueryData<FleetSnapshot>(fleetListKey);
  };
  return { fake, queryClient, fleetLoaded };
}

describe('connectServerState', () => {
  it('loads app info and the fleet at start, and not settings, which a share viewer may not read', () => {
    const { fake } = setUp();
    expect([fake.calls('app.info'), fake.calls('settings.get'), fake.calls('fleet.list')]).toEqual([1, 0, 1]);
  });

  it('keeps diffs pushed while fleet.list is in flight and replays only the newer ones onto its answer', async () => {
    const { fake, fleetLoaded } = setUp();
    fake.emit('fleet.changed', diff('early', 50));
    fake.emit('fleet.changed', diff('late', 150));
    expect(ids(await fleetLoaded(snapshot(['a'], 100)))).toEqual(['a', 'late']);
  });

  it('patches the cached snapshot with diffs once loaded, keeping unchanged resources by reference', async () => {
    const { fake, queryClient, fleetLoaded } = setUp();
    const before = await fleetLoaded(snapshot(['a'], 1));
    fake.emit('fleet.changed', diff('b', 2));
    const after = queryClient.getQueryData<FleetSnapshot>(fleetListKey);
    expect(ids(after)).toEqual(['a', 'b']);
    expect(after?.resources[0]).toBe(before?.resources[0]);
  });

  it('replaces settings.get from settings.changed', async () => {
    const { fake, queryClient } = setUp();
    await queryClient.fetchQuery({ queryKey: apiQueryKey('settings.get', {}) });
    fake.emit('settings.changed', { ...defaultSettings, theme: 'dark' });
    expect(queryClient.getQueryData<typeof defaultSettings>(apiQueryKey('settings.get', {}))?.theme).toBe('dark');
  });

  it('invalidates profiles.list on auth.changed', async () => {
    const { fake, queryClient } = setUp();
    await queryClient.fetchQuery({ queryKey: apiQueryKey('profiles.list', {}) });
    fake.emit('auth.changed', { profile: 'p', status: 'signed-in' } as never);
    expect(queryClient.getQueryState(apiQueryKey('profiles.list', {}))?.isInvalidated).toBe(true);
  });

  it('invalidates every query after the connection comes back, and re-fetches the ones on screen', async () => {
    const { fake, queryClient, fleetLoaded } = setUp();
    await fleetLoaded(snapshot([], 1));
    const onScreen = new QueryObserver(queryClient, { queryKey: fleetListKey });
    const stop = onScreen.subscribe(() => undefined);
    const before = fake.calls('fleet.list');
    fake.setConnection('lost');
    fake.setConnection('connected');
    expect(fake.calls('fleet.list')).toBe(before + 1);
    expect(queryClient.getQueryState(apiQueryKey('app.info', {}))?.isInvalidated).toBe(true);
    stop();
  });

  it('does not treat the first connection as a reconnect', async () => {
    const { fake, queryClient } = setUp();
    await queryClient.fetchQuery({ queryKey: apiQueryKey('app.info', {}) });
    fake.setConnection('connected');
    expect(queryClient.getQueryState(apiQueryKey('app.info', {}))?.isInvalidated).toBe(false);
  });
});
