import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../shared/settings';
import { silentLogger } from '../services/log/logger';
import { createDispatcher, type Implementation } from './dispatch';
import { stubImplementation } from './stub-implementation';
import type { Caller } from './caller';

const OWNER: Caller = { connection: 'test', role: 'owner' };

function implementation(overrides: Partial<Implementation> = {}): Implementation {
  return stubImplementation({
    'settings.get': async () => defaultSettings,
    'settings.set': async (patch) => ({ ...defaultSettings, ...patch }),
    ...overrides,
  });
}

describe('dispatch', () => {
  it('answers a valid call with the implementation result', async () => {
    const dispatch = createDispatcher(implementation(), silentLogger);
    await expect(dispatch(OWNER, 'settings.set', { theme: 'dark' })).resolves.toEqual({ ok: true, result: { ...defaultSettings, theme: 'dark' } });
  });

  it('rejects a method that is not in the contract, naming it', async () => {
    const envelope = await createDispatcher(implementation(), silentLogger)(OWNER, 'fs.readFile', {});
    expect(envelope).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(!envelope.ok && envelope.error.message).toContain('"fs.readFile"');
  });

  it('rejects prototype keys as method names', async () => {
    const envelope = await createDispatcher(implementation(), silentLogger)(OWNER, 'constructor', {});
    expect(envelope).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('rejects invalid input with the failing field, never calling the implementation', async () => {
    let called = false;
    const dispatch = createDispatcher(
      implementation({
        'settings.set': async () => {
          called = true;
          return defaultSettings;
        },
      }),
      silentLogger,
    );
    const envelope = await dispatch(OWNER, 'settings.set', { pollIntervalSeconds: 1 });
    expect(called).toBe(false);
    expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { issues: [{ path: 'pollIntervalSeconds' }] } } });
  });

  it('rejects unknown keys instead of dropping them', async () => {
    const envelope = await createDispatcher(implementation(), silentLogger)(OWNER, 'settings.set', { theme: 'dark', nodeIntegration: true });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('turns a crash into an internal error without leaking secrets from the message', async () => {
    const dispatch = createDispatcher(
      implementation({
        'settings.get': async () => {
          throw new Error('boom with AKIAABCDEFGHIJKLMNOP inside');
        },
      }),
      silentLogger,
    );
    const envelope = await dispatch(OWNER, 'settings.get', {});
    expect(envelope).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(envelope)).not.toContain('AKIAABCDEFGHIJKLMNOP');
  });
});
