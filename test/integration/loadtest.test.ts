/**
 * The load runner end to end through the real SDK against the emulator: an
 * acceptance table judged per stage under seeded latency and throttling, the
 * live stream, stop, exports, the war room's view, and every refusal and
 * failure the issue lists — zero or negative users, a duration over the cap,
 * an empty prompt set, a malformed prompt file, an agent deleted mid-run, a
 * throttling storm, a console closed mid-run, and confirmation on real AWS.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/main/services/log/logger';
import { openDatabase } from '../../src/main/services/store/database';
import { ApiError } from '../../src/shared/errors';
import { contract } from '../../src/shared/contract';
import type { LoadRun, ScenarioInput } from '../../src/shared/loadtest';
import { startLoadTestModuleRig, type LoadTestModuleRig } from './helpers/loadtest-module-rig';

let rig: LoadTestModuleRig;
const AGENT = 'release_notes_writer';

beforeAll(async () => {
  rig = await startLoadTestModuleRig({ fast: true, seed: 7 });
});
afterEach(async () => {
  rig.emu.setFaults({ rules: [] });
  rig.dataSource.kind = 'demo';
  await rig.loadtest.service.idle();
});
afterAll(() => rig?.close());

function scenario(over: Partial<ScenarioInput> = {}): ScenarioInput {
  return {
    name: 'checkout smoke',
    agentKey: rig.agentKey(AGENT),
    qualifier: 'DEFAULT',
    prompts: { kind: 'list', prompts: ['Summarise release 4.2', 'What changed in billing?'] },
    users: 2,
    stop: { kind: 'requests', count: 6 },
    ...over,
  };
}

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

async function runToEnd(over: Partial<ScenarioInput>): Promise<LoadRun> {
  const summary = await rig.call('loadtest.start', { scenario: scenario(over) });
  expect(summary.status).toBe('running');
  return rig.finished(summary.id);
}

describe('an acceptance table', () => {
  it('is judged per stage under seeded latency and throttling, with the measured figure beside each limit', async () => {
    // Seed 4's dice throttle 2, 2 and 1 of the stages' ten requests each (stages run one after another, so in that order).
    rig.emu.setFaults({ seed: 4, rules: [{ operation: 'InvokeAgentRuntime', latencyMs: 60, throttleRate: 0.2 }] });
    const run = await runToEnd({
      stop: { kind: 'requests', count: 10 },
      acceptance: [
        { users: 4, latencyMs: 20, successPct: 10 },
        { users: 2, latencyMs: 5000, successPct: 60 },
        { users: 3, latencyMs: 5000, successPct: 100 },
      ],
    });
    expect(run.summary.status).toBe('completed');
    // Stages run in order of users, each answering its row.
    expect(run.stages.map((s) => s.users)).toEqual([2, 3, 4]);
    expect(run.stages.map((s) => s.requests)).toEqual([10, 10, 10]);
    const byUsers = new Map(run.acceptance.map((a) => [a.row.users, a]));
    // 2 users, 60 % within 5 s: throttling takes a few, most succeed within the limit.
    expect(byUsers.get(2)!.pass).toBe(true);
    expect(byUsers.get(2)!.measuredPct).toBe((run.stages[0]!.succeeded / 10) * 100);
    // 3 users, 100 %: a single throttled request fails the row.
    expect(run.stages.map((s) => s.errors.throttled)).toEqual([2, 2, 1]);
    expect(byUsers.get(3)!.pass).toBe(false);
    // 4 users, 20 ms: every reply took the injected 60 ms at least.
    expect(byUsers.get(4)!.measuredPct).toBe(0);
    expect(byUsers.get(4)!.pass).toBe(false);
    expect(byUsers.get(4)!.measuredLatencyMs).toBeGreaterThanOrEqual(60);
    expect(run.summary.verdict).toBe('fail');
    const throttled = run.stages.reduce((n, s) => n + (s.errors.throttled ?? 0), 0);
    expect(run.summary.failed).toBe(throttled);
    expect(run.errorSamples.some((s) => s.errorClass === 'throttled' && s.status === 429)).toBe(true);
    for (const s of run.stages) {
      expect(s.latencyMs.p50).toBeGreaterThanOrEqual(60);
      expect(s.coldStarts).toBe(s.users); // a session per user: each user's first request is cold
      expect(s.bytes).toBeGreaterThan(0);
      expect(s.histogram.reduce((n, [, c]) => n + c, 0)).toBe(s.requests);
    }
  });

  it('is kept in SQLite, listed newest first, exported and seen by the war room when it failed', async () => {
    rig.emu.setFaults({ seed: 5, rules: [{ operation: 'InvokeAgentRuntime', errorRate: 1 }] });
    const run = await runToEnd({ name: 'all errors', acceptance: [{ users: 1, latencyMs: 1000, successPct: 99 }] });
    expect(run.summary.failed).toBe(6);
    expect(run.stages[0]!.errors.server).toBe(6);
    const runs = await rig.call('loadtest.runs', {});
    expect(runs[0]!.id).toBe(run.summary.id);
    expect((await rig.call('loadtest.run', { runId: run.summary.id })).acceptance[0]!.pass).toBe(false);
    const csv = await rig.call('loadtest.exportRun', { runId: run.summary.id, format: 'csv' });
    expect(csv.content.split('\r\n')[1]).toMatch(/^stage,0,/);
    const md = await rig.call('loadtest.exportRun', { runId: run.summary.id, format: 'markdown' });
    expect(md.content).toContain('| 1 | 1.00 s | 99 % | 0.00 % |');
    const json = await rig.call('loadtest.exportRun', { runId: run.summary.id, format: 'json' });
    expect((JSON.parse(json.content) as LoadRun).summary.id).toBe(run.summary.id);
    const failed = rig.loadtest.activity.failedRuns(run.summary.startedAt, run.summary.endedAt!);
    const entry = failed.find((f) => f.runId === run.summary.id)!;
    expect(entry.title).toBe('Load test “all errors”: 6 of 6 requests failed');
    expect(entry.detail).toContain('server 6');
    expect(rig.loadtest.activity.failedRuns(0, run.summary.startedAt - 1).some((f) => f.runId === run.summary.id)).toBe(false);
    expect(await rig.call('loadtest.deleteRun', { runId: run.summary.id })).toEqual({ deleted: true });
    expect((await refusal(rig.call('loadtest.run', { runId: run.summary.id }))).code).toBe('not_found');
  });
});

describe('a running run', () => {
  it('streams ticks live and stops at once, keeping what was measured', async () => {
    rig.emu.setFaults({ rules: [{ operation: 'InvokeAgentRuntime', latencyMs: 150 }] });
    const summary = await rig.call('loadtest.start', { scenario: scenario({ users: 3, stop: { kind: 'duration', seconds: 600 } }) });
    const items = await rig.follow(summary.id, (i) => i.kind === 'tick' && i.tick.requests > 0);
    const tick = items.findLast((i) => i.kind === 'tick')!;
    expect(tick.kind === 'tick' && tick.tick.activeUsers).toBe(3);
    const stopped = await rig.call('loadtest.stop', { runId: summary.id });
    expect(stopped.status).toBe('stopped');
    const run = await rig.call('loadtest.run', { runId: summary.id });
    expect(run.summary.requests).toBeGreaterThan(0);
    expect(run.stages[0]!.requests).toBe(run.summary.requests);
    expect(run.partial).toMatch(/^Stopped after \d+ s/);
    // A finished run's stream opens with done.
    const again = await rig.follow(summary.id);
    expect(again.map((i) => i.kind)).toEqual(['done']);
    // An unknown run refuses the open.
    await expect(rig.follow('no-such-run')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('fails with a clear reason when the agent is deleted mid-run', async () => {
    const summary = await rig.call('loadtest.start', { scenario: scenario({ stop: { kind: 'duration', seconds: 600 } }) });
    await rig.follow(summary.id, (i) => i.kind === 'tick' && i.tick.requests > 0);
    // What a deleted runtime answers: 404 ResourceNotFoundException on every invoke.
    rig.emu.setFaults({ rules: [{ operation: 'InvokeAgentRuntime', notFoundRate: 1 }] });
    const run = await rig.finished(summary.id);
    expect(run.summary.status).toBe('failed');
    expect(run.partial).toMatch(/not found on 5 consecutive requests.*deleted during the run/);
    expect(run.stages[0]!.succeeded).toBeGreaterThan(0);
    expect(run.stages[0]!.errors.client).toBeGreaterThanOrEqual(5);
  });

  it('reports a throttling storm as throttling', async () => {
    rig.emu.setFaults({ rules: [{ operation: 'InvokeAgentRuntime', throttleRate: 1 }] });
    const run = await runToEnd({ users: 5, stop: { kind: 'requests', count: 40 }, acceptance: [{ users: 5, latencyMs: 2000, successPct: 50 }] });
    expect(run.summary.status).toBe('completed');
    expect(run.stages[0]!.errors).toEqual({ throttled: 40 });
    expect(run.acceptance[0]).toMatchObject({ pass: false, measuredPct: 0, measuredLatencyMs: null });
    expect(run.errorSamples.filter((s) => s.errorClass === 'throttled').length).toBeGreaterThan(0);
    expect(run.errorSamples.length).toBeLessThanOrEqual(3);
  });

  it('is marked interrupted, its partial figures kept, when the console closed during it', async () => {
    rig.emu.setFaults({ rules: [{ operation: 'InvokeAgentRuntime', latencyMs: 50 }] });
    const summary = await rig.call('loadtest.start', { scenario: scenario({ stop: { kind: 'duration', seconds: 120 } }) });
    await rig.follow(summary.id, (i) => i.kind === 'tick' && i.tick.requests > 0);
    // The database as a crash would leave it: the last once-a-second write of a run still `running`.
    const dir = mkdtempSync(join(tmpdir(), 'loadtest-crash-'));
    await rig.db.backup(join(dir, 'console.db'));
    await rig.call('loadtest.stop', { runId: summary.id });
    const { db } = openDatabase(dir, silentLogger);
    try {
      const restarted = rig.reopen(db);
      const run = await restarted.methods['loadtest.run']({ runId: summary.id }, { connection: 'test', role: 'owner' });
      expect(run.summary.status).toBe('interrupted');
      expect(run.summary.requests).toBeGreaterThan(0);
      expect(run.partial).toMatch(/^The console closed during the run: the figures cover \d+ s of 120 s \(\d+ requests measured\)\.$/);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is kept as interrupted when the console quits during it', async () => {
    const summary = await rig.call('loadtest.start', { scenario: scenario({ stop: { kind: 'duration', seconds: 120 } }) });
    await rig.follow(summary.id, (i) => i.kind === 'tick' && i.tick.requests > 0);
    await rig.loadtest.close?.();
    const run = await rig.call('loadtest.run', { runId: summary.id });
    expect(run.summary.status).toBe('interrupted');
    expect(run.summary.requests).toBeGreaterThan(0);
    expect(run.partial).toMatch(/^The console closed during the run: the figures cover \d+ s of 120 s/);
  });
});

describe('refusals', () => {
  const start = contract['loadtest.start'].input;

  it('refuses zero or negative users and a duration over the cap in the contract', () => {
    for (const users of [0, -3]) {
      const parsed = start.safeParse({ scenario: scenario({ users }) });
      expect(parsed.success).toBe(false);
      expect(parsed.error!.issues[0]!.message).toBe('At least one virtual user');
    }
    const long = start.safeParse({ scenario: scenario({ stop: { kind: 'duration', seconds: 3601 } }) });
    expect(long.success).toBe(false);
    expect(long.error!.issues[0]!.message).toBe('At most 3600 s');
    expect(start.safeParse({ scenario: scenario({ acceptance: [{ users: 0, latencyMs: 1000, successPct: 99 }] }) }).success).toBe(false);
  });

  it('refuses an empty prompt set', async () => {
    expect(start.safeParse({ scenario: scenario({ prompts: { kind: 'list', prompts: [] } }) }).success).toBe(false);
    for (const prompts of [
      { kind: 'list' as const, prompts: ['  ', '\t'] },
      { kind: 'file' as const, fileName: 'prompts.txt', content: '\n  \n\n' },
    ]) {
      const error = await refusal(rig.call('loadtest.start', { scenario: scenario({ prompts }) }));
      expect(error.code).toBe('invalid_input');
      expect(error.message).toMatch(/prompt set is empty/);
    }
  });

  it('refuses a malformed prompt file, naming the line', async () => {
    const content = '{"prompt": "one"}\n{"prompt": "two"}\n{"prompt": "three"\n';
    const error = await refusal(rig.call('loadtest.estimate', { scenario: scenario({ prompts: { kind: 'file', fileName: 'prompts.jsonl', content } }) }));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe('prompts.jsonl, line 3: not valid JSON. Each line of a JSONL prompt file is one object like {"prompt": "…"}.');
    const estimate = await rig.call('loadtest.estimate', {
      scenario: scenario({ prompts: { kind: 'file', fileName: 'p.json', content: '["a", "b", "c"]' } }),
    });
    expect(estimate.prompts).toBe(3);
  });

  it('refuses an agent that is not a runtime in the fleet, and a template that is not JSON', async () => {
    expect((await refusal(rig.call('loadtest.start', { scenario: scenario({ agentKey: 'demo|us-east-1|runtime|gone' }) }))).code).toBe('not_found');
    const bad = await refusal(rig.call('loadtest.start', { scenario: scenario({ payloadTemplate: '{"prompt": {{prompt}' }) }));
    expect(bad.code).toBe('invalid_input');
    expect(bad.details).toEqual({ field: 'payloadTemplate' });
  });

  it('asks for confirmation on real AWS above the threshold, and refuses to start without it', async () => {
    const big = scenario({ users: 10, stop: { kind: 'requests', count: 600 } });
    expect((await rig.call('loadtest.estimate', { scenario: big })).needsConfirmation).toBe(false);
    rig.dataSource.kind = 'aws';
    const estimate = await rig.call('loadtest.estimate', { scenario: big });
    expect(estimate).toMatchObject({ requests: 600, requestsIsUpperBound: false, needsConfirmation: true });
    expect(estimate.formula).toContain('model tokens are not included');
    const error = await refusal(rig.call('loadtest.start', { scenario: big }));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('600 requests to real AWS');
    expect(error.message).toContain('above the 500 requests / $1 threshold');
    const small = await rig.call('loadtest.estimate', { scenario: scenario() });
    expect(small.needsConfirmation).toBe(false);
    const confirmed = await rig.call('loadtest.start', { scenario: big, confirmed: true });
    expect((await rig.call('loadtest.stop', { runId: confirmed.id })).status).toMatch(/stopped|completed/);
  });
});

describe('scenarios', () => {
  it('are saved by name, replaced, listed and deleted', async () => {
    const saved = await rig.call('loadtest.saveScenario', { scenario: scenario({ name: 'nightly' }) });
    expect(saved.scenario.users).toBe(2);
    await rig.call('loadtest.saveScenario', { scenario: scenario({ name: 'nightly', users: 4 }) });
    const list = await rig.call('loadtest.scenarios', {});
    expect(list.filter((s) => s.name === 'nightly').map((s) => s.scenario.users)).toEqual([4]);
    expect(await rig.call('loadtest.deleteScenario', { name: 'nightly' })).toEqual({ deleted: true });
    expect(await rig.call('loadtest.deleteScenario', { name: 'nightly' })).toEqual({ deleted: false });
  });
});
