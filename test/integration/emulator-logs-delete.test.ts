/** DeleteLogGroup through the real SDK: the group goes from every read, stays gone, ends live tails on it, and comes back when written to. */
import {
  CloudWatchLogsClient,
  DeleteLogGroupCommand,
  DescribeLogGroupsCommand,
  FilterLogEventsCommand,
  GetLogEventsCommand,
  ResourceNotFoundException,
  SessionStreamingException,
  StartLiveTailCommand,
  type StartLiveTailResponseStream,
} from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { REGION, startTestEmulator, type TestEmulator } from './helpers/emulator';

let t: TestEmulator;
let client: CloudWatchLogsClient;
let GROUP: string;
let PROD_GROUP: string;
const arnOf = (name: string) => `arn:aws:logs:${REGION}:${t.runtime('sre_supervisor').accountId}:log-group:${name}`;

beforeAll(async () => {
  t = await startTestEmulator();
  const rt = t.runtime('sre_supervisor');
  GROUP = `/aws/bedrock-agentcore/runtimes/${rt.id}-DEFAULT`;
  PROD_GROUP = `/aws/bedrock-agentcore/runtimes/${rt.id}-prod`;
  client = new CloudWatchLogsClient({ endpoint: t.endpoint, region: REGION, credentials: t.credentials, maxAttempts: 1, disableHostPrefix: true });
});
afterEach(() => t.emu.reset());
afterAll(async () => {
  client.destroy();
  await t.close();
});

async function groupNames(): Promise<string[]> {
  const out = await client.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/aws/bedrock-agentcore/runtimes/sre_supervisor' }));
  return (out.logGroups ?? []).map((g) => g.logGroupName!);
}

describe('DeleteLogGroup', () => {
  it('removes the group from DescribeLogGroups and every read, and it stays gone', async () => {
    expect(await groupNames()).toEqual([GROUP, PROD_GROUP]);
    const out = await client.send(new DeleteLogGroupCommand({ logGroupName: GROUP }));
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(await groupNames()).toEqual([PROD_GROUP]);
    // Asking again (which walks the world's runtimes) must not bring it back.
    expect(await groupNames()).toEqual([PROD_GROUP]);
    await expect(client.send(new FilterLogEventsCommand({ logGroupName: GROUP }))).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(client.send(new FilterLogEventsCommand({ logGroupIdentifier: arnOf(GROUP) }))).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(client.send(new GetLogEventsCommand({ logGroupName: GROUP, logStreamName: 'otel-rt-logs' }))).rejects.toBeInstanceOf(
      ResourceNotFoundException,
    );
    await expect(client.send(new StartLiveTailCommand({ logGroupIdentifiers: [arnOf(GROUP)] }))).rejects.toBeInstanceOf(ResourceNotFoundException);
    const again = await client.send(new DeleteLogGroupCommand({ logGroupName: GROUP })).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(ResourceNotFoundException);
    expect((again as ResourceNotFoundException).$metadata.httpStatusCode).toBe(400);
    expect((again as Error).message).toBe('The specified log group does not exist.');
  });

  it('accepts a logGroupIdentifier (ARN) on the wire, and answers {}', async () => {
    const res = await fetch(t.endpoint, {
      method: 'POST',
      headers: {
        'x-amz-target': 'Logs_20140328.DeleteLogGroup',
        'content-type': 'application/x-amz-json-1.1',
        authorization: `AWS4-HMAC-SHA256 Credential=${t.credentials.accessKeyId}/20261125/${REGION}/logs/aws4_request, SignedHeaders=host, Signature=00`,
      },
      body: JSON.stringify({ logGroupIdentifier: `${arnOf(PROD_GROUP)}:*` }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({});
    expect(await groupNames()).toEqual([GROUP]);
  });

  it('comes back empty when a real invocation writes lines (a throttled one writes none)', async () => {
    await client.send(new DeleteLogGroupCommand({ logGroupName: GROUP }));
    t.emu.setFaults({ rules: [{ operation: 'InvokeAgentRuntime', throttleRate: 1 }] });
    const throttled = await t.invoke('sre_supervisor', 'Is checkout healthy?');
    expect(throttled.outcome).toBe('throttled');
    expect(await groupNames()).toEqual([PROD_GROUP]);
    t.emu.setFaults({ rules: [] });

    const rec = await t.invoke('sre_supervisor', 'Is checkout healthy?', { sessionId: 'logs-delete-revive-session-0000000000000001' });
    expect(rec.outcome).toBe('ok');
    const groups = await client.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: GROUP }));
    expect(groups.logGroups?.map((g) => g.logGroupName)).toEqual([GROUP]);
    expect(groups.logGroups![0]!.creationTime).toBe(t.clock.t);
    // No synthetic backfill in a recreated group: every line is this invocation's.
    const events = (await client.send(new FilterLogEventsCommand({ logGroupName: GROUP }))).events!;
    expect(events.length).toBeGreaterThan(2);
    expect(events.every((e) => e.timestamp! >= rec.startedAt)).toBe(true);
    expect(events.some((e) => e.message!.includes(rec.sessionId))).toBe(true);
  });

  it('admin reset brings a deleted group back with its seeded history', async () => {
    await client.send(new DeleteLogGroupCommand({ logGroupName: GROUP }));
    t.emu.reset();
    expect(await groupNames()).toEqual([GROUP, PROD_GROUP]);
    const history = await client.send(new FilterLogEventsCommand({ logGroupName: GROUP, startTime: t.clock.t - 3_600_000 }));
    expect(history.events!.length).toBeGreaterThan(5);
  });

  it('ends a live tail on the group with SessionStreamingException naming it, after the lines already sent', async () => {
    const abort = new AbortController();
    const res = await client.send(new StartLiveTailCommand({ logGroupIdentifiers: [arnOf(GROUP), arnOf(PROD_GROUP)] }), { abortSignal: abort.signal });
    const seen: string[] = [];
    let failure: unknown;
    let afterFailure = false;
    try {
      const events: AsyncIterable<StartLiveTailResponseStream> = res.responseStream!;
      for await (const event of events) {
        if (failure) afterFailure = true;
        if (event.sessionStart) {
          t.emu.appendLog({ runtimeName: 'sre_supervisor', message: 'last words before the delete' });
          await client.send(new DeleteLogGroupCommand({ logGroupName: GROUP }));
        }
        for (const r of event.sessionUpdate?.sessionResults ?? []) seen.push(r.message!);
      }
    } catch (err) {
      failure = err;
    } finally {
      abort.abort();
    }
    expect(afterFailure).toBe(false);
    expect(seen).toEqual(['last words before the delete']);
    expect(failure).toBeInstanceOf(SessionStreamingException);
    expect((failure as Error).message).toBe(`The log group ${GROUP} was deleted. The Live Tail session has ended.`);
  });

  it('leaves live tails on other groups running', async () => {
    const abort = new AbortController();
    const res = await client.send(new StartLiveTailCommand({ logGroupIdentifiers: [arnOf(PROD_GROUP)] }), { abortSignal: abort.signal });
    const seen: string[] = [];
    try {
      for await (const event of res.responseStream!) {
        if (event.sessionStart) {
          await client.send(new DeleteLogGroupCommand({ logGroupName: GROUP }));
          t.emu.appendLog({ runtimeName: 'sre_supervisor', endpoint: 'prod', message: 'still tailing prod' });
        }
        for (const r of event.sessionUpdate?.sessionResults ?? []) seen.push(r.message!);
        if (seen.length > 0) break;
      }
    } finally {
      abort.abort();
    }
    expect(seen).toEqual(['still tailing prod']);
  });
});
