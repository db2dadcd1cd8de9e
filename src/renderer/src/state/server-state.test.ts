import { describe, expect, it } from 'vitest';
import type { EventName, Events, MethodName } from '../../../shared/contract';
import type { FleetDiff, FleetResource, FleetSnapshot } from '../../../shared/fleet';
import { defaultSettings } from '../../../shared/settings';
import type { ConnectionState } from '../api/transport';
import { createServerState } from './server-state';

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
  let answerFleet: (snapshot: FleetSnapshot) => void = () => undefined;
  let fleetCalls = 0;
  const client = {
    call: (method: MethodName) => {
      if (method === 'fleet.list') {
        fleetCalls += 1;
        return new Promise((resolve) => (answerFleet = resolve));
      }
      if (method === 'settings.get') return Promise.resolve(defaultSettings);
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
    client: client as unknown as Parameters<typeof createServerState>[0],
    emit: <E extends EventName>(event: E, payload: Events[E]) => (listeners.get(event) as ((p: Events[E]) => void) | undefined)?.(payload),
    setConnection: (state: ConnectionState) => connection(state),
    answerFleet: (snapshot: FleetSnapshot) => answerFleet(snapshot),
    fleetCalls: () => fleetCalls,
  };
}

const diff = (id: string, asOf: number): FleetDiff => ({ upserted: [resource(id)], removed: [], cells: [], asOf });

describe('createServerState', () => {
  it('keeps diffs pushed while fleet.list is in flight and replays the newer ones', async () => {
    const fake = fakeClient();
    const state = createServerState(fake.client);
    state.start();
    fake.emit('fleet.changed', diff('early', 50));
    fake.emit('fleet.changed', diff('late', 150));
    fake.answerFleet({ resources: [resource('a')], cells: [], asOf: 100, fromCache: false });
    await state.fleet.refresh();
    expect(state.fleet.get().data?.resources.map((r) => r.id)).toEqual(['a', 'late']);
  });

  it('applies diffs directly once loaded, and replaces settings from settings.changed', async () => {
    const fake = fakeClient();
    const state = createServerState(fake.client);
    state.start();
    fake.answerFleet({ resources: [], cells: [], asOf: 1, fromCache: false });
    await state.fleet.refresh();
    fake.emit('fleet.changed', diff('b', 2));
    expect(state.fleet.get().data?.resources.map((r) => r.id)).toEqual(['b']);
    fake.emit('settings.changed', { ...defaultSettings, theme: 'dark' });
    expect(state.settings.get().data?.theme).toBe('dark');
  });

  it('re-fetches the fleet after the connection comes back', async () => {
    const fake = fakeClient();
    const state = createServerState(fake.client);
    state.start();
    fake.answerFleet({ resources: [], cells: [], asOf: 1, fromCache: false });
    await state.fleet.refresh();
    const before = fake.fleetCalls();
    fake.setConnection('lost');
    fake.setConnection('connected');
    expect(fake.fleetCalls()).toBe(before + 1);
  });
});
