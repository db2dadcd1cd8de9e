import {
  BedrockAgentCoreClient,
  CreateEventCommand,
  DeleteEventCommand,
  DeleteMemoryRecordCommand,
  GetEventCommand,
  GetMemoryRecordCommand,
  ListActorsCommand,
  ListEventsCommand,
  ListMemoryRecordsCommand,
  ListSessionsCommand,
  ResourceNotFoundException,
  RetrieveMemoryRecordsCommand,
  ValidationException,
  paginateListEvents,
} from '@aws-sdk/client-bedrock-agentcore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGION, startTestEmulator, type TestEmulator } from './helpers/emulator';

let t: TestEmulator;
let client: BedrockAgentCoreClient;
let MEMORY: string;
const deps = { now: () => t.clock.t };

beforeAll(async () => {
  t = await startTestEmulator();
  MEMORY = t.memory('sre_agent_memory').id;
  client = new BedrockAgentCoreClient({ endpoint: t.endpoint, region: REGION, credentials: t.credentials, maxAttempts: 1 });
});
afterAll(async () => {
  client.destroy();
  await t.close();
});

describe('memory data plane via the real SDK', () => {
  it('seeds the SRE memory with Alice and Carol, their sessions and events', async () => {
    const actors = await client.send(new ListActorsCommand({ memoryId: MEMORY }));
    expect(actors.actorSummaries?.map((a) => a.actorId)).toEqual(['alice', 'carol']);
    const sessions = await client.send(new ListSessionsCommand({ memoryId: MEMORY, actorId: 'alice' }));
    expect(sessions.sessionSummaries).toHaveLength(3);
    const first = sessions.sessionSummaries![0]!;
    expect(first.createdAt).toBeInstanceOf(Date);
    expect(first.createdAt!.getTime()).toBeLessThan(deps.now());
    const events = await client.send(new ListEventsCommand({ memoryId: MEMORY, actorId: 'alice', sessionId: first.sessionId! }));
    expect(events.events!.length).toBeGreaterThan(1);
    const times = events.events!.map((e) => e.eventTimestamp!.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a)); // newest first
    expect(events.events![0]!.payload![0]!.conversational?.role).toMatch(/USER|ASSISTANT/);
  });

  it('creates, gets, pages and deletes events', async () => {
    const at = new Date(deps.now() - 5000);
    const created = await client.send(
      new CreateEventCommand({
        memoryId: MEMORY,
        actorId: 'bob',
        sessionId: 'chat-1',
        eventTimestamp: at,
        payload: [{ conversational: { role: 'USER', content: { text: 'hello' } } }],
        metadata: { channel: { stringValue: 'console' } },
      }),
    );
    expect(created.event?.eventId).toMatch(/^\d{16}#[0-9a-f]{8}$/);
    expect(created.event?.eventTimestamp?.getTime()).toBe(at.getTime());
    for (let i = 0; i < 4; i++) {
      await client.send(
        new CreateEventCommand({
          memoryId: MEMORY,
          actorId: 'bob',
          sessionId: 'chat-1',
          eventTimestamp: new Date(at.getTime() + i + 1),
          payload: [{ conversational: { role: 'ASSISTANT', content: { text: `reply ${i}` } } }],
        }),
      );
    }
    const got = await client.send(new GetEventCommand({ memoryId: MEMORY, actorId: 'bob', sessionId: 'chat-1', eventId: created.event!.eventId! }));
    expect(got.event?.payload?.[0]?.conversational?.content?.text).toBe('hello');
    expect(got.event?.metadata?.channel?.stringValue).toBe('console');

    const all = [];
    for await (const page of paginateListEvents({ client, pageSize: 2 }, { memoryId: MEMORY, actorId: 'bob', sessionId: 'chat-1' }))
      all.push(...(page.events ?? []));
    expect(all).toHaveLength(5);
    const filtered = await client.send(
      new ListEventsCommand({
        memoryId: MEMORY,
        actorId: 'bob',
        sessionId: 'chat-1',
        filter: { eventMetadata: [{ left: { metadataKey: 'channel' }, operator: 'EQUALS_TO', right: { metadataValue: { stringValue: 'console' } } }] },
      }),
    );
    expect(filtered.events).toHaveLength(1);

    const deleted = await client.send(new DeleteEventCommand({ memoryId: MEMORY, actorId: 'bob', sessionId: 'chat-1', eventId: created.event!.eventId! }));
    expect(deleted.eventId).toBe(created.event!.eventId);
    await expect(
      client.send(new GetEventCommand({ memoryId: MEMORY, actorId: 'bob', sessionId: 'chat-1', eventId: created.event!.eventId! })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('lists, retrieves (with scores), gets and deletes long-term records', async () => {
    const prefs = await client.send(new ListMemoryRecordsCommand({ memoryId: MEMORY, namespace: '/users/alice/preferences' }));
    expect(prefs.memoryRecordSummaries!.length).toBe(3);
    expect(JSON.parse(prefs.memoryRecordSummaries![0]!.content!.text!)).toHaveProperty('preference');
    const summaries = await client.send(new ListMemoryRecordsCommand({ memoryId: MEMORY, namespace: '/sre/investigations/alice/' }));
    expect(summaries.memoryRecordSummaries!.every((r) => r.content?.text?.startsWith('<topic name='))).toBe(true);

    const hits = await client.send(
      new RetrieveMemoryRecordsCommand({
        memoryId: MEMORY,
        namespace: '/sre/infrastructure/alice',
        searchCriteria: { searchQuery: 'orders database connections', topK: 2 },
      }),
    );
    expect(hits.memoryRecordSummaries!.length).toBeGreaterThan(0);
    expect(hits.memoryRecordSummaries!.length).toBeLessThanOrEqual(2);
    expect(hits.memoryRecordSummaries![0]!.content?.text).toContain('Aurora PostgreSQL');
    expect(hits.memoryRecordSummaries![0]!.score).toBeGreaterThan(0);

    const id = hits.memoryRecordSummaries![0]!.memoryRecordId!;
    const got = await client.send(new GetMemoryRecordCommand({ memoryId: MEMORY, memoryRecordId: id }));
    expect(got.memoryRecord?.namespaces?.[0]).toMatch(/^\/sre\/infrastructure\/alice\/[a-z-]+-[0-9a-f]{8}$/);
    expect(got.memoryRecord?.createdAt).toBeInstanceOf(Date);
    await client.send(new DeleteMemoryRecordCommand({ memoryId: MEMORY, memoryRecordId: id }));
    await expect(client.send(new GetMemoryRecordCommand({ memoryId: MEMORY, memoryRecordId: id }))).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('retrieves like a vector search: records sharing no query word still come back, ranked with scores in (0, 1]', async () => {
    const query = { memoryId: MEMORY, namespace: '/users/alice/preferences', searchCriteria: { searchQuery: 'preferences infrastructure', topK: 10 } };
    const hits = await client.send(new RetrieveMemoryRecordsCommand(query));
    const all = await client.send(new ListMemoryRecordsCommand({ memoryId: MEMORY, namespace: '/users/alice/preferences' }));
    expect(hits.memoryRecordSummaries!.length).toBe(all.memoryRecordSummaries!.length);
    const scores = hits.memoryRecordSummaries!.map((r) => r.score!);
    expect(scores.every((s) => s > 0 && s <= 1)).toBe(true);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const again = await client.send(new RetrieveMemoryRecordsCommand(query));
    expect(again.memoryRecordSummaries!.map((r) => [r.memoryRecordId, r.score])).toEqual(hits.memoryRecordSummaries!.map((r) => [r.memoryRecordId, r.score]));

    const top1 = await client.send(new RetrieveMemoryRecordsCommand({ ...query, searchCriteria: { searchQuery: 'zebra quantum banana', topK: 1 } }));
    expect(top1.memoryRecordSummaries).toHaveLength(1);
    const escalation = await client.send(new RetrieveMemoryRecordsCommand({ ...query, searchCriteria: { searchQuery: 'how do I escalate a P1 incident' } }));
    expect(escalation.memoryRecordSummaries![0]!.content!.text).toContain('#sre-oncall');
  });

  it('turns an agent invocation into events and per-strategy records', async () => {
    const record = await t.invoke('sre_supervisor', 'Check the redis cluster. I prefer answers with runbook links.', { userId: 'alice' });
    expect(record.outcome).toBe('ok');
    const events = await client.send(new ListEventsCommand({ memoryId: MEMORY, actorId: 'alice', sessionId: record.sessionId }));
    expect(events.events!.map((e) => e.payload![0]!.conversational!.role)).toEqual(['ASSISTANT', 'USER']);
    expect(events.events![1]!.payload![0]!.conversational!.content!.text).toBe(record.prompt);
    const prefs = await client.send(
      new RetrieveMemoryRecordsCommand({ memoryId: MEMORY, namespace: '/users/alice', searchCriteria: { searchQuery: 'runbook links' } }),
    );
    expect(prefs.memoryRecordSummaries![0]!.content!.text).toContain('Prefers answers with runbook links');
    const facts = await client.send(new ListMemoryRecordsCommand({ memoryId: MEMORY, namespace: `/sre/infrastructure/alice/${record.sessionId}` }));
    expect(facts.memoryRecordSummaries).toHaveLength(1);
    expect(facts.memoryRecordSummaries![0]!.content!.text).not.toMatch(/[#|`*]/);
    const summary = await client.send(new ListMemoryRecordsCommand({ memoryId: MEMORY, namespace: `/sre/investigations/alice/${record.sessionId}` }));
    expect(summary.memoryRecordSummaries![0]!.content!.text).toMatch(/^<topic name="Check redis cluster/);
  });

  it('rejects bad input the way AWS does', async () => {
    await expect(client.send(new ListActorsCommand({ memoryId: 'nope-123' }))).rejects.toBeInstanceOf(ResourceNotFoundException);
    const bad = await client.send(new ListEventsCommand({ memoryId: MEMORY, actorId: 'alice', sessionId: 'bad session!' })).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ValidationException);
    expect((bad as ValidationException).fieldList?.[0]?.name).toBe('sessionId');
    await expect(
      client.send(new CreateEventCommand({ memoryId: MEMORY, actorId: '-bad', sessionId: 's1', eventTimestamp: new Date(), payload: [{ blob: 'x' }] })),
    ).rejects.toBeInstanceOf(ValidationException);
    const res = await fetch(`${t.endpoint}/memories/${MEMORY}/actors`, {
      method: 'POST',
      body: '{not json',
      headers: {
        authorization: `AWS4-HMAC-SHA256 Credential=${t.credentials.accessKeyId}/20261125/us-east-1/bedrock-agentcore/aws4_request, SignedHeaders=host, Signature=00`,
      },
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-errortype')).toBe('ValidationException');
  });
});
