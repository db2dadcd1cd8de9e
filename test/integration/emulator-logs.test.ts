import {
  CloudWatchLogsClient,
  DescribeLogGroupsCommand,
  DescribeLogStreamsCommand,
  FilterLogEventsCommand,
  GetLogEventsCommand,
  InvalidParameterException,
  ResourceNotFoundException,
  StartLiveTailCommand,
  paginateDescribeLogGroups,
  paginateFilterLogEvents,
  paginateGetLogEvents,
} from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InvocationRecord } from '../../src/emulator/core/types';
import { REGION, startTestEmulator, type TestEmulator } from './helpers/emulator';

let t: TestEmulator;
let client: CloudWatchLogsClient;
let SRE_GROUP: string;
let ACCOUNT: string;

/** An invocation that fails inside the service (fault injected), so the logs carry its error lines. */
async function failingInvocation(sessionId: string): Promise<InvocationRecord> {
  t.emu.setFaults({ rules: [{ operation: 'InvokeAgentRuntime', errorRate: 1 }] });
  try {
    return await t.invoke('sre_supervisor', 'Why is checkout slow?', { sessionId });
  } finally {
    t.emu.setFaults({ rules: [] });
  }
}

beforeAll(async () => {
  t = await startTestEmulator();
  const rt = t.runtime('sre_supervisor');
  SRE_GROUP = `/aws/bedrock-agentcore/runtimes/${rt.id}-DEFAULT`;
  ACCOUNT = rt.accountId;
  client = new CloudWatchLogsClient({ endpoint: t.endpoint, region: REGION, credentials: t.credentials, maxAttempts: 1, disableHostPrefix: true });
});
afterAll(async () => {
  client.destroy();
  await t.close();
});

describe('CloudWatch Logs via the real SDK', () => {
  it('lists one group per runtime endpoint plus aws/spans, with prefix filter and paging', async () => {
    const names: string[] = [];
    for await (const page of paginateDescribeLogGroups({ client, pageSize: 4 }, {})) names.push(...(page.logGroups ?? []).map((g) => g.logGroupName!));
    const expected = t.emu.world.runtimes(REGION).flatMap((r) => r.endpointNames.map((ep) => `/aws/bedrock-agentcore/runtimes/${r.id}-${ep}`));
    expect(names).toEqual([...expected, 'aws/spans'].sort());
    const sre = await client.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/aws/bedrock-agentcore/runtimes/sre_' }));
    expect(sre.logGroups?.map((g) => g.logGroupArn)).toEqual([
      `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:${SRE_GROUP}`,
      `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:${SRE_GROUP.replace(/DEFAULT$/, 'prod')}`,
    ]);
  });

  it('has AWS-shaped streams with a seeded recent history', async () => {
    const streams = await client.send(new DescribeLogStreamsCommand({ logGroupName: SRE_GROUP }));
    const names = streams.logStreams!.map((s) => s.logStreamName!);
    expect(names).toContain('otel-rt-logs');
    expect(names.filter((n) => n !== 'otel-rt-logs').every((n) => /^2026\/11\/25\/\[runtime-logs\][0-9a-f-]{36}$/.test(n))).toBe(true);
    const recent = await client.send(
      new FilterLogEventsCommand({ logGroupName: SRE_GROUP, startTime: t.clock.t - 3_600_000, filterPattern: '"POST /invocations"' }),
    );
    expect(recent.events!.length).toBeGreaterThan(5);
    expect(recent.searchedLogStreams).toEqual([]);
  });

  it('filters with text and JSON patterns and finds a live invocation', async () => {
    const rec = await failingInvocation('logs-failing-session-0000000000000000001');
    expect(rec.outcome).toBe('system_error');
    const json = await client.send(
      new FilterLogEventsCommand({ logGroupName: SRE_GROUP, filterPattern: `{ $.level = "ERROR" && $.sessionId = "${rec.sessionId}" }` }),
    );
    expect(json.events).toHaveLength(1);
    expect(JSON.parse(json.events![0]!.message!)).toMatchObject({ level: 'ERROR', message: 'Invocation failed', statusCode: 500 });
    const text = await client.send(
      new FilterLogEventsCommand({ logGroupName: SRE_GROUP, filterPattern: `ERROR "${rec.errorMessage}"`, startTime: rec.startedAt }),
    );
    expect(text.events!.length).toBeGreaterThanOrEqual(1);
    const ok = await t.invoke('sre_supervisor', 'Show pod status', { sessionId: 'logs-cold-session-000000000000000000000001' });
    expect(ok.coldStart).toBe(true);
    const cold = await client.send(
      new FilterLogEventsCommand({ logGroupName: SRE_GROUP, filterPattern: `?"Cold start" ?Uvicorn -healthcheck`, startTime: ok.startedAt }),
    );
    expect(cold.events!.length).toBeGreaterThanOrEqual(2);
    const spans = await client.send(
      new FilterLogEventsCommand({ logGroupIdentifier: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:aws/spans`, filterPattern: `"${rec.sessionId}"` }),
    );
    const parsed = spans.events!.map(
      (e) =>
        JSON.parse(e.message!) as {
          traceId: string;
          name: string;
          parentSpanId?: string;
          status: { code: string; message?: string };
          attributes: Record<string, unknown>;
          startTimeUnixNano: number;
        },
    );
    // server → invoke_agent → memory retrieve, cycles of chat and tools, cut short at the span that failed.
    expect(parsed.length).toBeGreaterThan(3);
    expect(new Set(parsed.map((s) => s.traceId))).toEqual(new Set([rec.traceId.replace(/^1-/, '').replace(/-/g, '')]));
    const failed = parsed.filter((s) => s.status.code === 'ERROR').map((s) => s.name.split(' ')[0]);
    expect(failed).toHaveLength(4);
    expect(failed).toEqual(expect.arrayContaining(['POST', 'invoke_agent', 'execute_event_loop_cycle']));
    expect(failed.some((n) => n === 'chat' || n === 'execute_tool')).toBe(true);
    expect(parsed.find((s) => !s.parentSpanId)?.status).toEqual({ code: 'ERROR', message: rec.errorMessage });
    const chats = parsed.filter((s) => s.name.startsWith('chat '));
    expect(chats.every((s) => s.attributes['gen_ai.request.model'])).toBe(true);
    expect(chats.reduce((n, s) => n + Number(s.attributes['gen_ai.usage.input_tokens']), 0)).toBe(rec.inputTokens);
    expect(spans.events![0]!.message).toMatch(/"startTimeUnixNano":\d{19},/);
  });

  it('pages FilterLogEvents and ends GetLogEvents paging on a repeated token', async () => {
    const whole = await client.send(new FilterLogEventsCommand({ logGroupName: SRE_GROUP, filterPattern: 'INFO' }));
    const paged: string[] = [];
    for await (const page of paginateFilterLogEvents({ client, pageSize: 60 }, { logGroupName: SRE_GROUP, filterPattern: 'INFO' }))
      paged.push(...page.events!.map((e) => e.eventId!));
    expect(paged).toEqual(whole.events!.map((e) => e.eventId));

    const streams = await client.send(new DescribeLogStreamsCommand({ logGroupName: SRE_GROUP, orderBy: 'LastEventTime', descending: true, limit: 1 }));
    const logStreamName = streams.logStreams![0]!.logStreamName!;
    const all = await client.send(new GetLogEventsCommand({ logGroupName: SRE_GROUP, logStreamName, startFromHead: true }));
    const forward: number[] = [];
    let pages = 0;
    for await (const page of paginateGetLogEvents(
      { client, pageSize: 10, stopOnSameToken: true },
      { logGroupName: SRE_GROUP, logStreamName, startFromHead: true },
    )) {
      forward.push(...page.events!.map((e) => e.timestamp!));
      if (++pages > 10_000) throw new Error('paginator did not stop');
    }
    expect(forward).toEqual(all.events!.map((e) => e.timestamp));
    const tail = await client.send(new GetLogEventsCommand({ logGroupName: SRE_GROUP, logStreamName, limit: 3 }));
    expect(tail.events!.map((e) => e.timestamp)).toEqual(forward.slice(-3));
    const older = await client.send(new GetLogEventsCommand({ logGroupName: SRE_GROUP, logStreamName, limit: 3, nextToken: tail.nextBackwardToken }));
    expect(older.events!.map((e) => e.timestamp)).toEqual(forward.slice(-6, -3));
  });

  it('streams StartLiveTail events through the SDK until the client aborts', async () => {
    const abort = new AbortController();
    const arn = `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:${SRE_GROUP}`;
    const res = await client.send(new StartLiveTailCommand({ logGroupIdentifiers: [arn], logEventFilterPattern: 'ERROR' }), { abortSignal: abort.signal });
    const seen: string[] = [];
    const kinds: string[] = [];
    let started = false;
    try {
      for await (const event of res.responseStream!) {
        kinds.push(...Object.keys(event));
        if (event.sessionStart) {
          started = true;
          expect(event.sessionStart.logGroupIdentifiers).toEqual([arn]);
          await failingInvocation('live-tail-session-00000000000000000000001');
        }
        if (event.sessionUpdate) {
          const results = event.sessionUpdate.sessionResults ?? [];
          for (const r of results) {
            expect(r.logGroupIdentifier).toBe(arn);
            seen.push(r.message!);
          }
          if (seen.length > 0) break;
        }
      }
    } finally {
      abort.abort();
    }
    expect(started).toBe(true);
    // The wire starts with initial-response (for botocore); the JS SDK folds it away.
    expect(kinds[0]).toBe('sessionStart');
    expect(seen.every((m) => m.includes('ERROR'))).toBe(true);
    expect(seen.some((m) => m.includes('live-tail-session'))).toBe(true);
  });

  it('rejects bad input like CloudWatch Logs', async () => {
    await expect(client.send(new FilterLogEventsCommand({ logGroupName: '/no/such/group' }))).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(client.send(new FilterLogEventsCommand({ logGroupName: SRE_GROUP, filterPattern: '{ $.level = ' }))).rejects.toBeInstanceOf(
      InvalidParameterException,
    );
    await expect(client.send(new StartLiveTailCommand({ logGroupIdentifiers: [SRE_GROUP] }))).rejects.toBeInstanceOf(InvalidParameterException);
    await expect(client.send(new GetLogEventsCommand({ logGroupName: SRE_GROUP, logStreamName: 'x', nextToken: 'garbage' }))).rejects.toThrow();
    const res = await fetch(t.endpoint, {
      method: 'POST',
      headers: {
        'x-amz-target': 'Logs_20140328.DescribeLogGroups',
        'content-type': 'application/x-amz-json-1.1',
        authorization: `AWS4-HMAC-SHA256 Credential=${t.credentials.accessKeyId}/20261125/us-east-1/logs/aws4_request, SignedHeaders=host, Signature=00`,
      },
      body: '{oops',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-errortype')).toBe('SerializationException');
  });
});
