/**
 * What an InvocationRecord says about the reply body, decided from what the
 * server really wrote (core/reply-writer.ts) rather than from what the agent
 * produced: a fault can garble or cut a reply after the agent finished it, and
 * logs, metrics and memory must show the failure the client saw.
 */
import type { Delivery, InvocationRecord } from '../core/types';

export const MALFORMED_MESSAGE = 'Malformed response: the client received an HTML error page instead of the agent reply';
const INTERRUPTED_MESSAGE = 'Response stream interrupted before completion';

export type DeliveredFields = Pick<InvocationRecord, 'delivery'> & Partial<Pick<InvocationRecord, 'outcome' | 'errorMessage'>>;

/** Outcome fields for a delivery; `stopped` means StopRuntimeSession ended the stream on purpose. */
export function deliveredFields(d: Delivery, stopped = false): DeliveredFields {
  switch (d.kind) {
    case 'complete':
      return { delivery: 'complete' };
    case 'malformed':
      return { delivery: 'malformed', outcome: 'system_error', errorMessage: MALFORMED_MESSAGE };
    case 'dropped':
      return { delivery: 'dropped', outcome: 'system_error', errorMessage: `${INTERRUPTED_MESSAGE} (connection dropped after ${d.bytes} bytes)` };
    case 'client_closed':
      return stopped ? { delivery: 'client_closed' } : { delivery: 'client_closed', outcome: 'system_error', errorMessage: INTERRUPTED_MESSAGE };
  }
}
