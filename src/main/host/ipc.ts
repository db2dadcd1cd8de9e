/**
 * The Electron transport for one window: calls, stream open/close, broadcast
 * events, and this window's stream frames. The window is one connection of
 * the stream hub; a reload or a closed window ends it (and so every stream it
 * opened), and a new page gets a new connection. It is written against small
 * interfaces rather than Electron itself, so the wiring is unit-tested in
 * plain Node.
 */
import { CALL_CHANNEL, EVENT_CHANNEL, STREAM_ACK_CHANNEL, STREAM_CLOSE_CHANNEL, STREAM_FRAMES_CHANNEL, STREAM_OPEN_CHANNEL } from '../../shared/ipc-channels';
import { ApiError } from '../../shared/errors';
import type { Caller } from './caller';
import type { Dispatch } from './dispatch';
import { fail } from './dispatch';
import type { EventBus } from './events';
import type { StreamHub } from './stream-hub';

export interface IpcSenderFrame {
  url: string;
}
export interface IpcInvokeEventLike {
  senderFrame: IpcSenderFrame | null;
  sender?: unknown;
}
type IpcListener = (event: IpcInvokeEventLike, ...args: unknown[]) => void;
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
  on(channel: string, listener: IpcListener): void;
  removeListener(channel: string, listener: IpcListener): void;
}
/** Electron's `did-start-navigation` details (the object form, Electron ≥ 25). */
export interface NavigationDetails {
  isMainFrame?: boolean;
  isSameDocument?: boolean;
}
export interface WebContentsLike {
  id: number;
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
  on(event: 'did-start-navigation', listener: (details: NavigationDetails) => void): void;
  on(event: 'destroyed', listener: () => void): void;
  removeListener(event: 'did-start-navigation' | 'destroyed', listener: (...args: never[]) => void): void;
}

export interface IpcWiring {
  dispatch: Dispatch;
  hub: StreamHub;
  events: EventBus;
}

/**
 * Frames the preload has not acknowledged yet. IPC has no backpressure of its
 * own, so past this many the hub holds frames (and applies each stream's
 * overflow policy) until the page catches up.
 */
export const IPC_FRAME_WINDOW = 2048;

/**
 * @param isTrustedFrame only our own renderer may call: a navigated or
 * embedded frame (which we block anyway) gets an error, not the API.
 */
export function registerIpc(ipcMain: IpcMainLike, wiring: IpcWiring, target: WebContentsLike, isTrustedFrame: (url: string) => boolean): () => void {
  const { dispatch, hub, events } = wiring;
  let generation = 0;
  let caller: Caller = { connection: '', role: 'owner' };
  let unacked = 0;
  let blocked = false;
  let drained = (): void => undefined;

  const connect = (): void => {
    caller = { connection: `ipc:${target.id}.${++generation}`, role: 'owner' };
    unacked = 0;
    blocked = false;
    const connection = hub.connect(caller, {
      send: (frames) => {
        if (target.isDestroyed()) return false;
        target.send(STREAM_FRAMES_CHANNEL, frames);
        unacked += frames.length;
        blocked = unacked >= IPC_FRAME_WINDOW;
        return !blocked;
      },
    });
    drained = connection.drained;
  };
  connect();

  const trusted = (event: IpcInvokeEventLike): boolean => Boolean(event.senderFrame && isTrustedFrame(event.senderFrame.url));
  const refused = fail(new ApiError('unauthorized', 'Calls are only accepted from the console window.'));

  ipcMain.handle(CALL_CHANNEL, async (event, method, input) => (trusted(event) ? dispatch(caller, method, input) : refused));
  ipcMain.handle(STREAM_OPEN_CHANNEL, async (event, id, name, input) => (trusted(event) ? hub.open(caller.connection, id, name, input) : refused));
  ipcMain.handle(STREAM_CLOSE_CHANNEL, async (event, id) => (trusted(event) ? hub.close(caller.connection, id) : refused));
  const onAck: IpcListener = (event, count) => {
    if (event.sender !== undefined && event.sender !== target) return;
    if (typeof count !== 'number' || !Number.isFinite(count) || count <= 0) return;
    unacked = Math.max(0, unacked - count);
    if (blocked && unacked < IPC_FRAME_WINDOW / 2) {
      blocked = false;
      drained();
    }
  };
  ipcMain.on(STREAM_ACK_CHANNEL, onAck);

  // A reload is a new page: the old page's streams have no reader any more.
  const onNavigation = (details: NavigationDetails): void => {
    if (details.isMainFrame === false || details.isSameDocument === true) return;
    hub.disconnect(caller.connection);
    connect();
  };
  const onDestroyed = (): void => hub.disconnect(caller.connection);
  target.on('did-start-navigation', onNavigation);
  target.on('destroyed', onDestroyed);

  const unsubscribe = events.subscribe((name, payload) => {
    if (!target.isDestroyed()) target.send(EVENT_CHANNEL, name, payload);
  });
  return () => {
    unsubscribe();
    hub.disconnect(caller.connection);
    ipcMain.removeHandler(CALL_CHANNEL);
    ipcMain.removeHandler(STREAM_OPEN_CHANNEL);
    ipcMain.removeHandler(STREAM_CLOSE_CHANNEL);
    ipcMain.removeListener(STREAM_ACK_CHANNEL, onAck);
    if (!target.isDestroyed()) {
      target.removeListener('did-start-navigation', onNavigation);
      target.removeListener('destroyed', onDestroyed);
    }
  };
}
