import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { chatContract } from '../../shared/chat';
import type { StreamFrame } from '../../shared/contract';
import { CALL_CHANNEL, EVENT_CHANNEL, STREAM_ACK_CHANNEL, STREAM_CLOSE_CHANNEL, STREAM_FRAMES_CHANNEL, STREAM_OPEN_CHANNEL } from '../../shared/ipc-channels';
import { defaultSettings } from '../../shared/settings';
import { silentLogger } from '../services/log/logger';
import type { Dispatch } from './dispatch';
import { EventBus } from './events';
import { IPC_FRAME_WINDOW, registerIpc, type IpcInvokeEventLike, type IpcMainLike, type WebContentsLike } from './ipc';
import { StreamHub, type StreamImplementation, type StreamSink } from './stream-hub';

type Handler = (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>;
type Listener = (event: IpcInvokeEventLike, ...args: unknown[]) => void;

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  const listeners = new Map<string, Listener>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
    on: (channel, listener) => void listeners.set(channel, listener),
    removeListener: (channel) => void listeners.delete(channel),
  };
  const invoke = (channel: string, url: string | null, ...args: unknown[]): Promise<unknown> =>
    (handlers.get(channel) as Handler)({ senderFrame: url === null ? null : { url } }, ...args);
  return { ipcMain, handlers, listeners, invoke };
}

class FakeWindow extends EventEmitter {
  readonly id = 7;
  readonly sent: unknown[][] = [];
  destroyed = false;
  send(...args: unknown[]): void {
    this.sent.push(args);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  frames(): StreamFrame[] {
    return this.sent.filter((m) => m[0] === STREAM_FRAMES_CHANNEL).flatMap((m) => m[1] as StreamFrame[]);
  }
}

/** A `chat.watch` producer that keeps its sink, so the test pushes items and sees the abort. */
function setup(dispatch: Dispatch = async (caller, method, input) => ({ ok: true, result: { caller, method, input } })) {
  const sinks: StreamSink<unknown>[] = [];
  const streams = {
    'chat.reply': () => undefined,
    'chat.watch': (_input: unknown, sink: StreamSink<unknown>) => void sinks.push(sink),
  } as unknown as StreamImplementation;
  const hub = new StreamHub(streams, silentLogger);
  const fake = fakeIpcMain();
  const events = new EventBus();
  const window = new FakeWindow();
  const dispose = registerIpc(fake.ipcMain, { dispatch, hub, events }, window as unknown as WebContentsLike, (url) => url === trusted);
  return { ...fake, hub, events, window, sinks, dispose };
}
const trusted = 'file:///app/out/renderer/index.html';
const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const watch = { sessionId: 's1' };

describe('registerIpc', () => {
  it('dispatches calls as this window, an owner, and forwards broadcast events', async () => {
    const t = setup();
    await expect(t.invoke(CALL_CHANNEL, trusted, 'settings.get', {})).resolves.toEqual({
      ok: true,
      result: { caller: { connection: 'ipc:7.1', role: 'owner' }, method: 'settings.get', input: {} },
    });
    t.events.emit('settings.changed', defaultSettings);
    expect(t.window.sent).toEqual([[EVENT_CHANNEL, 'settings.changed', defaultSettings]]);
  });

  it('refuses calls and streams from any other frame', async () => {
    const t = setup();
    await expect(t.invoke(CALL_CHANNEL, 'https://evil.example/', 'settings.get', {})).resolves.toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    await expect(t.invoke(CALL_CHANNEL, null, 'settings.get', {})).resolves.toMatchObject({ ok: false });
    await expect(t.invoke(STREAM_OPEN_CHANNEL, 'https://evil.example/', 'a', 'chat.watch', watch)).resolves.toMatchObject({ ok: false });
    expect(t.sinks).toHaveLength(0);
  });

  it('delivers a stream only to this window, and closes it when the page asks', async () => {
    const t = setup();
    await expect(t.invoke(STREAM_OPEN_CHANNEL, trusted, 'a', 'chat.watch', watch)).resolves.toEqual({ ok: true, result: { opened: true } });
    t.sinks[0]?.push({ kind: 'delta', text: 'hi' });
    await tick();
    expect(t.window.frames()).toEqual([{ id: 'a', type: 'item', item: { kind: 'delta', text: 'hi' } }]);
    await expect(t.invoke(STREAM_CLOSE_CHANNEL, trusted, 'a')).resolves.toEqual({ ok: true, result: { closed: true } });
    expect(t.sinks[0]?.signal.aborted).toBe(true);
  });

  it('closes every stream of the page when the window reloads, and serves the new page as a new connection', async () => {
    const t = setup();
    await t.invoke(STREAM_OPEN_CHANNEL, trusted, 'a', 'chat.watch', watch);
    t.window.emit('did-start-navigation', { isMainFrame: true, isSameDocument: true });
    expect(t.sinks[0]?.signal.aborted).toBe(false);
    t.window.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false });
    expect(t.sinks[0]?.signal.aborted).toBe(true);
    await expect(t.invoke(CALL_CHANNEL, trusted, 'app.info', {})).resolves.toMatchObject({ result: { caller: { connection: 'ipc:7.2' } } });
  });

  it('closes the streams when the window is destroyed', async () => {
    const t = setup();
    await t.invoke(STREAM_OPEN_CHANNEL, trusted, 'a', 'chat.watch', watch);
    t.window.emit('destroyed');
    expect(t.sinks[0]?.signal.aborted).toBe(true);
  });

  it('holds frames past the unacknowledged window, applying the overflow policy, and resumes on ack', async () => {
    const t = setup();
    await t.invoke(STREAM_OPEN_CHANNEL, trusted, 'a', 'chat.watch', watch);
    const sink = t.sinks[0] as StreamSink<unknown>;
    // Steps never merge, so each is its own item until the window fills.
    const item = (n: number) => ({ kind: 'started', n });
    for (let n = 0; n < IPC_FRAME_WINDOW + 500; n++) {
      sink.push(item(n));
      if (n % 256 === 0) await tick();
    }
    await tick();
    const before = t.window.frames().length;
    expect(before).toBeGreaterThanOrEqual(IPC_FRAME_WINDOW);
    expect(before).toBeLessThan(IPC_FRAME_WINDOW + 500);
    t.listeners.get(STREAM_ACK_CHANNEL)?.({ senderFrame: null, sender: t.window }, before);
    await tick();
    const frames = t.window.frames();
    const dropped = frames.filter((f) => f.type === 'dropped').reduce((sum, f) => sum + (f.type === 'dropped' ? f.count : 0), 0);
    const items = frames.filter((f) => f.type === 'item').length;
    // Nothing is lost silently: every item pushed was either delivered or counted as dropped.
    expect(items + dropped).toBe(IPC_FRAME_WINDOW + 500);
    expect(dropped).toBeGreaterThan(0);
    expect(chatContract.streams['chat.watch'].overflow.capacity).toBeLessThan(500);
  });

  it('stops forwarding and unregisters everything when disposed', async () => {
    const t = setup();
    await t.invoke(STREAM_OPEN_CHANNEL, trusted, 'a', 'chat.watch', watch);
    t.dispose();
    t.events.emit('settings.changed', defaultSettings);
    expect(t.window.sent).toEqual([]);
    expect(t.sinks[0]?.signal.aborted).toBe(true);
    expect([...t.handlers.keys(), ...t.listeners.keys()]).toEqual([]);
  });
});
