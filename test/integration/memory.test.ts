/**
 * The memory browser's module through the console's composition root and the
 * real SDK against the emulator: browse, search, jobs, exports, and deletes
 * with typed confirmation, partial batches and the audit trail.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EMULATOR_CREDENTIALS, startEmulator, type RunningEmulator } from '../../src/emulator/index';
import { startConsoleServices, type ConsoleServices } from '../../src/main/app/console-services';
import type { Caller } from '../../src/main/host/caller';
import { silentLogger } from '../../src/main/services/log/logger';
import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/contract';
import type { ApiErrorShape } from '../../src/shared/errors';
import type { FleetSnapshot } from '../../src/shared/fleet';
import { deleteConfirmation } from '../../src/shared/memory';
import { DeleteEventCommand, ListActorsCommand, ListEventsCommand, ListSessionsCommand } from '@aws-sdk/client-bedrock-agentcore';
import { OWNER } from './helpers/caller';
import { dataClient } from './helpers/emulator-clients';
import { staticKeysHome } from './helpers/static-keys-home';

let emu: RunningEmulator;
let services: ConsoleServices;
let key = '';
let failedKey = '';
/** Called by the throttling backoff instead of waiting; a test sets it to end the throttling. */
let onBackoff: () => void = () => undefined;

beforeAll(async () => {
  emu = await startEmulator({ fast: true });
  // The SDK's environment provider reads process.env itself, so the keys go there too (as console-watch.test.ts does).
  vi.stubEnv('AWS_ACCESS_KEY_ID', EMULATOR_CREDENTIALS.accessKeyId);
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', EMULATOR_CREDENTIALS.secretAccessKey);
  const home = staticKeysHome('memory-browser-', emu.url);
  services = await startConsoleServices({
    dataDir: join(home.dir, 'data'),
    host: 'web',
    version: 'test',
    demo: false,
    logger: silentLogger,
    env: home.env,
    memoryBackoff: { delaysMs: [1, 1, 1], sleep: async () => onBackoff() },
  });
  const fleet = (await call('fleet.refresh', {})) as FleetSnapshot;
  key = fleet.resources.find((r) => r.kind === 'memory' && r.name === 'sre_agent_memory')!.key;
  failedKey = fleet.resources.find((r) => r.kind === 'memory' && r.name === 'research_notes_memory')!.key;
}, 30_000);
afterAll(async () => {
  await services?.close();
  await emu?.close();
  vi.unstubAllEnvs();
});

async function attempt<M extends MethodName>(method: M, input: MethodInput<M>, caller: Caller = OWNER) {
  return services.dispatch(caller, method, input) as Promise<{ ok: true; result: MethodOutput<M> } | { ok: false; error: ApiErrorShape }>;
}
async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const envelope = await attempt(method, input);
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.result;
}
async function failure<M extends MethodName>(method: M, input: MethodInput<M>, caller: Caller = OWNER): Promise<ApiErrorShape> {
  const envelope = await attempt(method, input, caller);
  if (envelope.ok) throw new Error(`${method} succeeded`);
  return envelope.error;
}
const aliceSession = async (): Promise<string> => (await call('memory.sessions', { key, actorId: 'alice' })).items[0]!.sessionId;

describe('short-term memory', () => {
  it('walks actors → sessions → events, newest first, with role-tagged turns', async () => {
    const actors = (await call('memory.actors', { key })).items.map((a) => a.actorId);
    expect(actors).toEqual(expect.arrayContaining(['alice', 'carol']));
    const sessionId = await aliceSession();
    const events = (await call('memory.events', { key, actorId: 'alice', sessionId })).items;
    expect(events.length).toBeGreaterThan(1);
    expect(events.map((e) => e.at)).toEqual([...events.map((e) => e.at)].sort((a, b) => b - a));
    const roles = new Set(events.flatMap((e) => e.parts.map((p) => (p.kind === 'turn' ? p.role : 'blob'))));
    expect(roles).toEqual(new Set(['USER', 'ASSISTANT']));
    const one = await call('memory.event', { key, actorId: 'alice', sessionId, eventId: events[0]!.eventId });
    expect(one).toEqual(events[0]);
    expect(await call('memory.findSession', { key, sessionId })).toEqual({ actorId: 'alice' });
    expect(await call('memory.findSession', { key, sessionId: 'no-such-session' })).toEqual({ actorId: null });
  });

  it('refuses an actor id outside AWS pattern before calling AWS', async () => {
    const error = await failure('memory.sessions', { key, actorId: 'alice smith!' });
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/actor id starts with a letter or digit/);
  });

  it('backs off a throttled ListEvents and keeps going once AgentCore lets it', async () => {
    const sessionId = await aliceSession();
    emu.setFaults({ rules: [{ operation: 'ListEvents', throttleRate: 1 }] });
    let backoffs = 0;
    onBackoff = () => {
      backoffs++;
      if (backoffs === 2) emu.setFaults({ rules: [] });
    };
    try {
      expect((await call('memory.events', { key, actorId: 'alice', sessionId })).items.length).toBeGreaterThan(0);
      expect(backoffs).toBe(2);
    } finally {
      onBackoff = () => undefined;
      emu.setFaults({ rules: [] });
    }
  });

  it('says so when ListEvents stays throttled after every retry', async () => {
    const sessionId = await aliceSession();
    emu.setFaults({ rules: [{ operation: 'ListEvents', throttleRate: 1 }] });
    try {
      const error = await failure('memory.events', { key, actorId: 'alice', sessionId });
      expect(error).toMatchObject({ code: 'aws_error', details: { retryable: true, operation: 'ListEvents' } });
      expect(error.message).toMatch(/ListEvents is throttled .* what is loaded stays/);
    } finally {
      emu.setFaults({ rules: [] });
    }
  });

  it('exports a session as JSONL, oldest first, one AgentCore event per line', async () => {
    const sessionId = await aliceSession();
    const events = (await call('memory.events', { key, actorId: 'alice', sessionId })).items;
    const file = await call('memory.exportSession', { key, actorId: 'alice', sessionId });
    const lines = file.content
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { eventId: string; payload: unknown[] });
    expect(file).toMatchObject({ mimeType: 'application/x-ndjson', count: events.length });
    expect(file.filename).toMatch(/^sre_agent_memory-alice-.*-events\.jsonl$/);
    expect(lines.map((l) => l.eventId)).toEqual(events.map((e) => e.eventId).reverse());
    expect(lines[0]!.payload.length).toBeGreaterThan(0);
  });
});

describe('long-term memory', () => {
  const namespace = '/users/alice/preferences';

  it('lists a namespace, opens a record, and searches it with ranked scores', async () => {
    const records = (await call('memory.records', { key, namespace })).items;
    expect(records.length).toBeGreaterThan(0);
    expect(records.every((r) => r.namespaces.some((ns) => ns.startsWith(namespace)))).toBe(true);
    expect(await call('memory.record', { key, recordId: records[0]!.recordId })).toMatchObject({ recordId: records[0]!.recordId, text: records[0]!.text });
    const hits = await call('memory.retrieve', { key, namespace, query: 'preferences infrastructure', topK: 3 });
    expect(hits.length).toBe(Math.min(3, records.length));
    for (const hit of hits) {
      expect(hit.score).toBeGreaterThan(0);
      expect(hit.score).toBeLessThanOrEqual(1);
    }
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score!)].sort((a, b) => b - a));
  });

  it('lists failed extraction jobs with their reasons', async () => {
    const jobs = (await call('memory.jobs', { key })).items;
    expect(jobs.length).toBeGreaterThan(0);
    expect(jobs[0]).toMatchObject({ status: 'FAILED', failureReason: expect.any(String) as string });
    expect(jobs[0]!.eventIds.length).toBeGreaterThan(0);
  });

  it('refuses a memory that failed to create, with its reason, before calling AWS', async () => {
    const error = await failure('memory.actors', { key: failedKey });
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/research_notes_memory failed to create.*KMS key .* is disabled/);
  });
});

describe('an empty memory', () => {
  it('lists no actors, sessions or records, and finds no session, without an error', async () => {
    const fleet = (await call('fleet.list', {})) as FleetSnapshot;
    const coach = fleet.resources.find((r) => r.kind === 'memory' && r.name === 'coach_companion_memory')!;
    // Empty it through the SDK directly: an actor exists only while it has events, as in AgentCore.
    const sdk = dataClient(emu);
    for (const actor of (await sdk.send(new ListActorsCommand({ memoryId: coach.id, maxResults: 100 }))).actorSummaries ?? []) {
      for (const session of (await sdk.send(new ListSessionsCommand({ memoryId: coach.id, actorId: actor.actorId, maxResults: 100 }))).sessionSummaries ?? []) {
        const events = await sdk.send(new ListEventsCommand({ memoryId: coach.id, actorId: actor.actorId, sessionId: session.sessionId, maxResults: 100 }));
        for (const e of events.events ?? [])
          await sdk.send(new DeleteEventCommand({ memoryId: coach.id, actorId: actor.actorId, sessionId: session.sessionId, eventId: e.eventId }));
      }
    }
    expect(await call('memory.actors', { key: coach.key })).toEqual({ items: [] });
    expect(await call('memory.sessions', { key: coach.key, actorId: 'nobody' })).toEqual({ items: [] });
    expect(await call('memory.findSession', { key: coach.key, sessionId: 'any-session' })).toEqual({ actorId: null });
    expect(await call('memory.retrieve', { key: coach.key, namespace: '/users/nobody/preferences', query: 'anything', topK: 5 })).toEqual([]);
  });
});

describe('deletes', () => {
  const namespace = '/users/carol/preferences';

  it('deletes a record only when its id is typed, says it is gone, and audits it', async () => {
    const [record] = (await call('memory.records', { key, namespace })).items;
    const refused = await failure('memory.deleteRecords', { key, records: [{ recordId: record!.recordId, namespace }], confirmation: 'yes' });
    expect(refused).toMatchObject({ code: 'invalid_input', details: { field: 'confirmation' } });
    expect((await call('memory.record', { key, recordId: record!.recordId })).recordId).toBe(record!.recordId);

    const result = await call('memory.deleteRecords', { key, records: [{ recordId: record!.recordId, namespace }], confirmation: record!.recordId });
    expect(result).toEqual({ deleted: [record!.recordId], failed: [] });
    const gone = await failure('memory.record', { key, recordId: record!.recordId });
    expect(gone.code).toBe('not_found');
    expect(gone.message).toMatch(/no longer exists \(it may have been deleted since it was listed\)/);
    const [entry] = await call('memory.audit', {});
    expect(entry).toMatchObject({
      action: 'delete-records',
      memoryName: 'sre_agent_memory',
      targets: [record!.recordId],
      profile: expect.any(String) as string,
      region: 'us-east-1',
      result: 'ok',
    });
    expect(entry!.accountId).toMatch(/^\d{12}$/);
  });

  it('a batch that fails half way says which went and which stayed', async () => {
    const records = (await call('memory.records', { key, namespace: '/sre/infrastructure/carol/' })).items.slice(0, 2);
    expect(records).toHaveLength(2);
    const ids = [...records.map((r) => r.recordId), 'mem-does-not-exist'];
    const result = await call('memory.deleteRecords', { key, records: ids.map((recordId) => ({ recordId })), confirmation: deleteConfirmation(ids) });
    expect(result.deleted.sort()).toEqual(records.map((r) => r.recordId).sort());
    expect(result.failed).toEqual([{ recordId: 'mem-does-not-exist', message: expect.stringMatching(/404|not found/i) as string }]);
    const [entry] = await call('memory.audit', {});
    expect(entry).toMatchObject({ result: 'partial', targets: ids });
    expect(entry!.detail).toMatch(/Deleted 2 of 3\. mem-does-not-exist stayed/);
  });

  it('deletes an event by its id and audits it', async () => {
    const sessions = (await call('memory.sessions', { key, actorId: 'carol' })).items;
    const sessionId = sessions[0]!.sessionId;
    const [event] = (await call('memory.events', { key, actorId: 'carol', sessionId })).items;
    await call('memory.deleteEvent', { key, actorId: 'carol', sessionId, eventId: event!.eventId, confirmation: event!.eventId });
    const left = (await call('memory.events', { key, actorId: 'carol', sessionId })).items;
    expect(left.some((e) => e.eventId === event!.eventId)).toBe(false);
    expect((await call('memory.audit', {}))[0]).toMatchObject({ action: 'delete-event', targets: [event!.eventId], result: 'ok' });
  });

  it('refuses deletes from a viewer', async () => {
    const error = await failure(
      'memory.deleteRecords',
      { key, records: [{ recordId: 'mem-x' }], confirmation: 'mem-x' },
      { connection: 'share', role: 'viewer' },
    );
    expect(error.code).toBe('forbidden');
  });
});
