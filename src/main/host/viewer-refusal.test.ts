/**
 * The read-only share rests on one rule: a `viewer` is refused every method
 * and stream that mutates or that the share's allowlist (viewer-policy.ts)
 * leaves out, by the dispatcher and the hub, before any handler runs. This
 * walks the whole contract, so a new method is covered the day it is added.
 */
import { describe, expect, it } from 'vitest';
import { contract, methodNames, streamNames, streams } from '../../shared/contract';
import { silentLogger } from '../services/log/logger';
import { createDispatcher, type Implementation } from './dispatch';
import { StreamHub, type StreamImplementation } from './stream-hub';
import { viewerMayCall, viewerMayOpen } from './viewer-policy';

const called: string[] = [];
const implementation = Object.fromEntries(
  methodNames.map((name) => [
    name,
    async () => {
      called.push(name);
      return null;
    },
  ]),
) as unknown as Implementation;
const streamImplementation = Object.fromEntries(streamNames.map((name) => [name, () => void called.push(name)])) as unknown as StreamImplementation;

const viewer = { connection: 'viewer-1', role: 'viewer' } as const;
const owner = { connection: 'owner-1', role: 'owner' } as const;

describe('viewer role', () => {
  const dispatch = createDispatcher(implementation, silentLogger);
  const mutating = methodNames.filter((name) => contract[name].mutates);

  it('has mutating methods to refuse (the walk below is not vacuous)', () => {
    expect(mutating).toEqual(expect.arrayContaining(['settings.set', 'chat.sessions.delete', 'auth.signIn', 'chat.bearer.set']));
    expect(streamNames.filter((name) => streams[name].mutates)).toContain('chat.reply');
  });

  it.each(methodNames)('%s: refused for a viewer exactly when it mutates or is not shared, before its handler runs', async (name) => {
    called.length = 0;
    // Even garbage input must not get past the role check to a validation message.
    const envelope = await dispatch(viewer, name, { unexpected: true });
    if (contract[name].mutates || !viewerMayCall(name)) {
      expect(envelope).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(called).toEqual([]);
    } else {
      expect(envelope.ok ? 'ok' : envelope.error.code).not.toBe('forbidden');
    }
  });

  it.each(streamNames)('%s: a viewer may not open it when it mutates or is not shared', async (name) => {
    const hub = new StreamHub(streamImplementation, silentLogger);
    hub.connect(viewer, { send: () => true });
    hub.connect(owner, { send: () => true });
    called.length = 0;
    const envelope = await hub.open(viewer.connection, 'v1', name, {});
    if (streams[name].mutates || !viewerMayOpen(name)) {
      expect(envelope).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(called).toEqual([]);
    } else {
      expect(envelope.ok ? 'ok' : envelope.error.code).not.toBe('forbidden');
    }
    // The owner's role is never refused.
    const asOwner = await hub.open(owner.connection, 'o1', name, {});
    expect(asOwner.ok ? 'ok' : asOwner.error.code).not.toBe('forbidden');
  });
});
