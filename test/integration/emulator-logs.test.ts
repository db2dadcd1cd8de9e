import {
  CloudWatchLogsClient, DescribeLogGroupsCommand, DescribeLogStreamsCommand, FilterLogEventsCommand, GetLogEventsCommand, InvalidParameterException,
  ResourceNotFoundException, StartLiveTailCommand, paginateDescribeLogGroups, paginateFilterLogEvents, paginateGetLogEvents,
} from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmulatorModule, InvocationRecord } from '../../src/emulator/core/types';
import { createLogsModule } from '../../src/emulator/logs/index';
import { fakeDeps } from './helpers/fake-world';
import { serveModules, type Harness } from './helpers/module-harness';

const SRE_GROUP = '/aws/bedrock-agentcore/runtimes/sre_supervisor-Ab12Cd34Ef-DEFAULT';
const deps = fakeDeps();
let harness: Harness;
let client: CloudWatchLogsClient;
let mod: EmulatorModule;

function invocation(overrides: Partial<InvocationRecord> = {}): InvocationRecord {
  return {
    region: 'us-east-1', accountId: '123456789012', runtimeArn: 'arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/sre_supervisor-Ab12Cd34Ef', runtimeId: 'sre_supervisor-Ab12Cd34Ef', runtimeName: 'sre_supervisor', endpointName: 'DEFAULT',
    sessionId: 'console-session-0000000000000000000000001', prompt: 'Why is checkout slow?', replyText: 'Because.', startedAt: deps.now() - 3000, latencyMs: 2000, coldStart: true, outcome: 'system_error',
    errorMessage: 'RuntimeError: tool gateway unreachable', traceId: '1-6745a1b2-0123456789abcdef01234567', inputTokens: 120, outputTokens: 0, ...overrides,
  };
}

beforeAll(async () => {
  mod = createLogsModule(deps, { liveTail: { tickMs: 20, heartbeatTicks: 3 } });
  harness = await serveModules([mod]);
  client = new CloudWatchLogsClient({ endpoint: harness.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'AKIDEMULATOR0000DEMO', secretAccessKey: 'emulator-secret-key' }, maxAttempts: 1, disableHostPrefix: true });
});
afterAll(async () => {
  client.destroy();
  await harness.close();
});

describe('CloudWatch Logs via the real SDK', () => {
  it('lists one group per runtime endpoint plus aws/spans, with prefix filter and paging', async () => {
    const names: string[] = [];
    for await (const page of paginateDescribeLogGroups({ client, pageSize: 1 }, {})) names.push(...(page.logGroups ?? []).map((g) => g.logGroupName!));
    expect(names).toEqual([
      '/aws/bedrock-agentcore/runtimes/coach_companion-Zy98Xw76Vu-DEFAULT',
      SRE_GROUP,
      '/aws/bedrock-agentcore/runtimes/sre_supervisor-Ab12Cd34Ef-prod',
      'aws/spans',
    ]);
    const sre = await client.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/aws/bedrock-agentcore/runtimes/sre_' }));
    expect(sre.logGroups?.map((g) => g.logGroupArn)).toEqual([`arn:aws:logs:us-east-1:123456789012:log-group:${SRE_GROUP}`, 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/bedrock-agentcore/runtimes/sre_supervisor-Ab12Cd34Ef-prod']);
  });

  it('has AWS-shaped streams with a seeded recent history', async () => {
    const streams = await client.send(new DescribeLogStreamsCommand({ logGroupName: SRE_GROUP }));
    const names = streams.logStreams!.map((s) => s.logStreamName!);
    expect(names).toContain('otel-rt-logs');
    expect(names.filter((n) => n !== 'otel-rt-logs').every((n) => /^2026\/11\/28\/\[runtime-logs\][0-9a-f-]{36}$/.test(n))).toBe(true);
    const recent = await client.send(new FilterLogEventsCommand({ logGroupName: SRE_GROUP, startTime: deps.now() - 3_600_000, filterPattern: '"POST /invocations"' }));
    expect(recent.events!.length).toBeGreaterThan(5);
    expect(recent.searchedLogStreams).toEqual([]);
  });

  it('filters with text and JSON patterns and finds a live invocation', async () => {
    const rec = invocation();
    mod.onInvocation!(rec);
    const json = await client.send(new FilterLogEventsCommand({ logGroupName: SRE_GROUP, filterPattern: `{ $.level = "ERROR" && $.sessionId = "${rec.sessionId}" }` }));
    expect(json.events).toHaveLength(1);
    expect(JSON.parse(json.events![0]!.message!)).toMatchObject({ level: 'ERROR', errorType: 'RuntimeError' });
    const text = await client.send(new FilterLogEventsCommand({ logGroupName: SRE_GROUP, filterPattern: 'ERROR "tool gateway unreachable"', startTime: rec.startedAt }));
    expect(text.events!.length).toBeGreaterThanOrEqual(1);
    const cold = await client.send(new FilterLogEventsCommand({ logGroupName: SRE_GROUP, filterPattern: `?"Cold start" ?Uvicorn -healthcheck`, startTime: rec.startedAt }));
    expect(cold.events!.length).toBeGreaterThanOrEqual(2);
    const spans = await client.send(new FilterLogEventsCommand({ logGroupIdentifier: 'arn:aws:logs:us-east-1:123456789012:log-group:aws/spans', filterPattern: `"${rec.sessionId}"` }));
    const parsed = spans.events!.map((e) => JSON.parse(e.message!) as { traceId: string; status: { code: string }; attributes: Record<string, unknown>; startTimeUnixNano: number });
    expect(parsed.map((s) => s.traceId)).toEqual(Array(3).fill('6745a1b20123456789abcdef01234567'));
    expect(parsed.every((s) => s.status.code === 'ERROR')).toBe(true);
    expect(parsed.some((s) => s.attributes['gen_ai.usage.input_tokens'] === 120)).toBe(true);
    expect(spans.events![0]!.message).toMatch(/"startTimeUnixNano":\d{19},/);
  });

  it('pages FilterLogEvents and ends GetLogEvents paging on a repeated token', async () => {
    const whole = await client.send(new FilterLogEventsCommand({ logGroupName: SRE_GROUP, filterPattern: 'INFO' }));
    const paged: string[] = [];
    for await (const page of paginateFilterLogEvents({ client, pageSize: 60 }, { logGroupName: SRE_GROUP, filterPattern: 'INFO' })) paged.push(...page.events!.map((e) => e.eventId!));
    expect(paged).toEqual(whole.events!.map((e) => e.eventId));

    const streams = await client.send(new DescribeLogStreamsCommand({ logGroupName: SRE_GROUP, orderBy: 'LastEventTime', descending: true, limit: 1 }));
    const logStreamName = streams.logStreams![0]!.logStreamName!;
    const all = await client.send(new GetLogEventsCommand({ logGroupName: SRE_GROUP, logStreamName, startFromHead: true }));
    const forward: number[] = [];
    let pages = 0;
    for await (const page of paginateGetLogEvents({ client, pageSize: 10, stopOnSameToken: true }, { logGroupName: SRE_GROUP, logStreamName, startFromHead: true })) {
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
    const arn = `arn:aws:logs:us-east-1:123456789012:log-group:${SRE_GROUP}`;
    const res = await client.send(new StartLiveTailCommand({ logGroupIdentifiers: [arn], logEventFilterPattern: 'ERROR' }), { abortSignal: abort.signal });
    const seen: string[] = [];
    let started = false;
    let heartbeats = 0;
    try {
      for await (const event of res.responseStream!) {
        if (event.sessionStart) {
          started = true;
          expect(event.sessionStart.logGroupIdentifiers).toEqual([arn]);
          mod.onInvocation!(invocation({ sessionId: 'live-tail-session-00000000000000000000001', startedAt: deps.now() - 1000 }));
        }
        if (event.sessionUpdate) {
          const results = event.sessionUpdate.sessionResults ?? [];
          if (results.length === 0) heartbeats++;
          for (const r of results) {
            expect(r.logGroupIdentifier).toBe(arn);
            seen.push(r.message!);
          }
          if (seen.length > 0 && heartbeats > 0) break;
        }
      }
    } finally {
      abort.abort();
    }
    expect(started).toBe(true);
    expect(seen.every((m) => m.includes('ERROR'))).toBe(true);
    expect(seen.some((m) => m.includes('live-tail-session'))).toBe(true);
  });

  it('rejects bad input like CloudWatch Logs', async () => {
    await expect(client.send(new FilterLogEventsCommand({ logGroupName: '/no/such/group' }))).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(client.send(new FilterLogEventsCommand({ logGroupName: SRE_GROUP, filterPattern: '{ $.level = ' }))).rejects.toBeInstanceOf(InvalidParameterException);
    await expect(client.send(new StartLiveTailCommand({ logGroupIdentifiers: [SRE_GROUP] }))).rejects.toBeInstanceOf(InvalidParameterException);
    await expect(client.send(new GetLogEventsCommand({ logGroupName: SRE_GROUP, logStreamName: 'x', nextToken: 'garbage' }))).rejects.toThrow();
    const res = await fetch(harness.endpoint, { method: 'POST', headers: { 'x-amz-target': 'Logs_20140328.DescribeLogGroups', 'content-type': 'application/x-amz-json-1.1' }, body: '{oops' });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-errortype')).toBe('SerializationException');
  });
});
