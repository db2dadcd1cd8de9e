/** Runtime log lines name the request id the client got, and every response's Date header reads the emulator's clock (the SDKs' skew correction uses it). */
import { BedrockAgentCoreClient, InvokeAgentRuntimeCommand } from '@aws-sdk/client-bedrock-agentcore';
import { CloudWatchLogsClient, DescribeLogGroupsCommand, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EMULATOR_CREDENTIALS, startEmulator, type InvocationRecord, type RunningEmulator } from '../../src/emulator/index';
import { REGION, T0 } from './helpers/emulator';

let emu: RunningEmulator;
let logs: CloudWatchLogsClient;
let agentcore: BedrockAgentCoreClient;
let GROUP: string;
let RUNTIME_ARN: string;
const records: InvocationRecord[] = [];

beforeAll(async () => {
  emu = await startEmulator({ seed: 7, fast: true, now: () => T0 });
  emu.onInvocation((r) => records.push(r));
  const rt = emu.world.runtimes(REGION).find((r) => r.name === 'sre_supervisor')!;
  GROUP = `/aws/bedrock-agentcore/runtimes/${rt.id}-DEFAULT`;
  RUNTIME_ARN = rt.arn;
  const config = { endpoint: emu.url, region: REGION, credentials: EMULATOR_CREDENTIALS, maxAttempts: 1 };
  logs = new CloudWatchLogsClient({ ...config, disableHostPrefix: true });
  agentcore = new BedrockAgentCoreClient(config);
});
afterEach(() => {
  emu.setFaults({ rules: [] });
  records.length = 0;
});
afterAll(async () => {
  logs.destroy();
  agentcore.destroy();
  await emu.close();
});

const invoke = (sessionId: string) =>
  agentcore.send(
    new InvokeAgentRuntimeCommand({
      agentRuntimeArn: RUNTIME_ARN,
      qualifier: 'DEFAULT',
      runtimeSessionId: sessionId,
      contentType: 'application/json',
      payload: Buffer.from(JSON.stringify({ prompt: 'Why is checkout slow?' })),
    }),
  );

const appRecords = async (filterPattern: string) =>
  (await logs.send(new FilterLogEventsCommand({ logGroupName: GROUP, filterPattern }))).events!.map(
    (e) => JSON.parse(e.message!) as { requestId: string; sessionId: string; level: string },
  );

describe('request ids in runtime logs', () => {
  it("carry the InvokeAgentRuntime response's x-amzn-requestid, beside the session id", async () => {
    const sessionId = 'logs-wire-request-id-session-000000000000001';
    const out = await invoke(sessionId);
    await out.response?.transformToString();
    const requestId = out.$metadata.requestId!;
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(records.at(-1)?.requestId).toBe(requestId);
    const lines = await appRecords(`{ $.sessionId = "${sessionId}" }`);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.every((r) => r.requestId === requestId)).toBe(true);
  });

  it('carry the request id of a failed call on its ERROR record', async () => {
    emu.setFaults({ rules: [{ operation: 'InvokeAgentRuntime', errorRate: 1 }] });
    const sessionId = 'logs-wire-request-id-session-000000000000002';
    const err = (await invoke(sessionId).catch((e: unknown) => e)) as { name: string; $metadata: { requestId?: string } };
    expect(err.name).toBe('InternalServerException');
    const errors = await appRecords(`{ $.level = "ERROR" && $.sessionId = "${sessionId}" }`);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.requestId).toBe(err.$metadata.requestId);
  });

  it('keep derived ids in the seeded history', async () => {
    const history = await appRecords('{ $.requestId = * }');
    expect(history.length).toBeGreaterThan(10);
    expect(new Set(history.map((r) => r.requestId)).size).toBeGreaterThan(5);
  });
});

describe("the emulator's clock in the Date header", () => {
  const expected = new Date(T0).toUTCString();

  it('is on AWS answers, errors, event streams and the admin API', async () => {
    const sig = `AWS4-HMAC-SHA256 Credential=${EMULATOR_CREDENTIALS.accessKeyId}/20261125/${REGION}/logs/aws4_request, SignedHeaders=host, Signature=00`;
    const call = (target: string, body: unknown) =>
      fetch(emu.url, {
        method: 'POST',
        headers: { 'x-amz-target': `Logs_20140328.${target}`, 'content-type': 'application/x-amz-json-1.1', authorization: sig },
        body: JSON.stringify(body),
      });
    const ok = await call('DescribeLogGroups', {});
    expect(ok.headers.get('date')).toBe(expected);
    const missing = await call('FilterLogEvents', { logGroupName: '/no/such/group' });
    expect(missing.status).toBe(400);
    expect(missing.headers.get('date')).toBe(expected);
    expect((await fetch(`${emu.url}/_emulator/health`)).headers.get('date')).toBe(expected);
    expect((await fetch(`${emu.url}/no/such/route`, { method: 'POST' })).headers.get('date')).toBe(expected);
    const tail = await call('StartLiveTail', { logGroupIdentifiers: [`arn:aws:logs:${REGION}:${emu.world.accountId}:log-group:${GROUP}`] });
    expect(tail.headers.get('content-type')).toBe('application/vnd.amazon.eventstream');
    expect(tail.headers.get('date')).toBe(expected);
    await tail.body?.cancel();
  });

  it("moves the SDK's clock-skew offset to the emulator's clock", async () => {
    const client = new CloudWatchLogsClient({ endpoint: emu.url, region: REGION, credentials: EMULATOR_CREDENTIALS, maxAttempts: 1 });
    try {
      expect(client.config.systemClockOffset ?? 0).toBe(0);
      await client.send(new DescribeLogGroupsCommand({ limit: 1 }));
      // HTTP dates have whole seconds, so the offset is the skew to within a second (plus the call's own time).
      expect(Math.abs(client.config.systemClockOffset! - (T0 - Date.now()))).toBeLessThan(3000);
    } finally {
      client.destroy();
    }
  });
});
