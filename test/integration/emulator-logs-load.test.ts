/** The logs test knobs through the real SDK: the log-rate load (live tail and FilterLogEvents see it) and odd lines appended as sent. */
import { CloudWatchLogsClient, FilterLogEventsCommand, StartLiveTailCommand, type LiveTailSessionUpdate } from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { REGION, runtimeLogs, startTestEmulator, type TestEmulator } from './helpers/emulator';

let t: TestEmulator;
let client: CloudWatchLogsClient;
let GROUP: string;
let ARN: string;

beforeAll(async () => {
  t = await startTestEmulator();
  ({ client, group: GROUP, arn: ARN } = runtimeLogs(t, 'sre_supervisor'));
});
afterEach(() => t.emu.reset());
afterAll(async () => {
  client.destroy();
  await t.close();
});

const admin = (method: string, path: string, body?: unknown): Promise<Response> =>
  fetch(`${t.endpoint}${path}`, { method, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }) });

/** Non-empty live-tail updates on the sre_supervisor DEFAULT group, until `enough` says so. */
async function tailUpdates(enough: (updates: LiveTailSessionUpdate[]) => boolean, onStart: () => void = () => {}): Promise<LiveTailSessionUpdate[]> {
  const abort = new AbortController();
  const res = await client.send(new StartLiveTailCommand({ logGroupIdentifiers: [ARN] }), { abortSignal: abort.signal });
  const updates: LiveTailSessionUpdate[] = [];
  try {
    for await (const event of res.responseStream!) {
      if (event.sessionStart) onStart();
      if (event.sessionUpdate?.sessionResults?.length) updates.push(event.sessionUpdate);
      if (enough(updates)) break;
    }
  } finally {
    abort.abort();
  }
  return updates;
}
const one = (updates: LiveTailSessionUpdate[]) => updates.length >= 1;

describe('log rate knob', () => {
  it('GET/PUT /_emulator/logs reads and validates the setting', async () => {
    expect(await (await admin('GET', '/_emulator/logs')).json()).toEqual({ linesPerSecond: 0, maxPerUpdate: 500, groups: [] });
    const bad = await admin('PUT', '/_emulator/logs', { linesPerSecond: -5 });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/^invalid log rate: linesPerSecond: /);
    const extra = await admin('PUT', '/_emulator/logs', { linesPerSecond: 1, burst: true });
    expect(extra.status).toBe(400);
    expect(((await extra.json()) as { message: string }).message).toMatch(/burst/);
    expect((await admin('PUT', '/_emulator/logs', '{nope')).status).toBe(400);
    const unknown = await admin('PUT', '/_emulator/logs', { linesPerSecond: 10, runtimeName: 'no_such_agent' });
    expect(unknown.status).toBe(404);
    const ok = await admin('PUT', '/_emulator/logs', { linesPerSecond: 50, runtimeName: 'sre_supervisor', maxPerUpdate: 2000 });
    expect(await ok.json()).toEqual({ linesPerSecond: 50, runtimeName: 'sre_supervisor', maxPerUpdate: 2000, groups: [] });
    expect(t.emu.getLogRate()).toMatchObject({ linesPerSecond: 50, maxPerUpdate: 2000 });
    t.emu.reset();
    expect(t.emu.getLogRate()).toEqual({ linesPerSecond: 0, maxPerUpdate: 500, groups: [] });
  });

  it('feeds only groups that were read or tailed, in their own [runtime-logs] stream, with mixed levels and JSON records', async () => {
    t.emu.setLogRate({ linesPerSecond: 400, runtimeName: 'sre_supervisor' });
    await client.send(new FilterLogEventsCommand({ logGroupName: GROUP, limit: 1 }));
    expect(t.emu.getLogRate().groups).toEqual([GROUP]);
    await new Promise((r) => setTimeout(r, 600));
    const out = await client.send(new FilterLogEventsCommand({ logGroupName: GROUP, startTime: t.clock.t }));
    const lines = out.events!;
    expect(lines.length).toBeGreaterThan(100);
    expect(new Set(lines.map((e) => e.logStreamName)).size).toBe(1);
    expect(lines[0]!.logStreamName).toMatch(/^2026\/11\/25\/\[runtime-logs\][0-9a-f-]{36}$/);
    const json = lines.filter((e) => e.message!.startsWith('{')).map((e) => JSON.parse(e.message!) as Record<string, unknown>);
    expect(json.length).toBeGreaterThan(5);
    expect(json.every((r) => typeof r.requestId === 'string' && typeof r.sessionId === 'string' && typeof r.level === 'string')).toBe(true);
    const text = lines.map((e) => e.message!).join('\n');
    for (const level of [' - INFO - ', ' - WARNING - ', ' - DEBUG - ', ' - ERROR - ']) expect(text).toContain(level);
    // The prod endpoint's group was never read: no load there.
    const prod = GROUP.replace(/DEFAULT$/, 'prod');
    const quiet = await client.send(new FilterLogEventsCommand({ logGroupName: prod, startTime: t.clock.t }));
    expect(quiet.events).toEqual([]);
  });

  it('flows through live tail, sampled at 500 per update as AWS does unless maxPerUpdate raises the cap', async () => {
    t.emu.setLogRate({ linesPerSecond: 3000 });
    const [capped] = await tailUpdates(one);
    expect(capped!.sessionMetadata?.sampled).toBe(true);
    expect(capped!.sessionResults!.length).toBeLessThanOrEqual(500);

    t.emu.setLogRate({ linesPerSecond: 3000, maxPerUpdate: 5000 });
    const [full] = await tailUpdates(one);
    expect(full!.sessionMetadata?.sampled).toBe(false);
    expect(full!.sessionResults!.length).toBeGreaterThan(1000);
    expect(full!.sessionResults!.every((r) => r.logGroupIdentifier === ARN)).toBe(true);
  });

  it('stops when set back to 0', async () => {
    t.emu.setLogRate({ linesPerSecond: 1000 });
    await client.send(new FilterLogEventsCommand({ logGroupName: GROUP, limit: 1 }));
    await new Promise((r) => setTimeout(r, 300));
    t.emu.setLogRate({ linesPerSecond: 0 });
    const count = async () => (await client.send(new FilterLogEventsCommand({ logGroupName: GROUP, startTime: t.clock.t }))).events!.length;
    const before = await count();
    expect(before).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 300));
    expect(await count()).toBe(before);
  });
});

describe('odd lines (POST /_emulator/logs/append, emu.appendLog)', () => {
  it('keeps a 1 MB line and lone surrogates exactly as sent, in FilterLogEvents and live tail', async () => {
    const big = `BIG ${'x'.repeat(1024 * 1024 - 4)}`;
    const odd = 'bad bytes: \udcff\udc80 and a lone high \ud800 end';
    const messagesOf = (updates: LiveTailSessionUpdate[]) => updates.flatMap((u) => u.sessionResults!.map((r) => r.message!));
    const updates = await tailUpdates(
      (u) => messagesOf(u).length >= 2,
      () => {
        void admin('POST', '/_emulator/logs/append', { runtimeName: 'sre_supervisor', message: big }).then(() =>
          admin('POST', '/_emulator/logs/append', { runtimeName: 'sre_supervisor', message: odd }),
        );
      },
    );
    const tailed = messagesOf(updates);
    expect(tailed).toContain(big);
    expect(tailed).toContain(odd);
    const found = await client.send(new FilterLogEventsCommand({ logGroupName: GROUP, startTime: t.clock.t }));
    const messages = found.events!.map((e) => e.message);
    expect(messages).toContain(big);
    expect(messages).toContain(odd);
  });

  it('answers where the line went, honours stream/timestamp/endpoint/region, and refuses bad input', async () => {
    const placed = t.emu.appendLog({
      runtimeName: 'sre_supervisor',
      endpoint: 'prod',
      region: REGION,
      stream: 'odd-stream',
      timestamp: t.clock.t - 5000,
      message: '',
    });
    expect(placed).toMatchObject({ logGroupName: GROUP.replace(/DEFAULT$/, 'prod'), logStreamName: 'odd-stream', timestamp: t.clock.t - 5000 });
    const back = await client.send(new FilterLogEventsCommand({ logGroupName: placed.logGroupName, logStreamNames: ['odd-stream'] }));
    expect(back.events!.map((e) => [e.eventId, e.message])).toEqual([[placed.eventId, '']]);

    const missing = await admin('POST', '/_emulator/logs/append', { runtimeName: 'no_such_agent', message: 'x' });
    expect(missing.status).toBe(404);
    const noEndpoint = await admin('POST', '/_emulator/logs/append', { runtimeName: 'sre_supervisor', endpoint: 'canary', message: 'x' });
    expect(noEndpoint.status).toBe(404);
    expect(((await noEndpoint.json()) as { message: string }).message).toMatch(/no endpoint canary/);
    const wrongRegion = await admin('POST', '/_emulator/logs/append', { runtimeName: 'sre_supervisor', region: 'us-west-2', message: 'x' });
    expect(wrongRegion.status).toBe(404);
    const noMessage = await admin('POST', '/_emulator/logs/append', { runtimeName: 'sre_supervisor' });
    expect(noMessage.status).toBe(400);
    expect(((await noMessage.json()) as { message: string }).message).toMatch(/^invalid log line: message: /);
    expect(() => t.emu.appendLog({ runtimeName: 'sre_supervisor', message: 'x', stream: 'a:b' })).toThrow(/stream/);
    const tooBig = await admin('POST', '/_emulator/logs/append', { runtimeName: 'sre_supervisor', message: 'y'.repeat(17 * 1024 * 1024) });
    expect(tooBig.status).toBe(413);
  });
});
