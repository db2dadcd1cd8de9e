/**
 * The log tail and history through the logs module and the real CloudWatch
 * Logs client against the emulator: discovery, live lines of a real invoke,
 * the polling fallback when live tail is denied, reconnects that neither lose
 * nor repeat a line, a group deleted mid-tail, bad patterns, throttling,
 * denied Logs access, a 1 MB line, non-UTF-8 bytes and a skewed AWS clock.
 */
import { randomUUID } from 'node:crypto';
import { DeleteLogGroupCommand, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { InvokeAgentRuntimeCommand } from '@aws-sdk/client-bedrock-agentcore';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/shared/errors';
import type { LogLine } from '../../src/shared/logs';
import { logsInputs } from '../../src/shared/logs';
import { OWNER } from './helpers/caller';
import { dataClient, readBody } from './helpers/emulator-clients';
import { startLogsModuleRig, type LogsModuleRig } from './helpers/logs-module-rig';

let rig: LogsModuleRig;
let agent = '';

beforeAll(async () => {
  rig = await startLogsModuleRig({ fast: true });
  agent = rig.agentKey('sre_supervisor');
}, 30_000);
afterAll(() => rig?.close());
afterEach(() => rig.emu.setFaults({ rules: [] }));

const runtimeOf = (name: string) => rig.emu.world.runtimes('us-east-1').find((r) => r.name === name)!;
const groupOf = (name: string, endpoint = 'DEFAULT') => `/aws/bedrock-agentcore/runtimes/${runtimeOf(name).id}-${endpoint}`;

async function invoke(name: string, sessionId = `logs-test-${randomUUID()}`): Promise<string> {
  const out = await dataClient(rig.emu).send(
    new InvokeAgentRuntimeCommand({
      agentRuntimeArn: runtimeOf(name).arn,
      runtimeSessionId: sessionId,
      payload: new TextEncoder().encode('{"prompt":"status of checkout?"}'),
    }),
  );
  await readBody(out);
  return sessionId;
}

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

const history = (input: Partial<Parameters<LogsModuleRig['logs']['methods']['logs.history']>[0]> = {}) =>
  rig.logs.methods['logs.history'](logsInputs.history.parse({ agentKey: agent, endpoint: 'DEFAULT', lastMs: 30 * 60_000, limit: 1000, ...input }), OWNER);

const ofSession = (lines: LogLine[], sessionId: string) => lines.filter((l) => l.sessionId === sessionId);

describe('discovery', () => {
  it('finds the log group of every endpoint and the spans group', async () => {
    const found = await rig.logs.methods['logs.groups']({ agentKey: agent }, OWNER);
    expect(found.agentName).toBe('sre_supervisor');
    expect(found.groups.length).toBeGreaterThan(0);
    expect(found.groups.every((g) => g.exists && g.groupName === groupOf('sre_supervisor', g.endpoint))).toBe(true);
    expect(found.spansGroupExists).toBe(true);
  });

  it('explains a missing group instead of failing', async () => {
    await rig.clients.logsClient('demo', 'us-east-1').send(new DeleteLogGroupCommand({ logGroupName: groupOf('model_registry_agent') }));
    const found = await rig.logs.methods['logs.groups']({ agentKey: rig.agentKey('model_registry_agent') }, OWNER);
    const missing = found.groups.find((g) => g.endpoint === 'DEFAULT')!;
    expect(missing.exists).toBe(false);
    expect(missing.missingReason).toMatch(/first invocation.*logs:PutLogEvents.*region/s);
  });

  it('says which permission is missing when Logs is denied, and only Logs', async () => {
    rig.emu.setFaults({ rules: [{ operation: 'DescribeLogGroups', accessDeniedRate: 1 }] });
    const error = await rejection(rig.logs.methods['logs.groups']({ agentKey: agent }, OWNER));
    expect(error.code).toBe('aws_error');
    expect(error.message).toMatch(/DescribeLogGroups was denied.*logs:DescribeLogGroups/);
  });
});

describe('history', () => {
  it('pages a time range oldest first, with levels and session ids parsed', async () => {
    const sessionId = await invoke('sre_supervisor');
    const { lines, startTime, endTime } = await history({ lastMs: 5 * 60_000 });
    expect(endTime - startTime).toBe(5 * 60_000 + 5000);
    const mine = ofSession(lines, sessionId);
    expect(mine.length).toBeGreaterThan(1);
    expect(mine.every((l) => l.json && l.level === 'info')).toBe(true);
    expect(lines.map((l) => l.timestamp)).toEqual([...lines.map((l) => l.timestamp)].sort((a, b) => a - b));
    const first = await history({ limit: 5 });
    expect(first.lines).toHaveLength(5);
    const next = await history({ limit: 5, startTime: first.startTime, endTime: first.endTime, lastMs: undefined, nextToken: first.nextToken });
    expect(next.lines[0]!.key).not.toBe(first.lines[0]!.key);
  });

  it('sends the filter pattern to CloudWatch, and puts its refusal at the field', async () => {
    rig.emu.setFaults({ rules: [{ operation: 'InvokeAgentRuntime', errorRate: 1 }] });
    await invoke('sre_supervisor').catch(() => undefined);
    rig.emu.setFaults({ rules: [] });
    const errors = await history({ filterPattern: 'ERROR' });
    expect(errors.lines.length).toBeGreaterThan(0);
    expect(errors.lines.every((l) => l.message.includes('ERROR'))).toBe(true);
    expect(errors.lines.some((l) => l.level === 'error')).toBe(true);
    const bad = await rejection(history({ filterPattern: '{ $.level = ' }));
    expect(bad.code).toBe('invalid_input');
    expect(bad.details).toMatchObject({ field: 'filterPattern' });
    expect(bad.message).toMatch(/CloudWatch refused the filter pattern/);
  });

  it('backs off when FilterLogEvents is throttled, then answers', async () => {
    rig.emu.setFaults({ seed: 3, rules: [{ operation: 'FilterLogEvents', throttleRate: 0.5 }] });
    const page = await history({ limit: 10 });
    expect(page.lines.length).toBeGreaterThan(0);
    rig.emu.setFaults({ rules: [{ operation: 'FilterLogEvents', throttleRate: 1 }] });
    const error = await rejection(history({ limit: 10 }));
    expect(error.message).toMatch(/throttled.*the lines already shown stay/);
  });

  it('cuts a 1 MB line to a preview, serves the rest on demand, and draws non-UTF-8 bytes as replacement characters', async () => {
    const big = `{"level":"INFO","payload":"${'x'.repeat(1_000_000)}"}`;
    rig.emu.appendLog({ runtimeName: 'sre_supervisor', message: big });
    rig.emu.appendLog({ runtimeName: 'sre_supervisor', message: 'ERROR decoding \udcff\udcfe from tool output' });
    const cut = (await history({ lastMs: 60_000, filterPattern: 'payload' })).lines.find((l) => l.fullLength === big.length)!;
    expect(cut.message.length).toBeLessThan(10_000);
    expect((await rig.logs.methods['logs.line']({ key: cut.key }, OWNER)).message).toBe(big);
    const { lines } = await history({ lastMs: 60_000, filterPattern: 'decoding' });
    expect(lines.find((l) => l.message.includes('decoding'))!.message).toBe('ERROR decoding \uFFFD\uFFFD from tool output');
    expect((await rejection(rig.logs.methods['logs.line']({ key: 'nope' }, OWNER))).code).toBe('not_found');
  });
});

describe('live tail', () => {
  it('streams the lines of a new invocation live, after a backfill of recent ones', async () => {
    const earlier = await invoke('sre_supervisor');
    const tail = await rig.tail({ agentKey: agent, endpoint: 'DEFAULT', backfillMs: 5 * 60_000 });
    await tail.until((t) => ofSession(t.lines(), earlier).length > 0);
    const sessionId = await invoke('sre_supervisor');
    await tail.until((t) => ofSession(t.lines(), sessionId).some((l) => /completed successfully/.test(l.message)));
    expect(tail.modes()[0]).toBe('live');
    const keys = tail.lines().map((l) => l.key);
    expect(new Set(keys).size).toBe(keys.length);
    const batches = tail.items.filter((i) => i.kind === 'lines');
    let seq = 0;
    for (const b of batches) {
      expect(b.seq).toBe(seq);
      seq += b.lines.length;
    }
    tail.close();
  });

  it('falls back to polling when live tail is denied, and says why', async () => {
    rig.emu.setFaults({ rules: [{ operation: 'StartLiveTail', accessDeniedRate: 1 }] });
    const tail = await rig.tail({ agentKey: agent, endpoint: 'DEFAULT', backfillMs: 0 });
    const mode = tail.items.find((i) => i.kind === 'mode');
    expect(mode).toMatchObject({ mode: 'polling', reason: expect.stringMatching(/Live tail is denied.*Polling FilterLogEvents/) });
    const sessionId = await invoke('sre_supervisor');
    await tail.until((t) => ofSession(t.lines(), sessionId).some((l) => /completed successfully/.test(l.message)));
    tail.close();
  });

  it('reconnects a dropped live session without losing or repeating a line', async () => {
    rig.emu.setFaults({ rules: [{ operation: 'StartLiveTail', dropStreamRate: 1, dropAfterChunks: 4 }] });
    const tail = await rig.tail({ agentKey: agent, endpoint: 'DEFAULT', backfillMs: 0 });
    const sessions: string[] = [];
    for (let i = 0; i < 4; i++) {
      sessions.push(await invoke('sre_supervisor'));
      await new Promise((r) => setTimeout(r, 250));
    }
    const truth = async (sessionId: string) =>
      (
        await rig.clients
          .logsClient('demo', 'us-east-1')
          .send(new FilterLogEventsCommand({ logGroupName: groupOf('sre_supervisor'), filterPattern: `"${sessionId}"`, startTime: Date.now() - 60_000 }))
      ).events?.length ?? 0;
    const expected = await Promise.all(sessions.map(truth));
    await tail.until((t) => sessions.every((s, i) => ofSession(t.lines(), s).length >= expected[i]!), 15_000);
    expect(tail.modes()).toContain('reconnecting');
    expect(sessions.map((s) => ofSession(tail.lines(), s).length)).toEqual(expected);
    const keys = tail.lines().map((l) => l.key);
    expect(new Set(keys).size).toBe(keys.length);
    tail.close();
  });

  it('stops with the reason when the log group is deleted while tailing', async () => {
    const tail = await rig.tail({ agentKey: rig.agentKey('coach_companion'), endpoint: 'DEFAULT', backfillMs: 0 });
    await rig.clients.logsClient('demo', 'us-east-1').send(new DeleteLogGroupCommand({ logGroupName: groupOf('coach_companion') }));
    await tail.until((t) => t.ended !== null);
    expect(tail.items.at(-1)).toMatchObject({ kind: 'mode', mode: 'stopped', reason: expect.stringMatching(/deleted/) });
  });

  it('refuses to open on a pattern CloudWatch rejects, with its message at the field', async () => {
    const error = await rejection(rig.tail({ agentKey: agent, endpoint: 'DEFAULT', filterPattern: '{ $.level = ' }));
    expect(error).toMatchObject({ code: 'invalid_input', details: { field: 'filterPattern' } });
  });
});
