/**
 * Exposes exactly the contract to the renderer as `window.agentcore`: a call
 * for each contract method name, a subscription per event name, and this
 * window's streams. No raw ipcRenderer, no Node, no environment leaks across
 * the bridge.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isEventName, isMethodName, isStreamName, type AgentcoreBridge, type StreamFrame } from '../shared/contract';
import { CALL_CHANNEL, EVENT_CHANNEL, STREAM_ACK_CHANNEL, STREAM_CLOSE_CHANNEL, STREAM_FRAMES_CHANNEL, STREAM_OPEN_CHANNEL } from '../shared/ipc-channels';

const frameListeners = new Set<(frames: StreamFrame[]) => void>();
ipcRenderer.on(STREAM_FRAMES_CHANNEL, (_: IpcRendererEvent, frames: unknown) => {
  if (!Array.isArray(frames)) return;
  for (const listener of frameListeners) listener(frames as StreamFrame[]);
  // Main holds further frames once too many are unacknowledged: the page has these now.
  ipcRenderer.send(STREAM_ACK_CHANNEL, frames.length);
});

const bridge: AgentcoreBridge = {
  call: (method, input) => {
    if (!isMethodName(method)) return Promise.resolve({ ok: false, error: { code: 'unknown_method', message: `Unknown method "${String(method)}".` } });
    return ipcRenderer.invoke(CALL_CHANNEL, method, input);
  },
  on: (event, listener) => {
    if (!isEventName(event)) throw new Error(`Unknown event "${String(event)}".`);
    const wrapped = (_: IpcRendererEvent, name: unknown, payload: unknown): void => {
      if (name === event) (listener as (payload: unknown) => void)(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    // Remove the wrapper we added, not the caller's function.
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
  },
  openStream: (id, name, input) => {
    if (!isStreamName(name)) return Promise.resolve({ ok: false, error: { code: 'unknown_stream', message: `Unknown stream "${String(name)}".` } });
    return ipcRenderer.invoke(STREAM_OPEN_CHANNEL, id, name, input);
  },
  closeStream: (id) => ipcRenderer.invoke(STREAM_CLOSE_CHANNEL, id),
  onStreamFrames: (listener) => {
    frameListeners.add(listener);
    return () => frameListeners.delete(listener);
  },
};

contextBridge.exposeInMainWorld('agentcore', bridge);
