/**
 * The log tail when AWS misbehaves, each with its own emulator: live sessions
 * that expire, go silent or hit the account's quota, a throttled polling
 * fallback, and an AWS clock twenty minutes behind the laptop's.
 */
import { randomUUID } from 'node:crypto';
import { InvokeAgentRuntimeCommand } from '@aws-sdk/client-bedrock-agentcore';
import { afterEach, describe, expect, it } from 'vitest';
import { logsInputs, type LogLine } from '../../src/shared/logs';
import { OWNER } from './helpers/caller';
import { dataClient, readBody } from './helpers/emulator-clients';
import { startLogsModuleRig, type LogsModuleRig } from './helpers/logs-module-rig';

const rigs: LogsModuleRig[] = [];
afterEach(async () => {
  await Promise.all(rigs.splice(0).map((r) => r.close()));
});

async function rig(...args: Parameters<typeof startLogsModuleRig>): Promise<LogsModuleRig> {
  const started = await startLogsModuleRig(...args);
  rigs.push(started);
  return started;
}

async function invoke(r: LogsModuleRig, name = 'sre_supervisor'): Promise<string> {
  const runtime = r.emu.world.runtimes('us-east-1').find((x) => x.name === name)!;
  const sessionId = `resilience-${randomUUID()}`;
  const out = await dataClient(r.emu).send(
    new InvokeAgentRuntimeCommand({ agentRuntimeArn: runtime.arn, runtimeSessionId: sessionId, payload: new TextEncoder().encode('{"prompt":"hi"}') }),
  );
  await readBody(out);
  return sessionId;
}

const completed = (lines: LogLine[], sessionId: string) => lines.some((l) => l.sessionId === sessionId && /completed successfully/.test(l.message));

describe('live sessions that end', () => {
  it('reopens a session at AWS’s 3-hour limit and keeps streaming', async () => {
    const r = await rig({ fast: true }, { liveTail: { maxSessionMs: 400 } });
    const tail = await r.tail({ agentKey: r.agentKey('sre_supervisor'), endpoint: 'DEFAULT', backfillMs: 0 });
    await tail.until((t) => t.items.some((i) => i.kind === 'mode' && i.mode === 'reconnecting'));
    const reconnect = tail.items.find((i) => i.kind === 'mode' && i.mode === 'reconnecting');
    expect(reconnect).toMatchObject({ reason: expect.stringMatching(/3-hour limit/) });
    const sessionId = await invoke(r);
    await tail.until((t) => completed(t.lines(), sessionId));
    tail.close();
  });

  it('takes a silent session for dead and reconnects', async () => {
    // No heartbeat for a long time, and a watchdog shorter than that.
    const r = await rig({ fast: true }, { liveTail: { heartbeatTicks: 10_000 }, timing: { idleMs: 300 } });
    const tail = await r.tail({ agentKey: r.agentKey('sre_supervisor'), endpoint: 'DEFAULT', backfillMs: 0 });
    await tail.until((t) => t.items.some((i) => i.kind === 'mode' && i.mode === 'reconnecting' && /no update for/.test(i.reason ?? '')));
    tail.close();
  });

  it('polls instead when the account is at its concurrent live tail quota', async () => {
    const r = await rig({ fast: true }, { liveTail: { maxSessions: 1 } });
    const agentKey = r.agentKey('sre_supervisor');
    const first = await r.tail({ agentKey, endpoint: 'DEFAULT', backfillMs: 0 });
    const second = await r.tail({ agentKey, endpoint: 'DEFAULT', backfillMs: 0 });
    expect(first.modes()[0]).toBe('live');
    expect(second.items.find((i) => i.kind === 'mode')).toMatchObject({ mode: 'polling', reason: expect.stringMatching(/concurrent live tail sessions/) });
    const sessionId = await invoke(r);
    await Promise.all([first.until((t) => completed(t.lines(), sessionId)), second.until((t) => completed(t.lines(), sessionId))]);
    first.close();
    second.close();
  });
});

describe('the polling fallback', () => {
  it('stretches its interval while FilterLogEvents is throttled, says so, and recovers', async () => {
    const r = await rig({ fast: true });
    r.emu.setFaults({ rules: [{ operation: 'StartLiveTail', accessDeniedRate: 1 }] });
    const tail = await r.tail({ agentKey: r.agentKey('sre_supervisor'), endpoint: 'DEFAULT', backfillMs: 0 });
    r.emu.setFaults({
      rules: [
        { operation: 'StartLiveTail', accessDeniedRate: 1 },
        { operation: 'FilterLogEvents', throttleRate: 1 },
      ],
    });
    await tail.until((t) => t.items.some((i) => i.kind === 'notice' && i.code === 'throttled'));
    expect(tail.items.find((i) => i.kind === 'notice' && i.code === 'throttled')).toMatchObject({
      message: expect.stringMatching(/throttled.*until it recovers/),
    });
    const sessionId = await invoke(r);
    r.emu.setFaults({ rules: [{ operation: 'StartLiveTail', accessDeniedRate: 1 }] });
    await tail.until((t) => completed(t.lines(), sessionId));
    expect(tail.items.some((i) => i.kind === 'notice' && i.code === 'poll_recovered')).toBe(true);
    expect(tail.ended).toBeNull();
    tail.close();
  });
});

describe('an AWS clock twenty minutes behind the laptop', () => {
  it('still finds the newest lines, in history and when polling', async () => {
    const behind = 20 * 60_000;
    const r = await rig({ fast: true, now: () => Date.now() - behind });
    const agentKey = r.agentKey('sre_supervisor');
    // Any call teaches the SDK the offset; the logs page always asks for the groups first.
    await r.logs.methods['logs.groups']({ agentKey }, OWNER);
    const sessionId = await invoke(r);
    const page = await r.logs.methods['logs.history'](
      logsInputs.history.parse({ agentKey, endpoint: 'DEFAULT', lastMs: 5 * 60_000, filterPattern: `"${sessionId}"` }),
      OWNER,
    );
    expect(completed(page.lines, sessionId)).toBe(true);
    expect(Math.abs(page.endTime - (Date.now() - behind))).toBeLessThan(10_000);

    r.emu.setFaults({ rules: [{ operation: 'StartLiveTail', accessDeniedRate: 1 }] });
    const tail = await r.tail({ agentKey, endpoint: 'DEFAULT', backfillMs: 0 });
    const later = await invoke(r);
    await tail.until((t) => completed(t.lines(), later));
    tail.close();
  });
});
