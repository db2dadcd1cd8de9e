/**
 * A read-only share's listener: the web host's listener with the `viewer`
 * role, the share's own token and cookie, its viewer cap, the events viewers
 * may hear, and redaction forced on for everything they receive.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findUp } from '../../lib/find-up';
import type { OpenShareListener, ShareGate } from '../services/share/share-service';
import { viewerEventPayload, viewerMayHear } from './viewer-policy';
import { redactDeep, unredactDeep } from './viewer-redaction';
import type { ListenerAccess } from './web-access';
import { startWebListener, type WebListenerOptions } from './web';

/** Not the owner's cookie name: cookies ignore ports, and a viewer tab on the same machine must not sign the owner out. */
export const SHARE_COOKIE = 'agentcore_ops_share';

export function shareAccess(gate: ShareGate): ListenerAccess {
  return {
    role: 'viewer',
    cookie: SHARE_COOKIE,
    admit: (token) => gate.admit(token),
    admitConnection: (live) => gate.admitViewer(live),
    delivery: {
      outbound: (value) => redactDeep(value, gate.names),
      hears: viewerMayHear,
      payload: viewerEventPayload,
    },
    inbound: (value) => unredactDeep(value, gate.names),
    onConnections: (live) => gate.viewersChanged(live),
  };
}

export function shareListenerFactory(base: Omit<WebListenerOptions, 'access' | 'host' | 'port'>): OpenShareListener {
  return (gate, address) => startWebListener({ ...base, access: shareAccess(gate), host: address });
}

/**
 * The built renderer, found by walking up from this module: from `out/main` (the web host, dev) and inside
 * `app.asar` alike it is `out/renderer` at the app's root.
 */
export function bundledRendererDir(from = dirname(fileURLToPath(import.meta.url))): string {
  const index = findUp(from, join('out', 'renderer', 'index.html'));
  return index ? dirname(index) : join(from, '..', 'renderer');
}
