/**
 * The building blocks of the contract: methods (request → answer), events
 * (broadcast global state) and streams (opened by one connection, delivered
 * only to it). Each carries its types as phantoms so both sides are typed
 * from one declaration, and each declares what the platform enforces for it:
 * whether it mutates (viewers are refused) and, for streams, what happens
 * when a consumer reads slower than the producer writes.
 */
import type { z } from 'zod';

/** Who is calling: the connection (a window, or one web client) and what it may do. */
export type Role = 'owner' | 'viewer';

export interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  /** Changes state (AWS, the database, settings, credentials): refused for a `viewer`. */
  mutates: boolean;
  /** Never read at run time; only carries the output type. */
  output?: O;
}

/** Reads state: allowed for every role. */
export const query =
  <O>() =>
  <I extends z.ZodType>(input: I): MethodSpec<I, O> => ({ input, mutates: false });

/** Changes state: the dispatcher refuses it for a `viewer`, so no handler has to remember to. */
export const command =
  <O>() =>
  <I extends z.ZodType>(input: I): MethodSpec<I, O> => ({ input, mutates: true });

/**
 * What the host does with a stream's items while its consumer is not reading
 * (a busy tab, a stalled socket), so memory stays bounded:
 * - `coalesce`: items the stream's own merge function can fold into the one
 *   queued before them are merged (chat text deltas); others queue as they are.
 * - `drop-oldest`: at most `capacity` items wait; older ones are dropped and
 *   the consumer is told how many before the next item it gets.
 */
export type OverflowPolicy = { kind: 'coalesce'; capacity: number } | { kind: 'drop-oldest'; capacity: number };

export interface StreamSpec<I extends z.ZodType, Item> {
  input: I;
  mutates: boolean;
  overflow: OverflowPolicy;
  /** `coalesce` streams: folds `next` into `queued`, or returns undefined when the two must stay apart. */
  merge?: (queued: Item, next: Item) => Item | undefined;
  item?: Item;
}

export const stream =
  <Item>() =>
  <I extends z.ZodType>(spec: {
    input: I;
    mutates: boolean;
    overflow: OverflowPolicy;
    merge?: (queued: Item, next: Item) => Item | undefined;
  }): StreamSpec<I, Item> =>
    spec;

/** A pushed event: only a payload type. */
export interface EventSpec<P> {
  payload?: P;
}
export const event = <P>(): EventSpec<P> => ({});

/** What a stream's consumer receives, in order, over either transport. */
export type StreamFrame =
  | { id: string; type: 'item'; item: unknown }
  | { id: string; type: 'dropped'; count: number }
  | { id: string; type: 'end'; error?: import('./errors').ApiErrorShape };

/** Client-chosen stream ids: unique per connection, short, and safe in logs. */
export const STREAM_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
