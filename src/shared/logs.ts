/**
 * CloudWatch Logs as the console tails them: an agent's log groups (one per
 * runtime endpoint), a live tail per endpoint over an owned stream, history
 * pages for a time range, and the full text of a line too long to ship whole.
 * Lines are parsed once in main (level, JSON, session / request / trace ids),
 * so the renderer only filters and draws.
 */
import { z } from 'zod';
import { agentKeySchema, qualifierSchema } from './chat';
import { query, stream } from './contract-kit';

export const logLevels = ['error', 'warn', 'info', 'debug', 'other'] as const;
export type LogLevel = (typeof logLevels)[number];

/** Longer messages reach the renderer cut to this many characters; `logs.line` returns the rest. */
export const LINE_PREVIEW_CHARS = 8192;
/** CloudWatch accepts at most this many characters in a filter pattern. */
export const FILTER_PATTERN_MAX = 1024;

export interface LogLine {
  /** Stable for the same event whether it came from live tail or history: time, and hashes of endpoint, stream and message. */
  key: string;
  /** Event time, epoch ms, on AWS's clock. */
  timestamp: number;
  ingestionTime?: number;
  endpoint: string;
  stream: string;
  level: LogLevel;
  /** ANSI colour codes stripped, invalid UTF-16 replaced; at most LINE_PREVIEW_CHARS. */
  message: string;
  /** The whole message's length, when `message` holds only its start. */
  fullLength?: number;
  /** The message is one JSON object (an application or OTEL record). */
  json: boolean;
  sessionId?: string;
  requestId?: string;
  traceId?: string;
}

export interface LogGroupInfo {
  endpoint: string;
  endpointStatus: string;
  groupName: string;
  exists: boolean;
  createdAt?: number;
  storedBytes?: number;
  retentionDays?: number;
  /** Why the group is missing and what to check, when it is. */
  missingReason?: string;
}

export interface LogDiscovery {
  agentKey: string;
  agentName: string;
  region: string;
  groups: LogGroupInfo[];
  /** AgentCore's OpenTelemetry spans group in this region (`aws/spans`): present when observability is on. */
  spansGroupExists: boolean;
}

/**
 * How a tail is being fed: `live` (StartLiveTail), `polling` (FilterLogEvents
 * every few seconds, when live tail is denied or unavailable), `reconnecting`
 * after a dropped session, `stopped` when it cannot go on (group deleted).
 */
export type TailMode = 'connecting' | 'live' | 'polling' | 'reconnecting' | 'stopped';

export type LogTailItem =
  /** `seq` numbers the first line among every line this stream has sent, so a gap after dropped frames is exact. */
  | { kind: 'lines'; seq: number; lines: LogLine[]; mode: TailMode }
  | { kind: 'mode'; mode: TailMode; reason?: string; at: number }
  | { kind: 'notice'; level: 'info' | 'warning' | 'error'; code: string; message: string; at: number };

const epochMs = z.number().int().min(0).max(8_640_000_000_000_000);

export const filterPatternSchema = z.string().max(FILTER_PATTERN_MAX, `A CloudWatch filter pattern holds at most ${FILTER_PATTERN_MAX} characters`);

export const logsInputs = {
  groups: z.object({ agentKey: agentKeySchema }).strict(),
  history: z
    .object({
      agentKey: agentKeySchema,
      endpoint: qualifierSchema,
      /** A fixed range (epoch ms on AWS's clock) … */
      startTime: epochMs.optional(),
      endTime: epochMs.optional(),
      /** … or the last this-many ms, measured on AWS's clock in main, so a laptop clock that is off does not miss lines. */
      lastMs: z
        .number()
        .int()
        .min(1000)
        .max(90 * 24 * 3_600_000)
        .optional(),
      filterPattern: filterPatternSchema.optional(),
      nextToken: z.string().min(1).max(8192).optional(),
      limit: z.number().int().min(1).max(10_000).default(500),
    })
    .strict()
    .refine((v) => (v.lastMs === undefined) !== (v.startTime === undefined || v.endTime === undefined), {
      message: 'Give either startTime and endTime, or lastMs',
      path: ['startTime'],
    })
    .refine((v) => v.startTime === undefined || v.endTime === undefined || v.endTime >= v.startTime, {
      message: 'The range ends before it starts',
      path: ['endTime'],
    }),
  tail: z
    .object({
      agentKey: agentKeySchema,
      endpoint: qualifierSchema,
      filterPattern: filterPatternSchema.optional(),
      /** Lines from this far back are loaded first, so the tail opens with context. */
      backfillMs: z
        .number()
        .int()
        .min(0)
        .max(60 * 60_000)
        .default(5 * 60_000),
    })
    .strict(),
  line: z.object({ key: z.string().min(1).max(2048) }).strict(),
};

export interface LogHistoryPage {
  lines: LogLine[];
  /** The range searched (a `lastMs` request resolved on AWS's clock): pass it back with `nextToken` for the next page. */
  startTime: number;
  endTime: number;
  /** More lines match in the range. */
  nextToken?: string;
  groupName: string;
}

export const logsContract = {
  methods: {
    /** The agent's log group per endpoint, with why one is missing. */
    'logs.groups': query<LogDiscovery>()(logsInputs.groups),
    /** One page of FilterLogEvents over a time range, oldest first. */
    'logs.history': query<LogHistoryPage>()(logsInputs.history),
    /** The whole text of a line that reached the renderer cut, while main still holds it. */
    'logs.line': query<{ message: string }>()(logsInputs.line),
  },
  streams: {
    /** Follows one endpoint's log group: live tail, else polling; reconnects without duplicating or losing lines. */
    'logs.tail': stream<LogTailItem>()({ input: logsInputs.tail, mutates: false, overflow: { kind: 'drop-oldest', capacity: 512 } }),
  },
} as const;
