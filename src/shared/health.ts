/**
 * One health scale for AgentCore's many status enums (docs/WIRE.md): runtimes,
 * endpoints, memories, gateways and gateway targets. Main uses it to sort and
 * poll; the renderer to colour timelines and targets. One table, both sides.
 */
import type { Health } from './fleet';

const failed = new Set(['CREATE_FAILED', 'UPDATE_FAILED', 'DELETE_FAILED', 'FAILED', 'UPDATE_UNSUCCESSFUL', 'SYNCHRONIZE_UNSUCCESSFUL']);
const pending = new Set(['CREATING', 'UPDATING', 'DELETING', 'SYNCHRONIZING', 'CREATE_PENDING_AUTH', 'UPDATE_PENDING_AUTH']);
const ok = new Set(['READY', 'ACTIVE']);

export function healthOf(status: string): Health {
  if (failed.has(status)) return 'failed';
  if (pending.has(status)) return 'pending';
  if (ok.has(status)) return 'ok';
  return 'unknown';
}

/** Work in flight at AWS (polled faster); waiting on a person's OAuth consent is not. */
export const isTransitional = (status: string): boolean => pending.has(status) && !status.endsWith('_PENDING_AUTH');
