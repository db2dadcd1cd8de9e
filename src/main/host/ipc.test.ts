import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../shared/settings';
import { EventBus } from './events';
import { CALL_CHANNEL, EVENT_CHANNEL } from './ipc-channels';
import { registerIpc, type IpcInvokeEventLike, type IpcMainLike } from './ipc';

function fakeIpcMain(): IpcMainLike & { invoke(url: string | null, ...args: unknown[]): Promise<unknown>; handlers: Map<string, unknown> } {
  const handlers = new Map<string, (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
  return {
    handlers,
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
    invoke: (url, ...args) =>
      (handlers.get(CALL_CHANNEL) as (e: IpcInvokeEventLike, ...a: unknown[]) => Promise<unknown>)({ senderFrame: url === null ? null : { url } }, ...args),
  };
}

describe('registerIpc', () => {
  const trusted = 'file:///app/out/renderer/index.html';

  it('dispatches calls from the console window and forwards events', async () => {
    const ipcMain = fakeIpcMain();
    const events = new EventBus();
    const sent: unknown[][] = [];
    registerIpc(
      ipcMain,
      async (method, input) => ({ ok: true, result: { method, input } }),
      events,
      { send: (...args) => void sent.push(args), isDestroyed: () => false },
      (url) => url === trusted,
    );
    await expect(ipcMain.invoke(trusted, 'settings.get', {})).resolves.toEqual({ ok: true, result: { method: 'settings.get', input: {} } });
    events.emit('settings.changed', defaultSettings);
    expect(sent).toEqual([[EVENT_CHANNEL, 'settings.changed', defaultSettings]]);
  });

  it('refuses calls from any other frame', async () => {
    const ipcMain = fakeIpcMain();
    registerIpc(
      ipcMain,
      async () => ({ ok: true, result: 'leaked' }),
      new EventBus(),
      { send: () => undefined, isDestroyed: () => false },
      (url) => url === trusted,
    );
    await expect(ipcMain.invoke('https://evil.example/', 'settings.get', {})).resolves.toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    await expect(ipcMain.invoke(null, 'settings.get', {})).resolves.toMatchObject({ ok: false });
  });

  it('stops forwarding and unregisters when disposed', () => {
    const ipcMain = fakeIpcMain();
    const events = new EventBus();
    const sent: unknown[] = [];
    const dispose = registerIpc(
      ipcMain,
      async () => ({ ok: true, result: null }),
      events,
      { send: (...a) => void sent.push(a), isDestroyed: () => false },
      () => true,
    );
    dispose();
    events.emit('settings.changed', defaultSettings);
    expect(sent).toEqual([]);
    expect(ipcMain.handlers.has(CALL_CHANNEL)).toBe(false);
  });
});
