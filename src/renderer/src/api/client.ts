/** The typed api client: every call, event and stream is typed from the shared contract. */
import type { EventName, Events, MethodInput, MethodName, MethodOutput, StreamFrame, StreamInput, StreamItem, StreamName } from '../../../shared/contract';
import { ApiError } from '../../../shared/errors';
import type { ConnectionState, Transport } from './transport';

export interface StreamHandlers {
  /** Older items were dropped because this page fell behind (drop-oldest streams). */
  onDropped?(count: number): void;
  /**
   * Called once when the stream is over: normally (no error), refused at open
   * (the error), or cut by a lost connection (`stream_lost`). Never after the
   * caller's own close().
   */
  onEnd?(error?: ApiError): void;
}

export interface ApiClient {
  readonly transport: Transport['kind'];
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
  /** Opens a stream owned by this page; returns its close. Items for it are never seen by another window or tab. */
  stream<S extends StreamName>(name: S, input: StreamInput<S>, onItem: (item: StreamItem<S>) => void, handlers?: StreamHandlers): () => void;
  connection(): ConnectionState;
  onConnection(listener: (state: ConnectionState) => void): () => void;
}

interface OpenStream {
  onItem(item: unknown): void;
  handlers: StreamHandlers;
}

const randomPart = (): string => Math.random().toString(36).slice(2, 10);

export function createApiClient(transport: Transport): ApiClient {
  const open = new Map<string, OpenStream>();
  let nextId = 0;
  // Ids are chosen here, before the open call, so no frame can arrive for an id this page does not know yet.
  const prefix = randomPart();

  const end = (id: string, error?: ApiError): void => {
    const stream = open.get(id);
    if (!stream) return;
    open.delete(id);
    stream.handlers.onEnd?.(error);
  };
  const onFrames = (frames: StreamFrame[]): void => {
    for (const frame of frames) {
      const stream = open.get(frame.id);
      if (!stream) continue;
      if (frame.type === 'item') stream.onItem(frame.item);
      else if (frame.type === 'dropped') stream.handlers.onDropped?.(frame.count);
      else end(frame.id, frame.error ? ApiError.fromShape(frame.error) : undefined);
    }
  };
  let framesSubscribed = false;
  transport.onConnection((state) => {
    // The host closed this connection's streams when it went away; say so to each consumer.
    if (state !== 'lost') return;
    for (const id of [...open.keys()]) end(id, new ApiError('stream_lost', 'The connection to the console host was lost while this stream was open.'));
  });

  return {
    transport: transport.kind,
    async call(method, input) {
      const envelope = await transport.call(method, input);
      if (!envelope.ok) throw ApiError.fromShape(envelope.error);
      return envelope.result as MethodOutput<typeof method>;
    },
    on: (event, listener) => transport.on(event, listener),
    stream(name, input, onItem, handlers = {}) {
      if (!framesSubscribed) {
        framesSubscribed = true;
        transport.onStreamFrames(onFrames);
      }
      const id = `${prefix}-${++nextId}`;
      open.set(id, { onItem: onItem as (item: unknown) => void, handlers });
      void transport.openStream(id, name, input).then((envelope) => {
        if (!envelope.ok) end(id, ApiError.fromShape(envelope.error));
      });
      return () => {
        if (!open.delete(id)) return;
        void transport.closeStream(id);
      };
    },
    connection: () => transport.connection(),
    onConnection: (listener) => transport.onConnection(listener),
  };
}
