/**
 * Transcripts out (Markdown for people, JSON for the console) and back in.
 * An imported file is untrusted: it is validated with zod and a bad one gets
 * an error naming the field that is wrong, never a half-imported session.
 */
import { z } from 'zod';
import { agentKeySchema, qualifierSchema, runtimeSessionIdSchema, type ChatMessage, type ChatSession } from '../../../shared/chat';

export const TRANSCRIPT_FORMAT = 'agentcore-ops-console.chat';
export const TRANSCRIPT_VERSION = 1;

const stepSchema = z.object({ kind: z.string().max(200), title: z.string().max(2000), detail: z.string().max(1_000_000).optional() });
const errorSchema = z.object({ code: z.string().max(200), message: z.string().max(10_000), hint: z.string().max(10_000).optional() }).passthrough();
const metricsSchema = z
  .object({
    ttfbMs: z.number().optional(),
    totalMs: z.number().optional(),
    bytes: z.number(),
    chunks: z.number(),
    coldStart: z.boolean(),
    traceId: z.string().max(500).optional(),
    httpStatus: z.number().optional(),
    contentType: z.string().max(500).optional(),
  })
  .partial({ bytes: true, chunks: true, coldStart: true });

const messageSchema = z.object({
  role: z.enum(['user', 'assistant']),
  text: z.string(),
  state: z.enum(['complete', 'streaming', 'incomplete', 'error']).default('complete'),
  createdAt: z.number().int().nonnegative(),
  steps: z.array(stepSchema).max(10_000).optional(),
  format: z.enum(['text', 'markdown', 'json']).optional(),
  metrics: metricsSchema.optional(),
  error: errorSchema.optional(),
  modelAccessIssue: z.boolean().optional(),
  runtimeSessionId: z.string().max(256).optional(),
});

export const transcriptSchema = z.object({
  format: z.literal(TRANSCRIPT_FORMAT),
  version: z.literal(TRANSCRIPT_VERSION),
  exportedAt: z.number().optional(),
  session: z.object({
    agentKey: agentKeySchema,
    agentName: z.string().max(200).default(''),
    qualifier: qualifierSchema,
    runtimeSessionId: runtimeSessionIdSchema,
    userId: z.string().min(1).max(128).optional(),
    title: z.string().trim().min(1).max(200),
    pinned: z.boolean().default(false),
    createdAt: z.number().int().nonnegative(),
  }),
  messages: z.array(messageSchema).max(200_000),
});
export type Transcript = z.output<typeof transcriptSchema>;

export function toJsonTranscript(session: ChatSession, messages: ChatMessage[], now: number): string {
  const transcript = {
    format: TRANSCRIPT_FORMAT,
    version: TRANSCRIPT_VERSION,
    exportedAt: now,
    session: {
      agentKey: session.agentKey,
      agentName: session.agentName,
      qualifier: session.qualifier,
      runtimeSessionId: session.runtimeSessionId,
      ...(session.userId ? { userId: session.userId } : {}),
      title: session.title,
      pinned: session.pinned,
      createdAt: session.createdAt,
    },
    // Raw bodies stay out: they can be megabytes and are not the conversation.
    messages: messages.map(({ id: _id, sessionId: _s, raw: _raw, rawTruncated: _t, ...rest }) => rest),
  };
  return JSON.stringify(transcript, null, 2);
}

export function toMarkdownTranscript(session: ChatSession, messages: ChatMessage[]): string {
  const lines = [
    `# ${session.title}`,
    '',
    `- Agent: ${session.agentName} (\`${session.agentKey}\`), endpoint ${session.qualifier}`,
    `- Runtime session: \`${session.runtimeSessionId}\``,
    `- Started: ${new Date(session.createdAt).toISOString()}`,
    '',
  ];
  for (const m of messages) {
    lines.push(`## ${m.role === 'user' ? 'You' : session.agentName} — ${new Date(m.createdAt).toISOString()}`, '');
    for (const step of m.steps ?? []) lines.push(`> _${step.title}_${step.detail ? `: ${step.detail.split('\n')[0]}` : ''}`);
    if (m.steps?.length) lines.push('');
    lines.push(m.format === 'json' ? '```json\n' + m.text + '\n```' : m.text, '');
    if (m.error) lines.push(`> **${m.state === 'error' ? 'Error' : 'Incomplete'} (${m.error.code}):** ${m.error.message}`, '');
    else if (m.state !== 'complete') lines.push(`> _Reply ${m.state}._`, '');
  }
  return lines.join('\n');
}

/** Parses and validates an exported transcript; throws an Error naming the first problem. */
export function parseTranscript(content: string): Transcript {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (error) {
    throw new Error(
      `The file is not JSON (${error instanceof Error ? error.message : String(error)}). Import takes a chat exported as JSON from this console.`,
    );
  }
  if (typeof json === 'object' && json !== null && (json as { format?: unknown }).format !== TRANSCRIPT_FORMAT) {
    throw new Error(`The file is JSON but not a chat transcript from this console (expected "format": "${TRANSCRIPT_FORMAT}").`);
  }
  const parsed = transcriptSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : '(top level)';
    throw new Error(
      `The transcript is invalid at ${where}: ${issue?.message ?? 'unknown problem'}${parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more problems)` : ''}.`,
    );
  }
  return parsed.data;
}

export function transcriptFilename(session: ChatSession, ext: 'md' | 'json'): string {
  const slug =
    session.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'chat';
  return `${session.agentName.replace(/[^A-Za-z0-9_-]+/g, '_')}-${slug}.${ext}`;
}
