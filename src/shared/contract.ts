/**
 * The single source of truth between main and renderer.
 *
 * Every method has a zod schema for its input (main validates it: the renderer
 * is untrusted) and a TypeScript type for its output. Every pushed event has a
 * name and a payload type. Both transports (Electron IPC and the web host) and
 * the renderer's api client are typed from this file, so adding a feature is:
 * add it here, implement it in a service, render it.
 */
import { z } from 'zod';
import type { ChatCompleted, ChatDelta, ChatMessage, ChatSearchHit, ChatSession } from './chat';
import { chatInputs } from './chat';
import type { FleetDiff, FleetSnapshot, ResourceDetail } from './fleet';
import { fleetListInput, fleetRefreshInput, fleetResourceInput } from './fleet';
import type { Settings } from './settings';
import { settingsPatchSchema } from './settings';
import type { AuthChanged, ProfilesList, SignInStarted } from './profiles';
import { profileInputs } from './profiles';

/** A method: its input schema, and its output type carried as a phantom. */
interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  /** Never read at run time; only carries the output type. */
  output?: O;
}
const method =
  <O>() =>
  <I extends z.ZodType>(input: I): MethodSpec<I, O> => ({ input });

export type DataSource =
  { kind: 'demo'; label: string; endpoint: string; regions: string[] } | { kind: 'aws'; label: string; profiles: string[]; regions: string[] };

export interface AppInfo {
  name: string;
  version: string;
  host: 'electron' | 'web';
  platform: string;
  dataDir: string;
  dataSource: DataSource;
  startedAt: number;
  /** Things the user must know about start-up (e.g. a corrupt database moved aside). */
  notices: Array<{ level: 'info' | 'warning' | 'error'; message: string }>;
}

export const contract = {
  'app.info': method<AppInfo>()(z.object({}).strict()),
  /** The renderer reports whether anyone can see it: polling pauses while the window is hidden. */
  'app.visibility': method<{ polling: 'active' | 'paused' }>()(z.object({ visible: z.boolean() }).strict()),
  'settings.get': method<Settings>()(z.object({}).strict()),
  'settings.set': method<Settings>()(settingsPatchSchema),
  'fleet.list': method<FleetSnapshot>()(fleetListInput),
  'fleet.refresh': method<FleetSnapshot>()(fleetRefreshInput),

  /** Every profile of the shared AWS files with its sign-in status; no keys or tokens. */
  'profiles.list': method<ProfilesList>()(profileInputs.list),
  /** Starts an IAM Identity Center device sign-in and opens the browser; progress arrives as auth.changed. */
  'auth.signIn': method<SignInStarted>()(profileInputs.profile),
  'auth.cancel': method<{ cancelled: boolean }>()(profileInputs.profile),
  /** Like `aws sso logout` for the profile's SSO session: revokes the token and deletes its shared cache file. */
  'auth.signOut': method<{ signedOut: string[] }>()(profileInputs.profile),
  /** Agent, gateway or memory detail: fetched on demand, with the status timeline. */
  'fleet.resource': method<ResourceDetail>()(fleetResourceInput),

  'chat.sessions.list': method<ChatSession[]>()(chatInputs.sessionsList),
  'chat.sessions.create': method<ChatSession>()(chatInputs.sessionsCreate),
  'chat.sessions.get': method<{ session: ChatSession; messages: ChatMessage[] }>()(chatInputs.sessionGet),
  'chat.sessions.update': method<ChatSession>()(chatInputs.sessionUpdate),
  'chat.sessions.delete': method<{ deleted: true }>()(chatInputs.sessionGet),
  /** Stores the user message, starts the invoke, and returns at once; the reply arrives as chat.delta / chat.completed. `session` shows a new runtimeSessionId after chat.endSession. */
  'chat.send': method<{ userMessage: ChatMessage; assistantMessageId: number; session: ChatSession }>()(chatInputs.send),
  /** Aborts the reply streaming in this session (the partial text is kept, marked incomplete). */
  'chat.stop': method<{ stopped: boolean }>()(chatInputs.sessionGet),
  /** StopRuntimeSession: the only way to end a runaway runtime session before its idle timeout. */
  'chat.endSession': method<ChatSession>()(chatInputs.sessionGet),
  'chat.template.get': method<{ template: string; isDefault: boolean }>()(chatInputs.templateGet),
  'chat.template.set': method<{ template: string }>()(chatInputs.templateSet),
  /** Keeps an OAuth agent's bearer token in main (encrypted at rest where the OS allows, else memory only). */
  'chat.bearer.set': method<{ storage: 'encrypted' | 'memory' | 'cleared' }>()(chatInputs.bearerSet),
  'chat.bearer.status': method<{ present: boolean; storage: 'encrypted' | 'memory' | 'none' }>()(chatInputs.templateGet),
  'chat.search': method<ChatSearchHit[]>()(chatInputs.search),
  'chat.export': method<{ filename: string; mimeType: string; content: string }>()(chatInputs.exportSession),
  'chat.import': method<ChatSession>()(chatInputs.importSession),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = NonNullable<Contract[M]['output']>;

export const methodNames = Object.keys(contract) as MethodName[];
export const isMethodName = (name: unknown): name is MethodName => typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);

/** Events main pushes to the renderer. */
export interface Events {
  'fleet.changed': FleetDiff;
  'settings.changed': Settings;
  'auth.changed': AuthChanged;
  'chat.delta': ChatDelta;
  'chat.completed': ChatCompleted;
}
export type EventName = keyof Events;
export const eventNames: EventName[] = ['fleet.changed', 'settings.changed', 'auth.changed', 'chat.delta', 'chat.completed'];
export const isEventName = (name: unknown): name is EventName => typeof name === 'string' && (eventNames as string[]).includes(name);

/** What preload exposes as `window.agentcore`, and what the web transport mimics. */
export interface AgentcoreBridge {
  call(method: MethodName, input: unknown): Promise<import('./errors').Envelope<unknown>>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
}
