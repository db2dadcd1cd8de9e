/**
 * Chat with a deployed agent: sessions, messages, streaming events and the
 * metrics of every invocation. Sessions live in the console's SQLite store;
 * AgentCore itself has no session list, titles or transcripts.
 */
import { z } from 'zod';

/** `<profile>|<region>|runtime|<runtimeId>` — the fleet key of the runtime. */
export const agentKeySchema = z
  .string()
  .min(3)
  .max(400)
  .regex(/^[^|]+\|[a-z0-9-]+\|runtime\|[^|]+$/, 'not a runtime key from the fleet');
/** AgentCore requires 33–256 characters. */
export const runtimeSessionIdSchema = z.string().min(33, 'runtimeSessionId must be at least 33 characters').max(256);
const localId = z.string().min(1).max(64);

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
}

/** An actionable error: what happened, and what the user can do next. */
export interface ChatError {
  code: string; // AWS error code, or console codes: timeout, dropped_stream, model_access, bearer_required …
  message: string;
  hint?: string;
  action?:
    { kind: 'retry' } | { kind: 'open_logs'; agentKey: string; sessionId: string; at: number } | { kind: 'refresh_fleet' } | { kind: 'set_bearer_token' };
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
  sessionsList: z.object({ agentKey: agentKeySchema.optional() }).strict(),
  sessionsCreate: z
    .object({
      agentKey: agentKeySchema,
      qualifier: z
        .string()
        .min(1)
        .max(100)
        .regex(/^[A-Za-z0-9_-]+$/)
        .default('DEFAULT'),
      userId: z.string().min(1).max(128).optional(),
      /** Resume a session started elsewhere (CLI, another console). */
      runtimeSessionId: runtimeSessionIdSchema.optional(),
    })
    .strict(),
  sessionGet: z.object({ sessionId: localId }).strict(),
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
  templateGet: z.object({ agentKey: agentKeySchema }).strict(),
  templateSet: z.object({ agentKey: agentKeySchema, template: z.string().max(100_000) }).strict(),
  bearerSet: z.object({ agentKey: agentKeySchema, token: z.string().max(16_384).nullable() }).strict(),
  search: z.object({ query: z.string().max(500), limit: z.number().int().min(1).max(200).default(50) }).strict(),
  exportSession: z.object({ sessionId: localId, format: z.enum(['markdown', 'json']) }).strict(),
  importSession: z.object({ content: z.string().min(2).max(50_000_000) }).strict(),
};

export const DEFAULT_PAYLOAD_TEMPLATE = '{"prompt": "{{prompt}}"}';

/** Pushed while a reply streams: appended text and steps, batched per animation frame by main. */
export interface ChatDelta {
  sessionId: string;
  messageId: number;
  text: string;
  steps?: ChatStep[];
}
/** Pushed when a reply ends in any way: the final message as stored. */
export interface ChatCompleted {
  sessionId: string;
  message: ChatMessage;
}
