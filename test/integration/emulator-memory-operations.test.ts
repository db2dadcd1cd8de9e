/** Memory operations beyond events and single records, via the real SDKs: batch deletes, failed extraction jobs, the memory's KMS key, throttling. */
import { GetMemoryCommand } from '@aws-sdk/client-bedrock-agentcore-control';
import {
  BatchCreateMemoryRecordsCommand,
  BatchDeleteMemoryRecordsCommand,
  RetrieveMemoryRecordsCommand,
  GetEventCommand,
  GetMemoryRecordCommand,
  ListEventsCommand,
  ListMemoryExtractionJobsCommand,
  ListMemoryRecordsCommand,
  ListSessionsCommand,
  ResourceNotFoundException,
  StartMemoryExtractionJobCommand,
  ThrottledException,
  ValidationException,
  paginateListMemoryExtractionJobs,
  type ExtractionJobMetadata,
} from '@aws-sdk/client-bedrock-agentcore';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { controlClient, dataClient } from './helpers/emulator-clients';
import { REGION, startTestEmulator, type TestEmulator } from './helpers/emulator';

let t: TestEmulator;
let MEMORY: string;
const data = () => dataClient(t.emu, { region: REGION });

beforeAll(async () => {
  t = await startTestEmulator();
  MEMORY = t.memory('sre_agent_memory').id;
});
// Every test starts from the seeded memory again.
afterEach(() => t.emu.reset());
afterAll(() => t.close());

async function allJobs(filter?: { actorId?: string }): Promise<ExtractionJobMetadata[]> {
  const jobs: ExtractionJobMetadata[] = [];
  for await (const page of paginateListMemoryExtractionJobs({ client: data(), pageSize: 1 }, { memoryId: MEMORY, ...(filter ? { filter } : {}) }))
    jobs.push(...(page.jobs ?? []));
  return jobs;
}

describe('BatchCreateMemoryRecords', () => {
  it('writes records straight into a namespace, failing bad entries one by one', async () => {
    const namespace = '/imported/runbooks';
    const out = await data().send(
      new BatchCreateMemoryRecordsCommand({
        memoryId: MEMORY,
        records: [
          {
            requestIdentifier: 'r1',
            namespaces: [namespace],
            content: { text: 'Restart the log shipper when a node reports DiskPressure' },
            timestamp: new Date(1_700_000_000_000),
          },
          { requestIdentifier: 'r2', namespaces: [namespace], content: { text: 'x' }, timestamp: new Date(), memoryStrategyId: 'no-such-strategy' },
        ],
      }),
    );
    expect(out.successfulRecords).toEqual([{ memoryRecordId: expect.stringMatching(/^mem-/) as string, requestIdentifier: 'r1', status: 'SUCCEEDED' }]);
    expect(out.failedRecords).toMatchObject([
      { requestIdentifier: 'r2', status: 'FAILED', errorCode: 400, errorMessage: 'Memory strategy not found: no-such-strategy' },
    ]);
    const listed = await data().send(new ListMemoryRecordsCommand({ memoryId: MEMORY, namespace }));
    expect(listed.memoryRecordSummaries?.map((r) => [r.content?.text, r.createdAt?.getTime()])).toEqual([
      ['Restart the log shipper when a node reports DiskPressure', 1_700_000_000_000],
    ]);
    const recalled = await data().send(
      new RetrieveMemoryRecordsCommand({ memoryId: MEMORY, namespace, searchCriteria: { searchQuery: 'disk full on a node', topK: 5 } }),
    );
    expect(recalled.memoryRecordSummaries?.[0]?.memoryRecordId).toBe(out.successfulRecords?.[0]?.memoryRecordId);
  });
});

describe('BatchDeleteMemoryRecords', () => {
  it('deletes the records that exist and fails the missing one by itself', async () => {
    const listed = await data().send(new ListMemoryRecordsCommand({ memoryId: MEMORY, namespace: '/users/alice/preferences' }));
    const [a, b] = listed.memoryRecordSummaries!.map((r) => r.memoryRecordId!);
    const out = await data().send(
      new BatchDeleteMemoryRecordsCommand({
        memoryId: MEMORY,
        records: [{ memoryRecordId: a!, namespace: '/users/alice/preferences' }, { memoryRecordId: 'mem-does-not-exist' }, { memoryRecordId: b! }],
      }),
    );
    expect(out.successfulRecords).toEqual([
      { memoryRecordId: a, status: 'SUCCEEDED' },
      { memoryRecordId: b, status: 'SUCCEEDED' },
    ]);
    expect(out.failedRecords).toEqual([
      { memoryRecordId: 'mem-does-not-exist', status: 'FAILED', errorCode: 404, errorMessage: 'Memory record not found: mem-does-not-exist' },
    ]);
    await expect(data().send(new GetMemoryRecordCommand({ memoryId: MEMORY, memoryRecordId: a! }))).rejects.toBeInstanceOf(ResourceNotFoundException);
    const after = await data().send(new ListMemoryRecordsCommand({ memoryId: MEMORY, namespace: '/users/alice/preferences' }));
    expect(after.memoryRecordSummaries).toHaveLength(listed.memoryRecordSummaries!.length - 2);
  });

  it('rejects an empty or oversized batch with a field-level ValidationException', async () => {
    const empty = await data()
      .send(new BatchDeleteMemoryRecordsCommand({ memoryId: MEMORY, records: [] }))
      .catch((e: unknown) => e);
    expect(empty).toBeInstanceOf(ValidationException);
    expect((empty as ValidationException).fieldList?.[0]?.name).toBe('records');
    const records = Array.from({ length: 101 }, (_, i) => ({ memoryRecordId: `mem-${i}` }));
    const big = await data()
      .send(new BatchDeleteMemoryRecordsCommand({ memoryId: MEMORY, records }))
      .catch((e: unknown) => e);
    expect(big).toBeInstanceOf(ValidationException);
    expect((big as ValidationException).message).toMatch(/less than or equal to 100/);
  });
});

describe('ListMemoryExtractionJobs / StartMemoryExtractionJob', () => {
  it('lists the seeded failed jobs of the SRE memory, on real events of the session they name', async () => {
    const jobs = await allJobs();
    expect(jobs.length).toBeGreaterThanOrEqual(2);
    expect(jobs.every((j) => j.status === 'FAILED' && (j.failureReason ?? '').length > 20)).toBe(true);
    expect(jobs.map((j) => j.failureReason).join(' ')).toMatch(/ThrottlingException/);
    for (const job of jobs) {
      for (const m of job.messages!.messagesList!) {
        const got = await data().send(new GetEventCommand({ memoryId: MEMORY, actorId: job.actorId!, sessionId: job.sessionId!, eventId: m.eventId! }));
        expect(got.event?.payload?.[m.messageIndex!]?.conversational?.content?.text).toBeTruthy();
      }
    }
    const strategies = t.memory('sre_agent_memory').strategies.map((s) => s.strategyId);
    expect(jobs.every((j) => strategies.includes(j.strategyId!))).toBe(true);
    const sessions = await data().send(new ListSessionsCommand({ memoryId: MEMORY, actorId: 'alice' }));
    const aliceJobs = jobs.filter((j) => j.actorId === 'alice');
    expect(aliceJobs.length).toBeGreaterThan(0);
    expect(aliceJobs.every((j) => sessions.sessionSummaries!.some((s) => s.sessionId === j.sessionId))).toBe(true);
  });

  it('filters by actor, strategy and session, and pages with nextToken', async () => {
    const jobs = await allJobs();
    const alice = await allJobs({ actorId: 'alice' });
    expect(alice.length).toBeGreaterThan(0);
    expect(alice.length).toBeLessThan(jobs.length);
    expect(alice.every((j) => j.actorId === 'alice')).toBe(true);
    const first = await data().send(new ListMemoryExtractionJobsCommand({ memoryId: MEMORY, maxResults: 1 }));
    expect(first.jobs).toHaveLength(1);
    expect(first.nextToken).toBeTruthy();
    expect(new Set(jobs.map((j) => j.jobID)).size).toBe(jobs.length);
    const job = jobs[0]!;
    const narrowed = await data().send(
      new ListMemoryExtractionJobsCommand({ memoryId: MEMORY, filter: { strategyId: job.strategyId, sessionId: job.sessionId, status: 'FAILED' } }),
    );
    expect(narrowed.jobs!.map((j) => j.jobID)).toEqual([job.jobID]);
    const other = await data().send(new ListMemoryExtractionJobsCommand({ memoryId: t.memory('coach_companion_memory').id }));
    expect(other.jobs).toEqual([]);
  });

  it('restarting a failed job removes it from the list and extracts its record', async () => {
    const job = (await allJobs()).find((j) => j.failureReason?.includes('ThrottlingException'))!;
    const strategy = t.memory('sre_agent_memory').strategies.find((s) => s.strategyId === job.strategyId)!;
    const namespace = strategy.namespaces[0]!.replace('{actorId}', job.actorId!).replace('{sessionId}', job.sessionId!);
    const before = await data().send(new ListMemoryRecordsCommand({ memoryId: MEMORY, namespace }));
    const out = await data().send(new StartMemoryExtractionJobCommand({ memoryId: MEMORY, extractionJob: { jobId: job.jobID! } }));
    expect(out.jobId).toBe(job.jobID);
    expect((await allJobs()).map((j) => j.jobID)).not.toContain(job.jobID);
    const after = await data().send(new ListMemoryRecordsCommand({ memoryId: MEMORY, namespace }));
    expect(after.memoryRecordSummaries!.length).toBe(before.memoryRecordSummaries!.length + 1);
    await expect(data().send(new StartMemoryExtractionJobCommand({ memoryId: MEMORY, extractionJob: { jobId: job.jobID! } }))).rejects.toBeInstanceOf(
      ResourceNotFoundException,
    );
  });

  it('a session whose summary failed to extract has none until the job is restarted', async () => {
    const summarise = t.memory('sre_agent_memory').strategies.find((s) => s.type === 'SUMMARIZATION')!;
    const job = (await allJobs()).find((j) => j.strategyId === summarise.strategyId)!;
    expect(job.failureReason).toMatch(/AccessDeniedException/);
    const namespace = `/sre/investigations/${job.actorId}/${job.sessionId}`;
    expect((await data().send(new ListMemoryRecordsCommand({ memoryId: MEMORY, namespace }))).memoryRecordSummaries).toEqual([]);
    await data().send(new StartMemoryExtractionJobCommand({ memoryId: MEMORY, extractionJob: { jobId: job.jobID! } }));
    const after = await data().send(new ListMemoryRecordsCommand({ memoryId: MEMORY, namespace }));
    expect(after.memoryRecordSummaries!.map((r) => r.content?.text)).toEqual([expect.stringMatching(/^<topic name="Node ip-10-0-3-17 reports/)]);
  });
});

describe('memory resource and faults', () => {
  it('GetMemory names the customer managed KMS key of research_notes_memory', async () => {
    const research = t.memory('research_notes_memory');
    const client = controlClient(t.emu, { region: REGION });
    const out = await client.send(new GetMemoryCommand({ memoryId: research.id }));
    expect(out.memory?.encryptionKeyArn).toBe(`arn:aws:kms:us-east-1:${research.accountId}:key/3f6c2a8e-91d4-4b7e-a0c5-2d8e7f1b9c44`);
    expect(out.memory?.failureReason).toContain(out.memory!.encryptionKeyArn!);
    const sre = await client.send(new GetMemoryCommand({ memoryId: MEMORY }));
    expect(sre.memory?.encryptionKeyArn).toBeUndefined();
  });

  it('throttles ListEvents and the extraction-job operations with the memory plane ThrottledException', async () => {
    t.emu.setFaults({
      rules: [
        { operation: 'ListEvents', throttleRate: 1 },
        { operation: 'ListMemoryExtractionJobs', throttleRate: 1 },
      ],
    });
    const err = await data()
      .send(new ListEventsCommand({ memoryId: MEMORY, actorId: 'alice', sessionId: 'any-session' }))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ThrottledException);
    expect((err as ThrottledException).$metadata.httpStatusCode).toBe(429);
    await expect(data().send(new ListMemoryExtractionJobsCommand({ memoryId: MEMORY }))).rejects.toBeInstanceOf(ThrottledException);
    // Other memory operations are untouched by those rules.
    await expect(data().send(new ListSessionsCommand({ memoryId: MEMORY, actorId: 'alice' }))).resolves.toBeDefined();
  });
});
