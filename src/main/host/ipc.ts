/**
 * The Electron transport: one `invoke` channel for calls and one channel for
 * pushed events. It is written against small interfaces rather than Electron
 * itself, so the same wiring is unit-tested in plain Node.
 */
import type { Dispatch } from './dispatch';
import type { EventBus } from './events';
import { CALL_CHANNEL, EVENT_CHANNEL } from './ipc-channels';

export interface IpcSenderFrame {
  url: string;
}
export interface IpcInvokeEventLike {
  senderFrame: IpcSenderFrame | null;
}
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}
export interface WebContentsLike {
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

/**
 * @param isTrustedFrame only our own renderer may call: a navigated or
 * embedded frame (which we block anyway) gets an error, not the API.
 */
export function registerIpc(
  ipcMain: IpcMainLike,
  dispatch: Dispatch,
  events: EventBus,
  target: WebContentsLike,
  isTrustedFrame: (url: string) => boolean,
): () => void {
  ipcMain.handle(CALL_CHANNEL, async (event, method, input) => {
    if (!event.senderFrame || !isTrustedFrame(event.senderFrame.url)) {
      return { ok: false, error: { code: 'unauthorized', message: 'Calls are only accepted from the console window.' } };
    }
    return dispatch(method, input);
  });
  const unsubscribe = events.subscribe((name, payload) => {
    if (!target.isDestroyed()) target.send(EVENT_CHANNEL, name, payload);
  });
  return () => {
    unsubscribe();
    ipcMain.removeHandler(CALL_CHANNEL);
  };
}
