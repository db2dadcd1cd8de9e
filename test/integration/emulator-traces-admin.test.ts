import {
  CloudWatchLogsClient,
  GetQueryResultsCommand,
  LimitExceededException,
  MalformedQueryException,
  ResourceNotFoundException,
  StartQueryCommand,
  StopQueryCommand,
  paginateFilterLogEvents,
} from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectWellFormed, parseSpan } from '../../src/emulator/logs/span-test-kit';
import { pollQuery, runQuery, startQuery } from './emulator-traces-kit';
import { startEmulator } from '../../src/emulator/index';
import { REGION, startTestEmulator, type TestEmulator } from './helpers/emulator';

let t: TestEmulator;
let logs: CloudWatchLogsClient;

const admin = async (method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> => {
  const res = await fetch(`${t.endpoint}${path}`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
};

beforeAll(async () => {
  t = await startTestEmulator();
  logs = new CloudWatchLogsClient({ endpoint: t.endpoint, region: REGION, credentials: t.credentials, maxAttempts: 1 });
});
afterAll(async () => {
  logs.destroy();
  await t.close();
});

describe('Logs Insights query lifecycle', () => {
  it('cancels a running query with StopQuery, and refuses to stop it twice', async () => {
    const queryId = await startQuery(t, logs, 'fields @message | limit 5');
    expect(await logs.send(new StopQueryCommand({ queryId }))).toMatchObject({ success: true });
    expect(await logs.send(new GetQueryResultsCommand({ queryId }))).toMatchObject({ status: 'Cancelled', results: [] });
    expect(await logs.send(new StopQueryCommand({ queryId }))).toMatchObject({ success: false });
    const done = await runQuery(t, logs, 'fields @message | limit 5');
    expect(done.rows).toHaveLength(5);
    expect(done.raw.statistics).toMatchObject({ recordsScanned: expect.any(Number), bytesScanned: expect.any(Number) });
  });

  it('answers junk with MalformedQueryException and unknown groups or ids with ResourceNotFoundException', async () => {
    const start = (queryString: string, logGroupName = 'aws/spans') =>
      logs.send(new StartQueryCommand({ logGroupName, queryString, startTime: 0, endTime: Math.ceil(t.clock.t / 1000) }));
    const junk = await start('this is not | a query').catch((e: unknown) => e);
    expect(junk).toBeInstanceOf(MalformedQueryException);
    expect((junk as Error).message).toMatch(/Unknown or unsupported command 'this'/);
    await expect(start('filter a = ')).rejects.toBeInstanceOf(MalformedQueryException);
    await expect(start('fields @message', '/aws/nope')).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(logs.send(new GetQueryResultsCommand({ queryId: '00000000-0000-4000-8000-000000000000' }))).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('allows 30 running queries per region', async () => {
    const ids = await Promise.all(Array.from({ length: 30 }, () => startQuery(t, logs, 'fields @message | limit 1')));
    await expect(startQuery(t, logs, 'fields @message')).rejects.toBeInstanceOf(LimitExceededException);
    await logs.send(new StopQueryCommand({ queryId: ids[0] }));
    const more = await startQuery(t, logs, 'fields @message | limit 1');
    for (const queryId of [...ids.slice(1), more]) await logs.send(new StopQueryCommand({ queryId }));
  });

  it('ends new queries in Timeout or Failed, or keeps them Running, as the insights knob says', async () => {
    expect(t.emu.setInsightsMode({ mode: 'timeout' })).toEqual({ mode: 'timeout', slowMs: 10_000 });
    expect((await runQuery(t, logs, 'fields @message')).status).toBe('Timeout');
    const failing = await admin('PUT', '/_emulator/insights', { mode: 'fail' });
    expect(failing).toEqual({ status: 200, json: { mode: 'fail', slowMs: 10_000 } });
    expect((await runQuery(t, logs, 'fields @message')).status).toBe('Failed');
    t.emu.setInsightsMode({ mode: 'slow', slowMs: 5000 });
    const slow = await startQuery(t, logs, 'fields @message | limit 3');
    for (let i = 0; i < 3; i++) expect((await logs.send(new GetQueryResultsCommand({ queryId: slow }))).status).toBe('Running');
    t.clock.t += 5000;
    expect((await pollQuery(logs, slow)).rows).toHaveLength(3);
    expect((await admin('PUT', '/_emulator/insights', { mode: 'sideways' })).status).toBe(400);
    t.emu.setInsightsMode({ mode: 'normal' });
    expect((await admin('GET', '/_emulator/insights')).json).toEqual({ mode: 'normal', slowMs: 5000 });
  });
});

describe('span knobs', () => {
  it('lags spans 1.5 s plus up to 0.5 s by default, not at all in fast mode, and as the option says', async () => {
    for (const [options, lag] of [
      [{}, { lagMs: 1500, jitterMs: 500 }],
      [{ fast: true }, { lagMs: 0, jitterMs: 0 }],
      [
        { fast: true, spanLag: { lagMs: 800 } },
        { lagMs: 800, jitterMs: 0 },
      ],
    ] as const) {
      const emu = await startEmulator(options);
      expect(emu.getSpanLag()).toEqual(lag);
      await emu.close();
    }
  });

  it('sets the span lag over the admin API, zod-checked', async () => {
    expect(await admin('GET', '/_emulator/spans')).toEqual({ status: 200, json: { lagMs: 0, jitterMs: 0 } });
    expect(await admin('PUT', '/_emulator/spans', { lagMs: 2000, jitterMs: 250 })).toEqual({ status: 200, json: { lagMs: 2000, jitterMs: 250 } });
    expect(t.emu.getSpanLag()).toEqual({ lagMs: 2000, jitterMs: 250 });
    const bad = await admin('PUT', '/_emulator/spans', { lagMs: -1 });
    expect(bad.status).toBe(400);
    expect(String(bad.json.message)).toMatch(/lagMs/);
    t.emu.reset(); // back to the start-up lag (fast mode: none)
    expect(t.emu.getSpanLag()).toEqual({ lagMs: 0, jitterMs: 0 });
  });

  it('writes a 10,000-span trace with orphans and malformed records that the trace query and FilterLogEvents return whole', async () => {
    t.emu.setSpanLag({ lagMs: 60_000 }); // appended traces ignore the lag
    const trace = t.emu.appendTrace({ runtimeName: 'sre_supervisor', spans: 10_000, orphans: 25, malformed: 10 });
    expect(trace).toMatchObject({ spans: 10_000, startTime: t.clock.t - 60_000, endTime: t.clock.t });
    expect(trace.traceId).toMatch(/^[0-9a-f]{32}$/);
    const out = await runQuery(t, logs, `fields @timestamp, @message | filter traceId = "${trace.traceId}" | sort @timestamp asc | limit 10000`);
    expect(out.rows).toHaveLength(10_000);
    const spans = out.rows.map((r) => parseSpan(r['@message']!));
    expectWellFormed(spans, 25);
    expect(spans.every((s) => s.attributes['session.id'] === trace.sessionId)).toBe(true);

    const events: string[] = [];
    for await (const page of paginateFilterLogEvents({ client: logs }, { logGroupName: 'aws/spans', filterPattern: `{ $.traceId = "${trace.traceId}" }` }))
      events.push(...(page.events ?? []).map((e) => e.message!));
    expect(events).toHaveLength(10_000);
    // The malformed records are there, matched on @message alone (every other record in aws/spans is a span).
    const broken = await runQuery(t, logs, 'fields @message | filter not ispresent(traceId) and @message like "{"');
    expect(broken.rows).toHaveLength(10);
    expect(broken.rows.every((r) => r['@message']!.startsWith('{"resource"'))).toBe(true);
    t.emu.setSpanLag({ lagMs: 0 });
  });

  it('refuses bad traces over the admin API', async () => {
    expect((await admin('POST', '/_emulator/traces', { runtimeName: 'sre_supervisor', spans: 0 })).status).toBe(400);
    expect((await admin('POST', '/_emulator/traces', { runtimeName: 'sre_supervisor', spans: 20_001 })).status).toBe(400);
    expect((await admin('POST', '/_emulator/traces', { runtimeName: 'sre_supervisor', spans: 5, orphans: 5 })).status).toBe(400);
    expect((await admin('POST', '/_emulator/traces', { runtimeName: 'no_such_agent', spans: 5 })).status).toBe(404);
    const ok = await admin('POST', '/_emulator/traces', {
      runtimeName: 'sre_supervisor',
      spans: 7,
      sessionId: 'admin-trace',
      startTime: t.clock.t - 1000,
      durationMs: 500,
    });
    expect(ok).toMatchObject({ status: 200, json: { spans: 7, sessionId: 'admin-trace', startTime: t.clock.t - 1000, endTime: t.clock.t - 500 } });
  });
});
