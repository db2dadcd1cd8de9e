/**
 * AgentCore Memory as the console browses it: short-term events per actor and
 * session, long-term records per strategy namespace, semantic search with
 * scores, failed extraction jobs, and deletes that are confirmed by name and
 * audited locally. Every method names its memory by fleet key, so main knows
 * which profile and region to call; nothing here carries credentials.
 */
import { z } from 'zod';
import { command, query } from './contract-kit';

/** `<profile>|<region>|memory|<memoryId>` — the fleet key of the memory. */
export const memoryKeySchema = z
  .string()
  .min(3)
  .max(600)
  .regex(/^[^|]+\|[a-z0-9-]+\|memory\|[^|]+$/, 'not a memory key from the fleet');

/** AWS's patterns for actor and session ids, so a bad one is refused here with the rule, not by AWS. */
export const ACTOR_ID_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9\-_/]*(?::[a-zA-Z0-9\-_/]+)*[a-zA-Z0-9\-_/]*$/;
export const SESSION_ID_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9\-_]*$/;
export const actorIdSchema = z
  .string()
  .min(1)
  .max(255)
  .regex(ACTOR_ID_PATTERN, 'An actor id starts with a letter or digit and holds only letters, digits, - _ / and : (AWS pattern)');
export const memorySessionIdSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(SESSION_ID_PATTERN, 'A memory session id starts with a letter or digit and holds only letters, digits, - and _ (AWS pattern)');
/**
 * The memory session id an agent stores a runtime session under: AgentCore's
 * memory ids allow fewer characters than runtime session ids, so others
 * become '-'. The emulator stores turns this way; chat links use it to find them.
 */
export function toSessionId(raw: string): string {
  const cleaned = raw.replace(/[^a-zA-Z0-9\-_]/g, '-').replace(/^[^a-zA-Z0-9]+/, '');
  return (cleaned || 'session').slice(0, 100);
}

/** The memory actor id for a runtime user id, by the same rule. */
export function toActorId(raw: string | undefined): string {
  const cleaned = (raw ?? '').replace(/[^a-zA-Z0-9\-_/:]/g, '-').replace(/^[^a-zA-Z0-9]+/, '');
  return (cleaned || 'default-user').slice(0, 255);
}

const nextToken = z.string().min(1).max(8192).optional();
const namespaceSchema = z.string().min(1).max(1024);
const recordIdSchema = z.string().min(1).max(256);

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

export type ConversationalRole = 'USER' | 'ASSISTANT' | 'TOOL' | 'OTHER';

/** One payload item of an event: a conversational turn, or a blob shown as pretty JSON. */
export type MemoryPart = { kind: 'turn'; role: ConversationalRole; text: string } | { kind: 'blob'; json: string; truncated: boolean };

export interface MemoryEvent {
  eventId: string;
  actorId: string;
  sessionId: string;
  /** Epoch ms. */
  at: number;
  parts: MemoryPart[];
  branch?: { name: string; rootEventId?: string };
  metadata: Record<string, string>;
}

export interface MemorySession {
  sessionId: string;
  actorId: string;
  createdAt?: number;
}

export interface MemoryRecord {
  recordId: string;
  text: string;
  strategyId: string;
  namespaces: string[];
  createdAt?: number;
  /** Similarity from RetrieveMemoryRecords, in (0, 1]. */
  score?: number;
}

/** A failed extraction job: the events a strategy could not turn into long-term records, and why. */
export interface ExtractionJob {
  jobId: string;
  status: string;
  failureReason?: string;
  strategyId?: string;
  actorId?: string;
  sessionId?: string;
  eventIds: string[];
}

export interface MemoryAuditEntry {
  id: number;
  at: number;
  action: 'delete-event' | 'delete-records';
  memoryKey: string;
  memoryName: string;
  /** What was asked to go: an event id, or record ids. */
  targets: string[];
  profile: string;
  accountId: string;
  region: string;
  result: 'ok' | 'partial' | 'failed';
  /** Human detail: which failed and why. */
  detail: string;
}

export interface DeleteRecordsResult {
  deleted: string[];
  failed: Array<{ recordId: string; message: string }>;
}

/**
 * What the user types to confirm a delete: the id itself for one item, a
 * phrase with the count for several. Main checks it too, so a script or a
 * stale dialog cannot delete without naming what goes.
 */
export function deleteConfirmation(ids: readonly string[]): string {
  return ids.length === 1 ? (ids[0] ?? '') : `delete ${ids.length} records`;
}

export const memoryInputs = {
  key: z.object({ key: memoryKeySchema }).strict(),
  actors: z.object({ key: memoryKeySchema, nextToken }).strict(),
  sessions: z.object({ key: memoryKeySchema, actorId: actorIdSchema, nextToken }).strict(),
  events: z
    .object({ key: memoryKeySchema, actorId: actorIdSchema, sessionId: memorySessionIdSchema, branch: z.string().min(1).max(100).optional(), nextToken })
    .strict(),
  event: z.object({ key: memoryKeySchema, actorId: actorIdSchema, sessionId: memorySessionIdSchema, eventId: z.string().min(1).max(256) }).strict(),
  findSession: z.object({ key: memoryKeySchema, sessionId: z.string().min(1).max(256) }).strict(),
  records: z.object({ key: memoryKeySchema, namespace: namespaceSchema, strategyId: z.string().min(1).max(256).optional(), nextToken }).strict(),
  record: z.object({ key: memoryKeySchema, recordId: recordIdSchema }).strict(),
  retrieve: z
    .object({
      key: memoryKeySchema,
      namespace: namespaceSchema,
      query: z.string().trim().min(1, 'Type what to search for').max(10_000),
      topK: z.number().int().min(1).max(100).default(10),
      strategyId: z.string().min(1).max(256).optional(),
    })
    .strict(),
  jobs: z.object({ key: memoryKeySchema, actorId: actorIdSchema.optional(), nextToken }).strict(),
  audit: z.object({ limit: z.number().int().min(1).max(1000).default(200) }).strict(),
  exportSession: z.object({ key: memoryKeySchema, actorId: actorIdSchema, sessionId: memorySessionIdSchema }).strict(),
  exportNamespace: z.object({ key: memoryKeySchema, namespace: namespaceSchema }).strict(),
  deleteEvent: z
    .object({
      key: memoryKeySchema,
      actorId: actorIdSchema,
      sessionId: memorySessionIdSchema,
      eventId: z.string().min(1).max(256),
      confirmation: z.string().max(300),
    })
    .strict(),
  deleteRecords: z
    .object({
      key: memoryKeySchema,
      records: z
        .array(z.object({ recordId: recordIdSchema, namespace: namespaceSchema.optional() }).strict())
        .min(1)
        .max(100),
      confirmation: z.string().max(300),
    })
    .strict(),
};

export interface ExportFile {
  filename: string;
  mimeType: string;
  content: string;
  count: number;
}

export const memoryContract = {
  methods: {
    'memory.actors': query<Page<{ actorId: string }>>()(memoryInputs.actors),
    'memory.sessions': query<Page<MemorySession>>()(memoryInputs.sessions),
    /** Newest first, as AgentCore lists them; throttling is retried with backoff before it is reported. */
    'memory.events': query<Page<MemoryEvent>>()(memoryInputs.events),
    'memory.event': query<MemoryEvent>()(memoryInputs.event),
    /** The actor that owns a session id (a chat session's), or null when no actor has it. */
    'memory.findSession': query<{ actorId: string | null }>()(memoryInputs.findSession),
    'memory.records': query<Page<MemoryRecord>>()(memoryInputs.records),
    'memory.record': query<MemoryRecord>()(memoryInputs.record),
    'memory.retrieve': query<MemoryRecord[]>()(memoryInputs.retrieve),
    'memory.jobs': query<Page<ExtractionJob>>()(memoryInputs.jobs),
    'memory.audit': query<MemoryAuditEntry[]>()(memoryInputs.audit),
    'memory.exportSession': query<ExportFile>()(memoryInputs.exportSession),
    'memory.exportNamespace': query<ExportFile>()(memoryInputs.exportNamespace),
    'memory.deleteEvent': command<{ deleted: true }>()(memoryInputs.deleteEvent),
    'memory.deleteRecords': command<DeleteRecordsResult>()(memoryInputs.deleteRecords),
  },
} as const;
