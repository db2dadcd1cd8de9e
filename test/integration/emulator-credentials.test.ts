/** Which SigV4 credentials the emulator accepts, through the real SDK: any well-formed key by default, only known keys under strict. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListAgentRuntimesCommand } from '@aws-sdk/client-bedrock-agentcore-control';
import { CloudWatchLogsClient, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { InvokeAgentRuntimeCommand } from '@aws-sdk/client-bedrock-agentcore';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index';
import { controlClient, dataClient, fakeSigV4, payload, readBody, SESSION } from './helpers/emulator-clients';

const TEST_KEYS = { accessKeyId: 'test', secretAccessKey: 'test' };

const errorOf = (p: Promise<unknown>): Promise<Error & { $metadata?: { httpStatusCode?: number } }> =>
  p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e as Error,
  );

describe('default credentials: any well-formed key', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ fast: true });
  });
  afterAll(() => emu.close());

  it('AWS_ACCESS_KEY_ID=test-style keys list the fleet', async () => {
    const out = await controlClient(emu, { credentials: TEST_KEYS }).send(new ListAgentRuntimesCommand({}));
    expect(out.agentRuntimes?.length).toBeGreaterThan(0);
  });

  it('the same keys work for CloudWatch Logs, whose scope names another service', async () => {
    const logs = new CloudWatchLogsClient({ endpoint: emu.url, region: 'us-east-1', credentials: TEST_KEYS, maxAttempts: 1 });
    const out = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/aws/bedrock-agentcore/' }));
    expect(out.logGroups?.length).toBeGreaterThan(0);
  });

  it('a request with no Authorization header → 403 MissingAuthenticationTokenException', async () => {
    const res = await fetch(`${emu.url}/runtimes/`, { method: 'POST' });
    expect(res.status).toBe(403);
    expect(res.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
  });

  it('a scope for another service or a nonsense region is refused', async () => {
    const wrongService = fakeSigV4().replace('/bedrock-agentcore/', '/logs/');
    const res = await fetch(`${emu.url}/runtimes/`, { method: 'POST', headers: { authorization: wrongService } });
    expect(res.status).toBe(403);
    expect(res.headers.get('x-amzn-errortype')).toBe('InvalidSignatureException');
    expect(((await res.json()) as { message: string }).message).toMatch(/scoped to correct service: 'bedrock-agentcore'/);
    const badRegion = await fetch(`${emu.url}/runtimes/`, { method: 'POST', headers: { authorization: fakeSigV4('local') } });
    expect(badRegion.status).toBe(403);
    expect(((await badRegion.json()) as { message: string }).message).toMatch(/valid region/);
  });

  it('issued SSO keys that expired still fail with ExpiredTokenException', async () => {
    const { accessKeyId, secretAccessKey, sessionToken } = emu.issueCredentials(-1);
    const err = await errorOf(controlClient(emu, { credentials: { accessKeyId, secretAccessKey, sessionToken } }).send(new ListAgentRuntimesCommand({})));
    expect(err.name).toBe('ExpiredTokenException');
    expect(err.$metadata?.httpStatusCode).toBe(403);
  });

  it('the expired-credentials fault still fails any key', async () => {
    emu.setFaults({ expiredCredentials: true, rules: [] });
    try {
      const err = await errorOf(controlClient(emu, { credentials: TEST_KEYS }).send(new ListAgentRuntimesCommand({})));
      expect(err.name).toBe('ExpiredTokenException');
    } finally {
      emu.reset();
    }
  });
});

describe('strictCredentials: only the demo key and issued keys', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ fast: true, strictCredentials: true });
  });
  afterAll(() => emu.close());

  it('refuses test-style keys with UnrecognizedClientException (403)', async () => {
    const err = await errorOf(controlClient(emu, { credentials: TEST_KEYS }).send(new ListAgentRuntimesCommand({})));
    expect(err.name).toBe('UnrecognizedClientException');
    expect(err.message).toBe('The security token included in the request is invalid.');
    expect(err.$metadata?.httpStatusCode).toBe(403);
  });

  it('accepts the demo key and live issued keys', async () => {
    expect((await controlClient(emu).send(new ListAgentRuntimesCommand({}))).agentRuntimes?.length).toBeGreaterThan(0);
    const { accessKeyId, secretAccessKey, sessionToken } = emu.issueCredentials(60_000);
    const out = await controlClient(emu, { credentials: { accessKeyId, secretAccessKey, sessionToken } }).send(new ListAgentRuntimesCommand({}));
    expect(out.agentRuntimes?.length).toBeGreaterThan(0);
  });

  it("checks the signature against the key's secret: a wrong secret is InvalidSignatureException", async () => {
    const err = await errorOf(
      controlClient(emu, { credentials: { accessKeyId: emu.credentials.accessKeyId, secretAccessKey: 'not-the-secret' } }).send(
        new ListAgentRuntimesCommand({}),
      ),
    );
    expect(err.name).toBe('InvalidSignatureException');
    expect(err.$metadata?.httpStatusCode).toBe(403);
    const forged = await fetch(`${emu.url}/runtimes/`, { method: 'POST', headers: { authorization: fakeSigV4(), 'x-amz-date': '20260101T000000Z' } });
    expect(forged.status).toBe(403);
    expect(forged.headers.get('x-amzn-errortype')).toBe('InvalidSignatureException');
  });

  it('real SDK signatures verify on every protocol: encoded path labels, query, body, awsJson', async () => {
    const coach = emu.world.runtimes('us-east-1').find((r) => r.name === 'coach_companion')!.arn;
    const out = await dataClient(emu).send(
      new InvokeAgentRuntimeCommand({ agentRuntimeArn: coach, qualifier: 'DEFAULT', payload: payload({ prompt: 'Plan my week' }), runtimeSessionId: SESSION }),
    );
    expect((await readBody(out)).length).toBeGreaterThan(0);
    const logs = new CloudWatchLogsClient({ endpoint: emu.url, region: 'us-east-1', credentials: emu.credentials, maxAttempts: 1 });
    expect((await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/aws/' }))).logGroups?.length).toBeGreaterThan(0);
  });
});
