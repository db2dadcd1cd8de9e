/**
 * The war room through its module and the real SDK against the emulator's
 * demo fleet (two regions): a board that marks the failing agents failing
 * and says why, the "failing" selection, a region whose CloudWatch denies
 * access, an agent deleted while on the board, sets, notes refused without
 * an incident or over the size limit, and an incident's timeline and report.
 */
import { randomUUID } from 'node:crypto';
import { DeleteLogGroupCommand } from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ChatStore, type MessageMeta } from '../../src/main/services/chat/chat-store';
import { SloStore } from '../../src/main/services/metrics/slo-store';
import { contract } from '../../src/shared/contract';
import { ApiError } from '../../src/shared/errors';
import type { FleetResource } from '../../src/shared/fleet';
import type { FailedLoadRun, LoadActivity } from '../../src/main/services/warroom/warroom-deps';
import { NOTE_MAX_CHARS, type BoardFrame, type BoardTile } from '../../src/shared/warroom';
import { startWarRoomRig, type WarRoomRig } from './helpers/warroom-rig';

let rig: WarRoomRig;
/** The load-test module's side, as it will answer: what these tests set. */
const load = { coldStarts: new Map<string, number>(), failedRuns: [] as FailedLoadRun[], broken: false };
const loadActivity: LoadActivity = {
  coldStarts: (agentKey) => load.coldStarts.get(agentKey) ?? 0,
  failedRuns: async (from, to) => {
    if (load.broken) throw new Error('the load-test store is locked');
    return load.failedRuns.filter((r) => r.at >= from && r.at < to);
  },
};

beforeAll(async () => {
  rig = await startWarRoomRig({ fast: true }, { loadActivity });
}, 30_000);
afterAll(() => rig?.close());
afterEach(() => rig.emu.setFaults({ rules: [] }));

const tileOf = (f: BoardFrame, name: string, region = 'us-east-1'): BoardTile | undefined => f.tiles.find((t) => t.name === name && t.region === region);
/** A reply this console's chat stored, as the chat store stores one. */
function chatReply(agentKey: string, agentName: string, state: 'complete' | 'error', meta: MessageMeta): void {
  const chat = new ChatStore(rig.db);
  const now = Date.now();
  const session = chat.createSession({
    id: randomUUID(),
    agentKey,
    agentName,
    qualifier: 'DEFAULT',
    runtimeSessionId: randomUUID(),
    title: 't',
    createdAt: now,
  });
  chat.addMessage({ sessionId: session.id, role: 'assistant', text: '', state, createdAt: now, meta });
}
const rejection = (p: Promise<unknown>) =>
  p.then(
    () => new Error('expected a rejection'),
    (e: unknown) => e,
  );

describe('warroom.board', () => {
  it('shows every runtime of both regions, the failing ones first with their reasons', async () => {
    const board = rig.board({ selection: { kind: 'all' } });
    const frame = await board.until(() => true);
    board.close();
    const runtimes = rig.fleet.service.snapshot().resources.filter((r) => r.kind === 'runtime');
    expect(frame.tiles).toHaveLength(runtimes.length);
    expect(frame.windowMinutes).toBe(30);
    expect(frame.nextRefreshAt).toBeGreaterThan(frame.at);

    const updateFailed = tileOf(frame, 'cost_optimizer_agent')!;
    expect(updateFailed).toMatchObject({ status: 'UPDATE_FAILED', health: 'failing' });
    expect(updateFailed.reasons[0]).toMatch(/^Status UPDATE_FAILED: Failed to update agent runtime/);

    const erroring = tileOf(frame, 'incident_summarizer')!;
    expect(erroring.errorRatePct).toBeGreaterThan(5);
    expect(['failing', 'warn']).toContain(erroring.health);
    expect(erroring.reasons.some((r) => /^Error rate \d+(\.\d)? % > SLO 5\.0 %$/.test(r))).toBe(true);
    expect(erroring.p99Sparkline).toHaveLength(30);
    expect(erroring.lastError?.message).toBeTruthy();

    expect(frame.tiles.some((t) => t.invocationsPerMin !== null && t.p99Ms !== null)).toBe(true);
    // A healthy tile says at most how many errors it had within its SLO.
    for (const t of frame.tiles.filter((x) => x.health === 'ok')) for (const r of t.reasons) expect(r).toMatch(/^\d+ errors? in 30 min$/);
    for (const t of frame.tiles.filter((x) => x.health !== 'ok')) expect(t.reasons.length).toBeGreaterThan(0);
    // Failing first, then warn, then the rest.
    const rank = { failing: 0, warn: 1, ok: 2, unknown: 3 };
    const ranks = frame.tiles.map((t) => rank[t.health]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('"failing" shows only what fails: failed status, an open breach or an error rate over its SLO', async () => {
    const board = rig.board({ selection: { kind: 'failing' } });
    const frame = await board.until(() => true);
    board.close();
    const names = frame.tiles.map((t) => t.name);
    expect(names).toContain('cost_optimizer_agent');
    expect(names).toContain('incident_summarizer');
    for (const t of frame.tiles)
      expect(t.status === 'UPDATE_FAILED' || t.breach !== null || (t.errorRatePct !== null && t.errorRatePct > t.slo.errorRatePct)).toBe(true);
    expect(frame.tiles.length).toBeLessThan(rig.fleet.service.snapshot().resources.filter((r) => r.kind === 'runtime').length);
  });

  it('shows the other region when one region’s CloudWatch denies access, with a notice and empty tiles for it', async () => {
    rig.emu.setFaults({ rules: [{ operation: 'GetMetricData', region: 'us-west-2', accessDeniedRate: 1 }] });
    const board = rig.board({ selection: { kind: 'all' } });
    const frame = await board.until(() => true);
    board.close();
    const notice = frame.notices.find((n) => n.code === 'aws_error');
    expect(notice?.message).toMatch(/^demo \/ us-west-2: GetMetricData was denied: .*cloudwatch:GetMetricData/);
    const west = frame.tiles.filter((t) => t.region === 'us-west-2');
    expect(west.length).toBeGreaterThan(0);
    for (const t of west) expect(t).toMatchObject({ health: 'unknown', invocationsPerMin: null, errorRatePct: null, p99Ms: null });
    expect(tileOf(frame, 'incident_summarizer')!.errorRatePct).toBeGreaterThan(5);
  });

  it('says when logs are denied or missing, and still shows the figures', async () => {
    await rig.renewWarRoom();
    rig.emu.setFaults({ rules: [{ operation: 'FilterLogEvents', accessDeniedRate: 1 }] });
    const key = rig.agentKey('llmops_agent');
    const board = rig.board({ selection: { kind: 'agents', agentKeys: [key] } });
    const frame = await board.until(() => true);
    board.close();
    expect(frame.notices.find((n) => n.code === 'logs_denied')?.message).toMatch(
      /^Logs of llmops_agent::DEFAULT: FilterLogEvents was denied: .*logs:FilterLogEvents/,
    );
    expect(frame.tiles[0]).toMatchObject({ agentKey: key, lastError: null });
    expect(frame.tiles[0]!.invocationsPerMin).not.toBeNull();

    rig.emu.setFaults({ rules: [] });
    const rt = rig.emu.world.runtimes('us-east-1').find((r) => r.name === 'llmops_agent')!;
    await rig.clients.logsClient('demo', 'us-east-1').send(new DeleteLogGroupCommand({ logGroupName: `/aws/bedrock-agentcore/runtimes/${rt.id}-DEFAULT` }));
    await rig.renewWarRoom();
    const again = rig.board({ selection: { kind: 'agents', agentKeys: [key] } });
    const missing = await again.until(() => true);
    again.close();
    expect(missing.notices.find((n) => n.code === 'logs_missing')?.message).toMatch(/^No log group for llmops_agent::DEFAULT: AgentCore creates one/);
    expect(missing.tiles[0]!.invocationsPerMin).not.toBeNull();
  });

  it('counts cold starts from this console’s chats and its load tests', async () => {
    const key = rig.agentKey('model_registry_agent');
    load.coldStarts.set(key, 2);
    chatReply(key, 'model_registry_agent', 'complete', { metrics: { ttfbMs: 3000, totalMs: 4000, bytes: 2, chunks: 1, coldStart: true } });
    const board = rig.board({ selection: { kind: 'agents', agentKeys: [key] } });
    const frame = await board.until(() => true);
    board.close();
    expect(frame.tiles[0]?.coldStarts).toBe(3);
    load.coldStarts.clear();
  });

  it('a named agent keeps its tile while the board stays open, and the stream stops when closed', async () => {
    const key = rig.agentKey('sre_supervisor');
    const board = rig.board({ selection: { kind: 'agents', agentKeys: [key, key] }, refreshSeconds: 5 });
    const first = await board.until(() => true);
    expect(first.tiles.map((t) => t.agentKey)).toEqual([key]);
    expect(first.nextRefreshAt).toBeGreaterThan(first.at);
    const second = await board.until((f) => f.at > first.at);
    expect(second.tiles.map((t) => t.agentKey)).toEqual([key]);
    board.close();
    const count = board.frames.length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(board.frames.length).toBe(count);
  });
});

describe('warroom sets', () => {
  it('saves, lists and deletes a named set, refusing a key the polled fleet does not have', async () => {
    const keys = [rig.agentKey('sre_supervisor'), rig.agentKey('strands_chat_agent', 'us-west-2')];
    expect(await rig.call('warroom.saveSet', { name: ' checkout ', agentKeys: keys })).toMatchObject({ name: 'checkout', agentKeys: keys });
    expect((await rig.call('warroom.sets', {})).map((s) => s.name)).toContain('checkout');
    const error = await rejection(rig.call('warroom.saveSet', { name: 'ghosts', agentKeys: ['demo|us-east-1|runtime|nobody-AAAAAAAAAA'] }));
    expect(error).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/^Not in the fleet: demo\|us-east-1\|runtime\|nobody/) });
    expect(contract['warroom.saveSet'].input.safeParse({ name: 'memories', agentKeys: ['demo|us-east-1|memory|m-1'] }).success).toBe(false);
    expect(await rig.call('warroom.deleteSet', { name: 'checkout' })).toEqual({ deleted: true });
    expect(await rig.call('warroom.deleteSet', { name: 'checkout' })).toEqual({ deleted: false });
  });
});

describe('notes', () => {
  it('refuses a note while no incident is open, and an oversize note at the schema', async () => {
    expect(await rig.call('warroom.incident', {})).toBeNull();
    const quiet = await rig.call('warroom.timeline', {});
    expect(quiet.incident).toBeNull();
    expect(quiet.notices.map((n) => n.code)).toContain('no_incident');
    await expect(rig.call('warroom.timeline', { incidentId: 999 })).rejects.toMatchObject({ code: 'not_found', message: 'No incident 999.' });
    await expect(rig.call('warroom.report', {})).rejects.toMatchObject({ code: 'not_found', message: expect.stringMatching(/^No incident is open/) });
    const error = await rejection(rig.call('warroom.addNote', { text: 'rolled back v4' }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/^No incident is open: start an incident before adding notes/) });
    const oversize = contract['warroom.addNote'].input.safeParse({ text: 'x'.repeat(NOTE_MAX_CHARS + 1) });
    expect(oversize.success).toBe(false);
    expect(oversize.error?.issues[0]?.message).toBe(`Notes are at most ${NOTE_MAX_CHARS} characters`);
    expect(contract['warroom.addNote'].input.safeParse({ text: `  ${'x'.repeat(NOTE_MAX_CHARS)}  ` }).success).toBe(true);
  });
});

describe('an incident over an agent that is deleted during it', () => {
  const ghostName = 'ghost_agent';
  let ghost: FleetResource;
  let summarizer: string;

  beforeAll(async () => {
    const template = rig.fleet.service.find(rig.agentKey('release_notes_writer'))!;
    const id = `${ghostName}-GHOSTGHOST`;
    ghost = { ...template, key: `demo|us-east-1|runtime|${id}`, id, name: ghostName, arn: template.arn.replace(template.id, id), endpoints: [] };
    summarizer = rig.agentKey('incident_summarizer');
    await rig.restartWithCached(ghost);
  });

  it('keeps the deleted agent on the board as DELETED, failing, with the reason; then the timeline and the report tell the story', async () => {
    const selection = { kind: 'agents' as const, agentKeys: [summarizer, ghost.key] };
    const incident = await rig.call('warroom.startIncident', { title: 'Checkout latency | p99 > 10 s', selection });
    expect(incident).toMatchObject({ title: 'Checkout latency | p99 > 10 s', endedAt: null, selection });
    expect(await rig.call('warroom.incident', {})).toMatchObject({ id: incident.id });

    const board = rig.board({ selection, refreshSeconds: 5 });
    const before = await board.until((f) => f.tiles.some((t) => t.agentKey === ghost.key));
    expect(before.tiles.find((t) => t.agentKey === ghost.key)).toMatchObject({ status: 'READY' });
    await rig.fleet.service.refresh();
    const after = await board.until((f) => f.tiles.some((t) => t.agentKey === ghost.key && t.status === 'DELETED'));
    board.close();
    // The demo's traffic rarely errs five minutes in a row: a breach that starts now, recorded as the metrics view records one.
    const breachAt = Date.now();
    new SloStore(rig.db).record(summarizer, [{ kind: 'errorRate', startedAt: breachAt, worst: 92.5, threshold: 5 }], breachAt - 30 * 60_000, true);
    expect(after.tiles[0]).toMatchObject({
      agentKey: ghost.key,
      name: ghostName,
      status: 'DELETED',
      health: 'failing',
      reasons: ['No longer in the fleet (deleted?)'],
    });

    // An error burst in the summarizer's logs, a failed chat invocation, and a note — in that order.
    const burstAt = Date.now() + 5;
    for (let i = 0; i < 6; i++)
      rig.emu.appendLog({
        runtimeName: 'incident_summarizer',
        message: `2026-12-01 12:00:00,000 - agent - ERROR - Payment backend refused | call ${i}`,
        timestamp: burstAt + i,
      });
    await new Promise((resolve) => setTimeout(resolve, 20));
    chatReply(summarizer, 'incident_summarizer', 'error', { error: { code: 'RuntimeClientError', message: 'Model access denied\n| injected | table |' } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    load.failedRuns.push({ at: Date.now(), agentKey: summarizer, runId: 'run-7', title: 'ramp to 20 rps', detail: '38 % of requests failed (threshold 5 %)' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const note = await rig.call('warroom.addNote', { text: 'Rolled back to v3 | watching', author: '  dana  ' });
    expect(note).toMatchObject({ incidentId: incident.id, author: 'dana', text: 'Rolled back to v3 | watching' });
    const anonymous = await rig.call('warroom.addNote', { text: 'who am I?' });
    expect(anonymous.author.length).toBeGreaterThan(0);
    expect(await rig.call('warroom.deleteNote', { id: anonymous.id })).toEqual({ deleted: true });

    const timeline = await rig.call('warroom.timeline', {});
    expect(timeline.incident?.id).toBe(incident.id);
    const ats = timeline.events.map((e) => e.at);
    expect(ats).toEqual([...ats].sort((a, b) => a - b));
    const index = (predicate: (e: (typeof timeline.events)[number]) => boolean) => timeline.events.findIndex(predicate);
    const started = index((e) => e.source === 'incident');
    const deleted = index((e) => e.source === 'status' && e.title === `${ghostName}: READY → DELETED`);
    const burst = index((e) => e.source === 'logs' && /^incident_summarizer: \d+ error lines in \d+ min$/.test(e.title) && e.at >= burstAt);
    const failed = index((e) => e.source === 'chat' && e.title === 'incident_summarizer: chat invocation failed (RuntimeClientError)');
    const loadFailed = index((e) => e.source === 'loadtest' && e.title === 'incident_summarizer: load test failed — ramp to 20 rps');
    const noted = index((e) => e.source === 'note' && e.noteId === note.id);
    expect([started, deleted, burst, failed, loadFailed, noted].every((i) => i >= 0)).toBe(true);
    expect(started < deleted && deleted < burst && burst < failed && failed < loadFailed && loadFailed < noted).toBe(true);
    expect(timeline.notices).toEqual([]);
    load.broken = true;
    const partial = await rig.call('warroom.timeline', {});
    load.broken = false;
    expect(partial.notices).toEqual([{ code: 'loadtest_error', message: 'Failed load tests could not be read: the load-test store is locked' }]);
    expect(partial.events.some((e) => e.source === 'note')).toBe(true);
    expect(timeline.events.some((e) => e.source === 'slo' && e.agentKey === summarizer && /SLO breach started — error rate above 5\.0 %/.test(e.title))).toBe(
      true,
    );
    expect(timeline.events.some((e) => e.source === 'note' && e.noteId === anonymous.id)).toBe(false);
    expect((await rig.call('warroom.timeline', { since: timeline.events[noted]!.at })).events.map((e) => e.id)).toEqual([`note:${note.id}`]);

    const ended = await rig.call('warroom.endIncident', {});
    expect(ended).toMatchObject({ id: incident.id, endedAt: expect.any(Number) });
    expect(await rig.call('warroom.incident', {})).toBeNull();
    expect(await rig.call('warroom.endIncident', {})).toBeNull();

    const report = await rig.call('warroom.report', { incidentId: incident.id });
    expect(report.fileName).toBe(`incident-${new Date(incident.startedAt).toISOString().slice(0, 10)}-checkout-latency-p99-10-s.md`);
    const md = report.markdown;
    expect(md).toMatch(/^# Checkout latency \\\| p99 &gt; 10 s$/m);
    expect(md).toMatch(/^\| \| UTC \| Local time \(.+\) \|$/m);
    expect(md).toContain(`| Started | ${new Date(incident.startedAt).toISOString().replace('T', ' ').slice(0, 19)} |`);
    expect(md).toMatch(/^\| Ended \| \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \| \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \|$/m);
    expect(md).toContain('at start → at end');
    expect(md).toMatch(/^\| incident_summarizer \| (failing|warn) \(READY\) → (failing|warn) \(READY\) \| [\d.]+ → [\d.]+ \| \d/m);
    expect(md).toMatch(/^\| ghost_agent \| [a-z]+ \(READY\) → failing \(DELETED\) \|/m);
    expect(md).toContain('- **dana**, ');
    expect(md).toContain(': Rolled back to v3 \\| watching');
    expect(md).toContain('Model access denied \\| injected \\| table \\|');
    expect(md).not.toContain('Model access denied\n');
    // Every table row keeps its column count, whatever the text in it.
    for (const table of md.split('\n\n').filter((b) => b.startsWith('| '))) {
      const widths = table.split('\n').map((row) => row.replace(/\\\|/g, '').split('|').length);
      expect(new Set(widths).size).toBe(1);
    }
  });
});

describe('incidents', () => {
  it('starting an incident ends the open one, whose report then has its figures at end', async () => {
    const selection = { kind: 'agents' as const, agentKeys: [rig.agentKey('sre_supervisor')] };
    const first = await rig.call('warroom.startIncident', { title: 'First', selection });
    const second = await rig.call('warroom.startIncident', { title: 'Second', selection: { kind: 'failing' } });
    expect(await rig.call('warroom.incident', {})).toMatchObject({ id: second.id, title: 'Second', endedAt: null });
    const report = await rig.call('warroom.report', { incidentId: first.id });
    expect(report.markdown).toMatch(/^\| Ended \| \d{4}-/m);
    expect(report.markdown).toContain('at start → at end');
    expect(report.markdown).toMatch(/^\| sre_supervisor \| /m);
    await expect(rig.call('warroom.addNote', { text: 'on the second' })).resolves.toMatchObject({ incidentId: second.id });
    expect((await rig.call('warroom.endIncident', {}))?.id).toBe(second.id);
  });
});
