/** What the api client needs from a transport: the preload bridge plus a view of the connection. */
import type { AgentcoreBridge } from '../../../shared/contract';

export type ConnectionState = 'connecting' | 'connected' | 'lost';

export interface Transport extends AgentcoreBridge {
  readonly kind: 'electron' | 'web';
  connection(): ConnectionState;
  /** Called on every connection state change; returns its own unsubscribe. */
  onConnection(listener: (state: ConnectionState) => void): () => void;
}

/** Electron's preload never loses its peer: the connection is always up (a reload starts a new page). */
export function electronTransport(bridge: AgentcoreBridge): Transport {
  return {
    kind: 'electron',
    call: (method, input) => bridge.call(method, input),
    on: (event, listener) => bridge.on(event, listener),
    openStream: (id, name, input) => bridge.openStream(id, name, input),
    closeStream: (id) => bridge.closeStream(id),
    onStreamFrames: (listener) => bridge.onStreamFrames(listener),
    connection: () => 'connected',
    onConnection: () => () => undefined,
  };
}
