import type { AgentcoreBridge } from '../../../shared/contract';
import { createApiClient, type ApiClient } from './client';
import { electronTransport } from './transport';
import { webTransport } from './web-transport';

declare global {
  interface Window {
    agentcore?: AgentcoreBridge;
  }
}

/** Picks the transport once at start: the Electron preload bridge if present, else the web host. */
export const api: ApiClient = createApiClient(window.agentcore ? electronTransport(window.agentcore) : webTransport());

export type { ApiClient } from './client';
export type { ConnectionState } from './transport';
export { ApiError } from '../../../shared/errors';
