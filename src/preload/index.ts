/**
 * Exposes exactly the contract to the renderer as `window.agentcore`: a call
 * for each contract method name and a subscription per event name. No raw
 * ipcRenderer, no Node, no environment leaks across the bridge.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isEventName, isMethodName, type AgentcoreBridge } from '../shared/contract';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../main/host/ipc-channels';

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
};

contextBridge.exposeInMainWorld('agentcore', bridge);
