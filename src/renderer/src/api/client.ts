/** The typed api client: every call and event is typed from the shared contract. */
import type { EventName, Events, MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import { ApiError } from '../../../shared/errors';
import type { ConnectionState, Transport } from './transport';

export interface ApiClient {
  readonly transport: Transport['kind'];
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
  connection(): ConnectionState;
  onConnection(listener: (state: ConnectionState) => void): () => void;
}

export function createApiClient(transport: Transport): ApiClient {
  return {
    transport: transport.kind,
    async call(method, input) {
      const envelope = await transport.call(method, input);
      if (!envelope.ok) throw ApiError.fromShape(envelope.error);
      return envelope.result as MethodOutput<typeof method>;
    },
    on: (event, listener) => transport.on(event, listener),
    connection: () => transport.connection(),
    onConnection: (listener) => transport.onConnection(listener),
  };
}
