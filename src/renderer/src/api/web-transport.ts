/**
 * The web host transport: `POST /api/<method>` for calls and ONE shared
 * EventSource for pushed events. The host authenticates with an HttpOnly
 * cookie it sets itself, so nothing here ever sees the access token.
 */
import type { EventName, Events, MethodName } from '../../../shared/contract';
import type { ApiErrorShape, Envelope } from '../../../shared/errors';
import type { ConnectionState, Transport } from './transport';

type Listener = (payload: unknown) => void;

export function webTransport(base = ''): Transport {
  const listeners = new Map<EventName, Set<Listener>>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  let state: ConnectionState = 'connecting';
  let source: EventSource | null = null;

  const setState = (next: ConnectionState): void => {
    if (next === state) return;
    state = next;
    for (const listener of connectionListeners) listener(next);
  };

  const ensureSource = (): EventSource => {
    if (source) return source;
    // Same-origin, so the host's session cookie goes along.
    source = new EventSource(`${base}/api/events`);
    source.onopen = () => setState('connected');
    // EventSource reconnects by itself; we only report that the host is gone meanwhile.
    source.onerror = () => setState('lost');
    return source;
  };

  const attach = (event: EventName): Set<Listener> => {
    let set = listeners.get(event);
    if (set) return set;
    const created = new Set<Listener>();
    listeners.set(event, created);
    ensureSource().addEventListener(event, (message) => {
      let payload: unknown;
      try {
        payload = JSON.parse((message as MessageEvent<string>).data);
      } catch {
        return; // a malformed frame is dropped rather than crashing every subscriber
      }
      for (const listener of created) listener(payload);
    });
    set = created;
    return set;
  };

  return {
    kind: 'web',
    async call(method: MethodName, input: unknown): Promise<Envelope<unknown>> {
      let response: Response;
      try {
        response = await fetch(`${base}/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        setState('lost');
        return failure({ code: 'internal', message: 'The console host is not reachable. It may have stopped; restart it and reload.' });
      }
      try {
        return (await response.json()) as Envelope<unknown>;
      } catch {
        return failure({ code: 'internal', message: `The console host answered ${response.status} without a valid response body.` });
      }
    },
    on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
      const set = attach(event);
      const wrapped = listener as Listener;
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
    connection: () => {
      ensureSource();
      return state;
    },
    onConnection(listener) {
      ensureSource();
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
  };
}

const failure = (error: ApiErrorShape): Envelope<never> => ({ ok: false, error });
