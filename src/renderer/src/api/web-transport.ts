/**
 * The web host transport: `POST /api/<method>` for calls and ONE shared
 * EventSource for pushed events and this page's stream frames. The host
 * names the connection in a first `hello` event; calls carry that id so main
 * knows which connection (and role) each comes from. The host authenticates
 * with an HttpOnly cookie it sets itself, so nothing here ever sees the
 * access token.
 */
import type { EventName, Events, MethodName, StreamFrame, StreamName } from '../../../shared/contract';
import type { ApiErrorShape, Envelope } from '../../../shared/errors';
import type { ConnectionState, Transport } from './transport';

type Listener = (payload: unknown) => void;
const CONNECTION_HEADER = 'x-agentcore-connection';

export function webTransport(base = ''): Transport {
  const listeners = new Map<EventName, Set<Listener>>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  const frameListeners = new Set<(frames: StreamFrame[]) => void>();
  let state: ConnectionState = 'connecting';
  let source: EventSource | null = null;
  let connectionId: string | null = null;
  let waiting: Array<(id: string) => void> = [];

  const setState = (next: ConnectionState): void => {
    if (next === state) return;
    state = next;
    for (const listener of connectionListeners) listener(next);
  };
  const parse = (message: Event): unknown => {
    try {
      return JSON.parse((message as MessageEvent<string>).data);
    } catch {
      return undefined; // a malformed frame is dropped rather than crashing every subscriber
    }
  };
  const ensureSource = (): EventSource => {
    if (source) return source;
    // Same-origin, so the host's session cookie goes along.
    source = new EventSource(`${base}/api/events`);
    source.addEventListener('hello', (message) => {
      const hello = parse(message) as { connection?: unknown } | undefined;
      if (typeof hello?.connection !== 'string') return;
      connectionId = hello.connection;
      for (const resolve of waiting) resolve(hello.connection);
      waiting = [];
      setState('connected');
    });
    source.addEventListener('stream', (message) => {
      const frames = parse(message);
      if (!Array.isArray(frames)) return;
      for (const listener of frameListeners) listener(frames as StreamFrame[]);
    });
    // EventSource reconnects by itself (and the host names the new connection); meanwhile the host is gone.
    source.onerror = () => {
      connectionId = null;
      setState('lost');
    };
    return source;
  };
  const connection = (): Promise<string> => {
    ensureSource();
    return connectionId ? Promise.resolve(connectionId) : new Promise((resolve) => waiting.push(resolve));
  };
  const attach = (event: EventName): Set<Listener> => {
    const existing = listeners.get(event);
    if (existing) return existing;
    const created = new Set<Listener>();
    listeners.set(event, created);
    ensureSource().addEventListener(event, (message) => {
      const payload = parse(message);
      if (payload === undefined) return;
      for (const listener of created) listener(payload);
    });
    return created;
  };
  const post = async (path: string, body: unknown, connectionOverride?: string): Promise<Envelope<unknown>> => {
    const id = connectionOverride ?? connectionId;
    let response: Response;
    try {
      response = await fetch(`${base}/api/${path}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', ...(id ? { [CONNECTION_HEADER]: id } : {}) },
        body: JSON.stringify(body ?? {}),
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
  };

  return {
    kind: 'web',
    call: (method: MethodName, input: unknown) => post(encodeURIComponent(method), input),
    on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
      const set = attach(event);
      const wrapped = listener as Listener;
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
    async openStream(id: string, name: StreamName, input: unknown) {
      const connectionIdNow = await connection();
      return post('stream/open', { id, name, input }, connectionIdNow) as Promise<Envelope<{ opened: true }>>;
    },
    async closeStream(id: string) {
      if (!connectionId) return { ok: true, result: { closed: true } };
      return post('stream/close', { id }) as Promise<Envelope<{ closed: true }>>;
    },
    onStreamFrames(listener) {
      ensureSource();
      frameListeners.add(listener);
      return () => frameListeners.delete(listener);
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
