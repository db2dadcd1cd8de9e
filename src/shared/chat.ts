/**
 * Chat with a deployed agent: sessions, messages, streaming events and the
 * metrics of every invocation. Sessions live in the console's SQLite store;
 * AgentCore itself has no session list, titles or transcripts.
 */
import { z } from 'zod';
import { command, query, stream } from './contract-kit';

/** `<profile>|<region>|runtime|<runtimeId>` — the fleet key of the runtime. */
export const agentKeySchema = z
  .string()
  .min(3)
  .max(400)
  .regex(/^[^|]+\|[a-z0-9-]+\|runtime\|[^|]+$/, 'not a runtime key from the fleet');
/** What a chat can talk to: an agent runtime, or a managed agent harness. */
export const chatAgentKeySchema = z
  .string()
  .min(3)
  .max(400)
  .regex(/^[^|]+\|[a-z0-9-]+\|(runtime|harness)\|[^|]+$/, 'not a runtime or harness key from the fleet');
/** AgentCore requires 33–256 characters. */
export const runtimeSessionIdSchema = z.string().min(33, 'runtimeSessionId must be at least 33 characters').max(256);
const localId = z.string().min(1).max(64);
/** An endpoint name (the invoke's `qualifier`). */
export const qualifierSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/)
  .default('DEFAULT');

export type MessageRole = 'user' | 'assistant';
export type MessageState = 'complete' | 'streaming' | 'incomplete' | 'error';

/** A typed event from the agent (thinking, workflow step, tool call) shown as a collapsible step. */
export interface ChatStep {
  kind: string; // agent_thinking | workflow_step | tool_use | tool_result | …
  title: string;
  detail?: string;
}

export interface InvocationMetrics {
  ttfbMs?: number;
  totalMs?: number;
  bytes: number;
  chunks: number;
  coldStart: boolean;
  traceId?: string;
  httpStatus?: number;
  contentType?: string;
  /** Token usage a harness reports in its metadata event. */
  usage?: { inputTokens: number; outputTokens: number; totalTokens?: number };
  /** The harness's own latency for the turn, from the same event. */
  serverLatencyMs?: number;
}

/** An actionable error: what happened, and what the user can do next. */
export interface ChatError {
  code: string; // AWS error code, or console codes: timeout, dropped_stream, model_access, bearer_required …
  message: string;
  hint?: string;
  action?:
    | { kind: 'retry' }
    | { kind: 'open_logs'; agentKey: string; endpoint: string; sessionId: string; at: number }
    | { kind: 'refresh_fleet' }
    | { kind: 'set_bearer_token' };
}

export interface ChatMessage {
  id: number;
  sessionId: string;
  role: MessageRole;
  text: string;
  state: MessageState;
  createdAt: number;
  steps?: ChatStep[];
  /** Exact bytes received (assistant) or sent (user), UTF-8 decoded with replacement; capped for very large replies. */
  raw?: string;
  rawTruncated?: boolean;
  /** The response was JSON that no known shape matched: rendered as pretty JSON. */
  format?: 'text' | 'markdown' | 'json';
  metrics?: InvocationMetrics;
  error?: ChatError;
  /** The agent's reply itself reports a model-access problem (not an invoke failure). */
  modelAccessIssue?: boolean;
  /** The runtime session this turn went to: it changes after chat.endSession, so the UI can mark the boundary. */
  runtimeSessionId?: string;
}

export interface ChatSession {
  id: string;
  agentKey: string;
  agentName: string;
  qualifier: string;
  runtimeSessionId: string;
  userId?: string;
  title: string;
  pinned: boolean;
  createdAt: number;
  lastActivityAt: number;
  messageCount: number;
  /** StopRuntimeSession was called; sending again starts a new runtime session id. */
  ended: boolean;
}

export interface ChatSearchHit {
  sessionId: string;
  sessionTitle: string;
  agentName: string;
  messageId: number;
  role: MessageRole;
  createdAt: number;
  /** Matched terms wrapped in U+E000 … U+E001 (render as <mark>, never as HTML). */
  snippet: string;
}

export const payloadModeSchema = z.enum(['template', 'raw']);

export const chatInputs = {
  sessionsList: z.object({ agentKey: chatAgentKeySchema.optional() }).strict(),
  sessionsCreate: z
    .object({
      agentKey: chatAgentKeySchema,
      qualifier: qualifierSchema,
      userId: z.string().min(1).max(128).optional(),
      /** Resume a session started elsewhere (CLI, another console). */
      runtimeSessionId: runtimeSessionIdSchema.optional(),
    })
    .strict(),
  sessionGet: z.object({ sessionId: localId }).strict(),
  byRuntimeSession: z.object({ runtimeSessionId: runtimeSessionIdSchema }).strict(),
  sessionUpdate: z
    .object({
      sessionId: localId,
      title: z.string().trim().min(1).max(200).optional(),
      pinned: z.boolean().optional(),
      userId: z.string().min(1).max(128).nullable().optional(),
    })
    .strict(),
  send: z
    .object({
      sessionId: localId,
      prompt: z.string().max(1_000_000).default(''),
      mode: payloadModeSchema.default('template'),
      /** Raw mode: the exact JSON body to send. */
      raw: z.string().max(10_000_000).optional(),
    })
    .strict(),
  templateGet: z.object({ agentKey: chatAgentKeySchema }).strict(),
  templateSet: z.object({ agentKey: chatAgentKeySchema, template: z.string().max(100_000) }).strict(),
  bearerSet: z.object({ agentKey: chatAgentKeySchema, token: z.string().max(16_384).nullable() }).strict(),
  search: z.object({ query: z.string().max(500), limit: z.number().int().min(1).max(200).default(50) }).strict(),
  exportSession: z.object({ sessionId: localId, format: z.enum(['markdown', 'json']) }).strict(),
  importSession: z.object({ content: z.string().min(2).max(50_000_000) }).strict(),
};

export const DEFAULT_PAYLOAD_TEMPLATE = '{"prompt": "{{prompt}}"}';

/** One step of a streaming reply as its `chat.reply` / `chat.watch` stream delivers it. */
export type ChatReplyItem =
  /** First item. `userMessage` only on `chat.reply` (the prompt as stored); on `chat.watch`, `text`/`steps` hold what streamed so far. */
  | { kind: 'started'; session: ChatSession; assistantMessageId: number; userMessage?: ChatMessage; text?: string; steps?: ChatStep[] }
  | { kind: 'delta'; text: string; steps?: ChatStep[] }
  /** Last item: the final message as stored, whether the reply completed, was stopped, timed out or failed. */
  | { kind: 'completed'; message: ChatMessage };

/** A slow consumer gets one delta per wait, not thousands: text joins, steps append. */
export function mergeChatItems(queued: ChatReplyItem, next: ChatReplyItem): ChatReplyItem | undefined {
  if (queued.kind !== 'delta' || next.kind !== 'delta') return undefined;
  const steps = [...(queued.steps ?? []), ...(next.steps ?? [])];
  return { kind: 'delta', text: queued.text + next.text, ...(steps.length ? { steps } : {}) };
}

export const chatContract = {
  methods: {
    'chat.sessions.list': query<ChatSession[]>()(chatInputs.sessionsList),
    'chat.sessions.create': command<ChatSession>()(chatInputs.sessionsCreate),
    'chat.sessions.get': query<{ session: ChatSession; messages: ChatMessage[] }>()(chatInputs.sessionGet),
    /** The console's chat session that sent to a runtime session id (a log line names one), or null. */
    'chat.sessions.byRuntimeSession': query<{ session: ChatSession | null }>()(chatInputs.byRuntimeSession),
    'chat.sessions.update': command<ChatSession>()(chatInputs.sessionUpdate),
    'chat.sessions.delete': command<{ deleted: true }>()(chatInputs.sessionGet),
    /** Aborts the reply streaming in this session (the partial text is kept, marked incomplete). */
    'chat.stop': command<{ stopped: boolean }>()(chatInputs.sessionGet),
    /** StopRuntimeSession: the only way to end a runaway runtime session before its idle timeout. */
    'chat.endSession': command<ChatSession>()(chatInputs.sessionGet),
    'chat.template.get': query<{ template: string; isDefault: boolean }>()(chatInputs.templateGet),
    'chat.template.set': command<{ template: string }>()(chatInputs.templateSet),
    /** Keeps an OAuth agent's bearer token in main (encrypted at rest where the OS allows, else memory only). */
    'chat.bearer.set': command<{ storage: 'encrypted' | 'memory' | 'cleared' }>()(chatInputs.bearerSet),
    'chat.bearer.status': query<{ present: boolean; storage: 'encrypted' | 'memory' | 'none' }>()(chatInputs.templateGet),
    'chat.search': query<ChatSearchHit[]>()(chatInputs.search),
    'chat.export': query<{ filename: string; mimeType: string; content: string }>()(chatInputs.exportSession),
    'chat.import': command<ChatSession>()(chatInputs.importSession),
  },
  streams: {
    /**
     * Sends a prompt: main stores the user message, invokes the agent and streams the reply to the connection that
     * sent it. Closing the stream (or losing the connection) stops the pushing, not the reply: it still completes
     * into SQLite, and `chat.watch` picks it up again.
     */
    'chat.reply': stream<ChatReplyItem>()({ input: chatInputs.send, mutates: true, overflow: { kind: 'coalesce', capacity: 64 }, merge: mergeChatItems }),
    /** Follows the reply already streaming in a session (after a reload or reconnect); ends at once when none is. */
    'chat.watch': stream<ChatReplyItem>()({
      input: chatInputs.sessionGet,
      mutates: false,
      overflow: { kind: 'coalesce', capacity: 64 },
      merge: mergeChatItems,
    }),
  },
} as const;
