/**
 * Owned streams. Each stream belongs to the connection that opened it (one
 * window, or one web client) and its frames go only there. The hub closes a
 * stream when its client closes it, when the producer ends it, or when the
 * connection goes away (window reload or close, SSE client gone); the
 * producer hears about it at once through its AbortSignal.
 *
 * Delivery is batched per turn of the event loop (or sooner, when a burst
 * fills a stream's queue) and respects the transport's backpressure: while
 * a connection is not taking frames, each stream queues at most
 * `overflow.capacity` items (coalescing where the
 * stream can merge items, otherwise dropping the oldest and telling the
 * consumer how many), so a consumer that reads nothing costs bounded memory.
 */
import type { z } from 'zod';
import { isStreamName, streams, type StreamFrame, type StreamItem, type StreamName, type Streams } from '../../shared/contract';
import { STREAM_ID_PATTERN, type Role } from '../../shared/contract-kit';
import { ApiError, type Envelope } from '../../shared/errors';
import type { Logger } from '../services/log/logger';
import type { Caller } from './caller';
import { fail, parseInput, refuseViewer, toFailure } from './dispatch';
import { viewerMayOpen } from './viewer-policy';

/** What a producer gets: where to push, when to stop, and who asked. */
export interface StreamSink<Item> {
  readonly caller: Caller;
  /** Aborted when the consumer closes the stream or goes away; stop producing then. */
  readonly signal: AbortSignal;
  push(item: Item): void;
  /** Ends the stream after what is queued; with an error, the consumer gets it as the end's reason. */
  end(error?: ApiError): void;
}

/**
 * A stream's producer. It returns once the stream is under way; throwing (or
 * rejecting) before then refuses the open with that error and no stream.
 */
export type StreamImplementation = {
  [S in StreamName]: (input: z.output<Streams[S]['input']>, sink: StreamSink<StreamItem<S>>) => void | Promise<void>;
};

/** A transport's side of a connection. */
export interface ConnectionTransport {
  /** Hands frames to the peer; false when it should get no more until `HubConnection.drained()`. */
  send(frames: StreamFrame[]): boolean;
}

export interface HubConnection {
  readonly caller: Caller;
  /** The transport can take frames again. */
  drained(): void;
}

interface OpenStream {
  id: string;
  name: StreamName;
  queue: unknown[];
  dropped: number;
  ended: { error?: ApiError } | null;
  abort: AbortController;
}

interface ConnectionState {
  caller: Caller;
  transport: ConnectionTransport;
  streams: Map<string, OpenStream>;
  writable: boolean;
  flushScheduled: boolean;
}

export const MAX_STREAMS_PER_CONNECTION = 64;
/** Frames per transport message: large enough to amortise a send, small enough to let backpressure act. */
const MAX_FRAMES_PER_SEND = 512;

export class StreamHub {
  private readonly connections = new Map<string, ConnectionState>();
  private readonly disconnectListeners = new Set<(connection: string) => void>();

  constructor(
    private readonly implementation: StreamImplementation,
    private readonly logger: Logger,
  ) {}

  connect(caller: Caller, transport: ConnectionTransport): HubConnection {
    if (this.connections.has(caller.connection)) throw new Error(`connection ${caller.connection} is already open`);
    const state: ConnectionState = { caller, transport, streams: new Map(), writable: true, flushScheduled: false };
    this.connections.set(caller.connection, state);
    return {
      caller,
      drained: () => {
        state.writable = true;
        this.schedule(state);
      },
    };
  }

  /** The connection went away: every stream it owns is closed and its producer told. */
  disconnect(connection: string): void {
    const state = this.connections.get(connection);
    if (!state) return;
    this.connections.delete(connection);
    for (const open of state.streams.values()) open.abort.abort();
    state.streams.clear();
    for (const listener of this.disconnectListeners) listener(connection);
  }

  onDisconnect(listener: (connection: string) => void): () => void {
    this.disconnectListeners.add(listener);
    return () => this.disconnectListeners.delete(listener);
  }

  roleOf(connection: string): Role | undefined {
    return this.connections.get(connection)?.caller.role;
  }

  async open(connection: string, id: unknown, name: unknown, input: unknown): Promise<Envelope<{ opened: true }>> {
    const state = this.connections.get(connection);
    const what = typeof name === 'string' ? name.slice(0, 80) : 'stream';
    try {
      if (!state) throw new ApiError('unknown_stream', 'This connection is closed; reconnect before opening a stream.');
      if (!isStreamName(name)) throw new ApiError('unknown_stream', `Unknown stream "${what}". Known streams: ${Object.keys(streams).join(', ')}.`);
      if (typeof id !== 'string' || !STREAM_ID_PATTERN.test(id)) throw new ApiError('invalid_input', 'A stream id is 1–64 letters, digits, "-" or "_".');
      if (state.streams.has(id)) throw new ApiError('invalid_input', `Stream id ${id} is already open on this connection.`);
      if (state.streams.size >= MAX_STREAMS_PER_CONNECTION)
        throw new ApiError('invalid_input', `At most ${MAX_STREAMS_PER_CONNECTION} streams may be open at once.`);
      const spec = streams[name];
      refuseViewer(state.caller, spec.mutates, name, viewerMayOpen(name));
      const parsed = parseInput(spec.input, input, name);
      const open: OpenStream = { id, name, queue: [], dropped: 0, ended: null, abort: new AbortController() };
      state.streams.set(id, open);
      const producer = this.implementation[name] as (input: unknown, sink: StreamSink<unknown>) => void | Promise<void>;
      try {
        await producer(parsed, this.sinkFor(state, open));
      } catch (error) {
        state.streams.delete(id);
        open.abort.abort();
        throw error;
      }
      this.logger.debug('stream opened', { stream: name, id, connection });
      return { ok: true, result: { opened: true } };
    } catch (error) {
      return fail(toFailure(error, what, this.logger));
    }
  }

  /** A client closes its own stream; another connection's stream, or one already closed, is refused untouched. */
  close(connection: string, id: unknown): Envelope<{ closed: true }> {
    const open = typeof id === 'string' ? this.connections.get(connection)?.streams.get(id) : undefined;
    if (!open) return fail(new ApiError('unknown_stream', `No open stream ${String(id).slice(0, 64)} on this connection.`));
    this.connections.get(connection)?.streams.delete(open.id);
    open.abort.abort();
    return { ok: true, result: { closed: true } };
  }

  /** Open streams per connection (tests, diagnostics). */
  openStreams(connection: string): string[] {
    return [...(this.connections.get(connection)?.streams.keys() ?? [])];
  }

  closeAll(): void {
    for (const connection of [...this.connections.keys()]) this.disconnect(connection);
  }

  private sinkFor(state: ConnectionState, open: OpenStream): StreamSink<unknown> {
    const spec = streams[open.name];
    const merge = spec.merge as ((queued: unknown, next: unknown) => unknown) | undefined;
    const live = (): boolean => !open.ended && !open.abort.signal.aborted;
    return {
      caller: state.caller,
      signal: open.abort.signal,
      push: (item) => {
        if (!live()) return;
        const last = open.queue.length ? open.queue[open.queue.length - 1] : undefined;
        const merged = last !== undefined && merge ? merge(last, item) : undefined;
        if (merged !== undefined) open.queue[open.queue.length - 1] = merged;
        else {
          // A burst into a consumer that keeps up is sent now; only a consumer that is not reading loses items.
          if (open.queue.length >= spec.overflow.capacity && state.writable) this.flush(state);
          if (open.queue.length >= spec.overflow.capacity) {
            open.queue.shift();
            open.dropped++;
          }
          open.queue.push(item);
        }
        this.schedule(state);
      },
      end: (error) => {
        if (!live()) return;
        open.ended = error ? { error } : {};
        this.schedule(state);
      },
    };
  }

  private schedule(state: ConnectionState): void {
    if (state.flushScheduled || !state.writable) return;
    state.flushScheduled = true;
    setImmediate(() => {
      state.flushScheduled = false;
      this.flush(state);
    });
  }

  private flush(state: ConnectionState): void {
    if (!state.writable || this.connections.get(state.caller.connection) !== state) return;
    const frames: StreamFrame[] = [];
    for (const open of [...state.streams.values()]) {
      if (open.dropped > 0 && frames.length < MAX_FRAMES_PER_SEND) {
        frames.push({ id: open.id, type: 'dropped', count: open.dropped });
        open.dropped = 0;
      }
      while (open.queue.length && frames.length < MAX_FRAMES_PER_SEND) frames.push({ id: open.id, type: 'item', item: open.queue.shift() });
      if (open.ended && open.queue.length === 0 && frames.length < MAX_FRAMES_PER_SEND) {
        frames.push(open.ended.error ? { id: open.id, type: 'end', error: open.ended.error.toShape() } : { id: open.id, type: 'end' });
        state.streams.delete(open.id);
      }
    }
    if (frames.length === 0) return;
    state.writable = state.transport.send(frames);
    const more = [...state.streams.values()].some((open) => open.queue.length > 0 || open.dropped > 0 || open.ended);
    if (more) this.schedule(state);
  }
}
