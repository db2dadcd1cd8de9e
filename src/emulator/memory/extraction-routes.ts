/** Extraction jobs: ListMemoryExtractionJobs (the failed ones) and StartMemoryExtractionJob (restart one). */
import { AwsError, type ModuleDeps, type Route } from '../core/types';
import { optObject, optString, readJsonBody } from '../kit/json-body';
import { paginateList } from '../core/pagination';
import { extractRecord } from './extract';
import { jobToWire, type StoredExtractionJob } from './extraction-jobs';
import { strategyNamespace } from './namespaces';
import type { MemoryData, MemoryStore } from './store';
import { checkMaxResults, validationError } from './validate';
import { badToken, findMemory } from './wire';

/** The texts of the job's messages by role, as the extraction model would read them. */
function jobTurn(d: MemoryData, job: StoredExtractionJob): { prompt: string; reply: string } {
  const events = d.sessions.get(job.actorId)?.get(job.sessionId) ?? [];
  const byRole: Record<string, string[]> = { USER: [], ASSISTANT: [] };
  for (const { eventId, messageIndex } of job.messages) {
    const message = events.find((e) => e.eventId === eventId)?.payload[messageIndex] as
      { conversational?: { role?: string; content?: { text?: string } } } | undefined;
    const conv = message?.conversational;
    if (conv?.role && conv.content?.text) byRole[conv.role]?.push(conv.content.text);
  }
  return { prompt: byRole.USER!.join(' '), reply: byRole.ASSISTANT!.join(' ') };
}

export function extractionRoutes(deps: ModuleDeps, store: MemoryStore): Route[] {
  const base = { service: 'agentcore' as const };
  /** clientToken → job id: the SDK fills a token per call, and its retries must not fail on a job already restarted. */
  const started = new Map<string, string>();
  return [
    {
      ...base,
      operation: 'ListMemoryExtractionJobs',
      method: 'POST',
      path: '/memories/{memoryId}/extractionJobs',
      handle(ctx) {
        const memory = findMemory(deps, ctx);
        const body = readJsonBody(ctx);
        const maxResults = checkMaxResults(body.maxResults, 20);
        const filter = optObject(body, 'filter') ?? {};
        const status = optString(filter, 'status');
        if (status !== undefined && status !== 'FAILED') throw validationError('filter.status', 'Member must satisfy enum value set: [FAILED]');
        const want = { strategyId: optString(filter, 'strategyId'), sessionId: optString(filter, 'sessionId'), actorId: optString(filter, 'actorId') };
        const jobs = store
          .get(memory)
          .failedJobs.filter(
            (j) =>
              (!want.strategyId || j.strategyId === want.strategyId) &&
              (!want.sessionId || j.sessionId === want.sessionId) &&
              (!want.actorId || j.actorId === want.actorId),
          );
        const page = paginateList(jobs, {
          scope: `extraction-jobs|${memory.id}|${want.strategyId ?? ''}|${want.sessionId ?? ''}|${want.actorId ?? ''}`,
          size: maxResults,
          nextToken: optString(body, 'nextToken'),
          onBadToken: badToken,
        });
        return { body: { jobs: page.items.map(jobToWire), nextToken: page.nextToken } };
      },
    },
    {
      ...base,
      operation: 'StartMemoryExtractionJob',
      method: 'POST',
      path: '/memories/{memoryId}/extractionJobs/start',
      handle(ctx) {
        const memory = findMemory(deps, ctx);
        const body = readJsonBody(ctx);
        const jobId = optString(optObject(body, 'extractionJob') ?? {}, 'jobId');
        if (!jobId) throw validationError('extractionJob.jobId', 'Member must not be null');
        const clientToken = optString(body, 'clientToken');
        const tokenKey = clientToken ? `${memory.id}|${clientToken}` : undefined;
        const d = store.get(memory);
        const index = d.failedJobs.findIndex((j) => j.jobId === jobId);
        const job = d.failedJobs[index];
        if (!job && tokenKey && started.get(tokenKey) === jobId) return { body: { jobId } };
        if (!job) throw new AwsError(404, 'ResourceNotFoundException', `Extraction job not found: ${jobId}`);
        // The cause (throttling, a timeout, model access since fixed) is gone by the time someone restarts: the rerun succeeds.
        d.failedJobs.splice(index, 1);
        if (tokenKey) started.set(tokenKey, jobId);
        const strategy = memory.strategies.find((s) => s.strategyId === job.strategyId);
        const turn = jobTurn(d, job);
        const text = strategy ? extractRecord(strategy, turn.prompt, turn.reply) : undefined;
        if (strategy && text !== undefined) {
          store.addRecord(d, memory.id, strategy, strategyNamespace(strategy, job.actorId, job.sessionId), text, deps.now());
        }
        return { body: { jobId } };
      },
    },
  ];
}
