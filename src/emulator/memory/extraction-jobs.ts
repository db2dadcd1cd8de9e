/**
 * Failed long-term extraction jobs. AgentCore extracts records from events
 * asynchronously with a model per strategy; when that model call fails the
 * job is kept as FAILED (the only ExtractionJobStatus) so the user can restart
 * it. Demo memories carry a few such failures on real seeded events, phrased
 * like the Bedrock errors the rest of the demo shows.
 */
import type { MemoryDefinition } from '../core/types';
import { Rng } from '../kit/rng';
import type { Strategy } from './namespaces';
import type { MemoryData } from './store';

export interface StoredExtractionJob {
  jobId: string;
  actorId: string;
  sessionId: string;
  strategyId: string;
  /** The events (one message each in this emulator) the job was extracting from. */
  messages: Array<{ eventId: string; messageIndex: number }>;
  failureReason: string;
  /** Epoch ms; listings show the newest failure first. */
  failedAt: number;
}

interface SeedFailure {
  actorId: string;
  /** Seed session key (see seed-content.ts); the session id starts with it. */
  sessionKey: string;
  strategyType: Strategy['type'];
  /** Indexes of the session's seeded turns the job covers. */
  turns: number[];
  failureReason: string;
}

const EXTRACTION_MODEL = 'anthropic.claude-3-5-haiku-20241022-v1:0';

/** Keyed by theme name (themeFor); `{account}` and `{region}` are the memory's. */
const SEEDED_FAILURES: Record<string, SeedFailure[]> = {
  sre: [
    {
      actorId: 'alice',
      sessionKey: 'payment-latency',
      strategyType: 'SEMANTIC',
      turns: [2, 3],
      failureReason: `ThrottlingException from Amazon Bedrock while invoking ${EXTRACTION_MODEL}: Too many tokens, please wait before trying again. Retries exhausted after 3 attempts.`,
    },
    {
      actorId: 'alice',
      sessionKey: 'disk-pressure',
      strategyType: 'SUMMARIZATION',
      turns: [0, 1],
      failureReason: `AccessDeniedException from Amazon Bedrock: You don't have access to the model with the specified model ID (arn:aws:bedrock:{region}::foundation-model/${EXTRACTION_MODEL}). The memory execution role arn:aws:iam::{account}:role/AgentCoreMemoryExecutionRole needs bedrock:InvokeModel and model access enabled.`,
    },
    {
      actorId: 'carol',
      sessionKey: 'cost-anomaly',
      strategyType: 'SEMANTIC',
      turns: [0, 1],
      failureReason: `ModelTimeoutException from Amazon Bedrock while invoking ${EXTRACTION_MODEL}: The request took too long to process. Processing time exceeded a model timeout length.`,
    },
  ],
};

/** A session whose seeded summary failed to extract has no summary record, as in AWS. */
export function summaryFailed(themeName: string, actorId: string, sessionKey: string): boolean {
  return (SEEDED_FAILURES[themeName] ?? []).some((f) => f.strategyType === 'SUMMARIZATION' && f.actorId === actorId && f.sessionKey === sessionKey);
}

/** The theme's failures that this memory can have: the strategy type and the seeded session must exist. */
export function seedFailedJobs(seed: number, memory: MemoryDefinition, themeName: string, d: MemoryData): StoredExtractionJob[] {
  const jobs: StoredExtractionJob[] = [];
  (SEEDED_FAILURES[themeName] ?? []).forEach((f, i) => {
    const strategy = memory.strategies.find((s) => s.type === f.strategyType);
    const sessions = d.sessions.get(f.actorId);
    const sessionId = [...(sessions?.keys() ?? [])].find((id) => id.startsWith(`${f.sessionKey}-`));
    const events = sessionId ? (sessions?.get(sessionId) ?? []) : [];
    const covered = f.turns.map((t) => events[t]).filter((e) => e !== undefined);
    if (!strategy || !sessionId || covered.length === 0) return;
    jobs.push({
      jobId: Rng.for(seed, 'extraction-job', memory.id, i).uuid(),
      actorId: f.actorId,
      sessionId,
      strategyId: strategy.strategyId,
      messages: covered.map((e) => ({ eventId: e.eventId, messageIndex: 0 })),
      failureReason: f.failureReason.replaceAll('{account}', memory.accountId).replaceAll('{region}', memory.region),
      failedAt: (covered.at(-1)?.eventTimestamp ?? 0) + 90_000,
    });
  });
  return jobs.sort((a, b) => b.failedAt - a.failedAt);
}

export function jobToWire(job: StoredExtractionJob): Record<string, unknown> {
  return {
    jobID: job.jobId,
    messages: { messagesList: job.messages },
    status: 'FAILED',
    failureReason: job.failureReason,
    strategyId: job.strategyId,
    sessionId: job.sessionId,
    actorId: job.actorId,
  };
}
