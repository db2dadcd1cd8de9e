import { BedrockAgentCoreClient, InvokeAgentRuntimeCommand } from '@aws-sdk/client-bedrock-agentcore';
import { CloudWatchLogsClient, FilterLogEventsCommand, paginateFilterLogEvents } from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toOtelTraceId } from '../../src/emulator/logs/line-gen';
import { expectWellFormed, parseSpan, type ParsedSpan } from '../../src/emulator/logs/span-test-kit';
import { runQuery } from './emulator-traces-kit';
import { REGION, startTestEmulator, type TestEmulator } from './helpers/emulator';

let t: TestEmulator;
let logs: CloudWatchLogsClient;
let agentcore: BedrockAgentCoreClient;

const SESSION = 'traces-session-0000000000000000000000000001';

/** Invokes through the real SDK and returns the OTEL trace id the response's X-Amzn-Trace-Id maps to. */
async function invoke(runtimeName: string, sessionId: string): Promise<string> {
  const res = await agentcore.send(
    new InvokeAgentRuntimeCommand({
      agentRuntimeArn: t.runtime(runtimeName).arn,
      qualifier: 'DEFAULT',
      runtimeSessionId: sessionId,
      contentType: 'application/json',
      payload: new TextEncoder().encode(JSON.stringify({ prompt: 'Why is checkout slow?' })),
    }),
  );
  await res.response?.transformToString();
  expect(res.traceId).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24}/);
  return toOtelTraceId(/Root=([^;]+)/.exec(res.traceId!)![1]!);
}

const traceQuery = (traceId: string) => `fields @timestamp, @message | filter traceId = "${traceId}" | sort @timestamp asc | limit 10000`;
const spansOf = (rows: Array<Record<string, string>>): ParsedSpan[] => rows.map((r) => parseSpan(r['@message']!));

beforeAll(async () => {
  t = await startTestEmulator();
  logs = new CloudWatchLogsClient({ endpoint: t.endpoint, region: REGION, credentials: t.credentials, maxAttempts: 1 });
  agentcore = new BedrockAgentCoreClient({ endpoint: t.endpoint, region: REGION, credentials: t.credentials, maxAttempts: 1 });
});
afterAll(async () => {
  logs.destroy();
  agentcore.destroy();
  await t.close();
});

describe('spans of a real invocation, through Logs Insights', () => {
  let traceId: string;
  let secondTrace: string;

  it('are invisible until the ingestion lag has passed, then form a well-formed tree', async () => {
    expect(t.emu.getSpanLag()).toEqual({ lagMs: 0, jitterMs: 0 }); // fast mode
    expect(t.emu.setSpanLag({ lagMs: 1500, jitterMs: 500 })).toEqual({ lagMs: 1500, jitterMs: 500 });
    traceId = await invoke('sre_supervisor', SESSION);
    const early = await runQuery(t, logs, traceQuery(traceId));
    expect(early.status).toBe('Complete');
    expect(early.polls).toBe(2); // Running on the first poll
    expect(early.rows).toEqual([]);
    const filtered = await logs.send(new FilterLogEventsCommand({ logGroupName: 'aws/spans', filterPattern: `{ $.traceId = "${traceId}" }` }));
    expect(filtered.events).toEqual([]);

    t.clock.t += 1600; // past the lag, not the jitter: some spans are in, others not yet
    const partial = (await runQuery(t, logs, traceQuery(traceId))).rows.length;
    t.clock.t += 500;
    const whole = await runQuery(t, logs, traceQuery(traceId));
    expect(partial).toBeLessThan(whole.rows.length);
    const spans = spansOf(whole.rows);
    expectWellFormed(spans);
    expect(spans.find((s) => !s.parentSpanId)!.name).toBe('POST /invocations');
    const cycles = spans.filter((s) => s.name === 'execute_event_loop_cycle');
    expect(cycles.length).toBeGreaterThanOrEqual(2);
    expect(spans.filter((s) => s.name.startsWith('execute_tool ')).length).toBeGreaterThanOrEqual(1);
    expect(spans.map((s) => s.attributes['rpc.method']).filter(Boolean)).toEqual(['RetrieveMemoryRecords', 'CreateEvent']);
    expect(whole.rows.map((r) => r['@timestamp'])).toEqual([...whole.rows.map((r) => r['@timestamp']!)].sort());
    expect(whole.rows.every((r) => r['@ptr'])).toBe(true);

    const invocation = spans.find((s) => s.name === 'invoke_agent sre_supervisor')!;
    const chats = spans.filter((s) => s.name.startsWith('chat '));
    const sum = (k: string) => chats.reduce((n, s) => n + Number(s.attributes[k]), 0);
    // The totals the runtime reported are what the InvocationRecord carries; the chat spans split them.
    const records: number[] = [];
    const off = t.emu.onInvocation((r) => records.push(r.inputTokens, r.outputTokens));
    secondTrace = await invoke('sre_supervisor', SESSION);
    off();
    expect(invocation.attributes['gen_ai.agent.name']).toBe('sre_supervisor');
    expect(sum('gen_ai.usage.input_tokens')).toBeGreaterThan(0);
    t.clock.t += 2001;
    const second = spansOf((await runQuery(t, logs, traceQuery(secondTrace))).rows).filter((s) => s.name.startsWith('chat '));
    expect([
      second.reduce((n, s) => n + Number(s.attributes['gen_ai.usage.input_tokens']), 0),
      second.reduce((n, s) => n + Number(s.attributes['gen_ai.usage.output_tokens']), 0),
    ]).toEqual(records);
    t.emu.setSpanLag({ lagMs: 0 });
  });

  it('answers the session query with the roots of its invocations, newest first', async () => {
    const out = await runQuery(
      t,
      logs,
      `fields @timestamp, @message | filter attributes.session.id = "${SESSION}" and not ispresent(parentSpanId) | sort @timestamp desc | limit 200`,
    );
    expect(spansOf(out.rows).map((s) => s.traceId)).toEqual([secondTrace, traceId]);
  });

  it('answers the per-agent root query with that runtime only', async () => {
    const rt = t.runtime('sre_supervisor');
    const out = await runQuery(
      t,
      logs,
      `fields @timestamp, @message | filter resource.attributes.cloud.resource_id like "runtime/${rt.id}" and not ispresent(parentSpanId) | sort @timestamp desc | limit 1000`,
    );
    const roots = out.rows.map(
      (r) => JSON.parse(r['@message']!) as { parentSpanId?: string; traceId: string; resource: { attributes: Record<string, string> } },
    );
    expect(roots.slice(0, 2).map((r) => r.traceId)).toEqual([secondTrace, traceId]);
    expect(roots.length).toBeGreaterThan(2); // seeded history too
    expect(roots.every((r) => r.parentSpanId === undefined && r.resource.attributes['cloud.resource_id'] === rt.arn)).toBe(true);
  });

  it('sums tokens per day and model as FilterLogEvents sees them', async () => {
    const rt = t.runtime('sre_supervisor');
    const out = await runQuery(
      t,
      logs,
      `filter resource.attributes.cloud.resource_id like "runtime/${rt.id}" and ispresent(attributes.gen_ai.usage.input_tokens) | stats sum(attributes.gen_ai.usage.input_tokens) as inputTokens, sum(attributes.gen_ai.usage.output_tokens) as outputTokens, count(*) as calls by bin(1d), attributes.gen_ai.request.model`,
    );
    const expected = new Map<string, { inputTokens: number; outputTokens: number; calls: number }>();
    for await (const page of paginateFilterLogEvents({ client: logs }, { logGroupName: 'aws/spans', filterPattern: '"gen_ai.usage.input_tokens"' }))
      for (const e of page.events ?? []) {
        const s = parseSpan(e.message!);
        if (
          !String((JSON.parse(e.message!) as { resource: { attributes: Record<string, string> } }).resource.attributes['cloud.resource_id']).endsWith(
            `runtime/${rt.id}`,
          )
        )
          continue;
        const key = `${new Date(e.timestamp!).toISOString().slice(0, 10)} 00:00:00.000|${String(s.attributes['gen_ai.request.model'])}`;
        const acc = expected.get(key) ?? { inputTokens: 0, outputTokens: 0, calls: 0 };
        acc.inputTokens += Number(s.attributes['gen_ai.usage.input_tokens']);
        acc.outputTokens += Number(s.attributes['gen_ai.usage.output_tokens']);
        acc.calls++;
        expected.set(key, acc);
      }
    expect(expected.size).toBeGreaterThan(0);
    expect(out.rows).toEqual(
      [...expected].map(([key, v]) => ({
        'bin(1d)': key.split('|')[0],
        'attributes.gen_ai.request.model': key.split('|')[1],
        inputTokens: String(v.inputTokens),
        outputTokens: String(v.outputTokens),
        calls: String(v.calls),
      })),
    );
    expect(out.raw.statistics!.recordsMatched).toBe([...expected.values()].reduce((n, v) => n + v.calls, 0));
  });

  it('lists live sessions with their invocation counts, newest first', async () => {
    const out = await runQuery(
      t,
      logs,
      'filter ispresent(attributes.session.id) and not ispresent(parentSpanId) | stats count(*) as invocations, min(@timestamp) as firstSeen, max(@timestamp) as lastSeen by attributes.session.id, resource.attributes.cloud.resource_id | sort lastSeen desc | limit 1000',
    );
    expect(out.rows[0]).toMatchObject({
      'attributes.session.id': SESSION,
      'resource.attributes.cloud.resource_id': t.runtime('sre_supervisor').arn,
      invocations: '2',
    });
    expect(out.rows[0]!.firstSeen! < out.rows[0]!.lastSeen!).toBe(true);
    expect(out.rows[0]!.lastSeen).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/);
    const lastSeen = out.rows.map((r) => r.lastSeen!);
    expect(lastSeen).toEqual([...lastSeen].sort().reverse());
    expect(out.rows.length).toBeGreaterThan(1);
  });
});
