/**
 * The single source of truth between main and renderer, merged from each
 * feature's contract part (`src/shared/<feature>.ts`):
 * - methods: request → answer, a zod schema for the input (main validates it:
 *   the renderer is untrusted), the output type, and whether it mutates;
 * - events: broadcast to every connection, only for global state;
 * - streams: opened by one connection, delivered only to it, with a declared
 *   overflow policy.
 * Both transports and the renderer's api client are typed from this file.
 * Adding a feature adds its part to the lists below.
 */
import type { z } from 'zod';
import { appContract } from './app';
import { chatContract } from './chat';
import type { EventSpec, MethodSpec, StreamFrame, StreamSpec } from './contract-kit';
import { fleetContract } from './fleet';
import { logsContract } from './logs';
import { memoryContract } from './memory';
import { metricsContract } from './metrics';
import { profilesContract } from './profiles';
import { settingsContract } from './settings';
import { loadtestContract } from './loadtest';
import { shareContract } from './share';
import { tracesContract } from './traces';
import { warroomContract } from './warroom';

export type { AppInfo, DataSource } from './app';
export type { Role, StreamFrame } from './contract-kit';

export const contract = {
  ...appContract.methods,
  ...settingsContract.methods,
  ...fleetContract.methods,
  ...profilesContract.methods,
  ...chatContract.methods,
  ...memoryContract.methods,
  ...logsContract.methods,
  ...metricsContract.methods,
  ...tracesContract.methods,
  ...warroomContract.methods,
  ...loadtestContract.methods,
  ...shareContract.methods,
} as const satisfies Record<string, MethodSpec<z.ZodType, unknown>>;

export const streams = {
  ...chatContract.streams,
  ...logsContract.streams,
  ...warroomContract.streams,
  ...loadtestContract.streams,
} as const satisfies Record<string, Pick<StreamSpec<z.ZodType, unknown>, 'input' | 'mutates' | 'overflow'>>;

export const events = {
  ...appContract.events,
  ...settingsContract.events,
  ...fleetContract.events,
  ...profilesContract.events,
  ...shareContract.events,
} as const satisfies Record<string, EventSpec<unknown>>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = Exclude<Contract[M]['output'], undefined>;

export type Streams = typeof streams;
export type StreamName = keyof Streams;
export type StreamInput<S extends StreamName> = z.input<Streams[S]['input']>;
export type StreamItem<S extends StreamName> = NonNullable<Streams[S]['item']>;

export type Events = { [E in keyof typeof events]: NonNullable<(typeof events)[E]['payload']> };
export type EventName = keyof Events;

const has = (table: object, name: unknown): boolean => typeof name === 'string' && Object.prototype.hasOwnProperty.call(table, name);

export const methodNames = Object.keys(contract) as MethodName[];
export const streamNames = Object.keys(streams) as StreamName[];
export const eventNames = Object.keys(events) as EventName[];
export const isMethodName = (name: unknown): name is MethodName => has(contract, name);
export const isStreamName = (name: unknown): name is StreamName => has(streams, name);
export const isEventName = (name: unknown): name is EventName => has(events, name);

/** What preload exposes as `window.agentcore`, and what the web transport mimics. */
export interface AgentcoreBridge {
  call(method: MethodName, input: unknown): Promise<import('./errors').Envelope<unknown>>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
  /** Opens a stream under a client-chosen id; its frames arrive through `onStreamFrames`, which is subscribed first. */
  openStream(id: string, name: StreamName, input: unknown): Promise<import('./errors').Envelope<{ opened: true }>>;
  closeStream(id: string): Promise<import('./errors').Envelope<{ closed: true }>>;
  /** Every frame of every stream this connection opened, in batches. */
  onStreamFrames(listener: (frames: StreamFrame[]) => void): () => void;
}
