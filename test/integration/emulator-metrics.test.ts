import { CloudWatchClient, GetMetricDataCommand, paginateGetMetricData, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGION, startTestEmulator, type TestEmulator } from './helpers/emulator';

let t: TestEmulator;
let client: CloudWatchClient;
let RT_ARN: string;
let dims: Array<{ Name: string; Value: string }>;
const deps = { now: () => t.clock.t };

const q = (Id: string, MetricName: string, Stat: string, Period = 3600, Dimensions?: Array<{ Name: string; Value: string }>): MetricDataQuery => ({
  Id,
  MetricStat: { Metric: { Namespace: 'AWS/Bedrock-AgentCore', MetricName, Dimensions: Dimensions ?? dims }, Period, Stat },
});
const day = () => ({ StartTime: new Date(deps.now() - 86_400_000), EndTime: new Date(deps.now()) });
const byId = (results: Array<{ Id?: string; Timestamps?: Date[]; Values?: number[] }> | undefined) =>
  Object.fromEntries((results ?? []).map((r) => [r.Id!, new Map(r.Timestamps!.map((t, i) => [t.getTime(), r.Values![i]!]))]));

beforeAll(async () => {
  t = await startTestEmulator();
  RT_ARN = t.runtime('sre_supervisor').arn;
  dims = [
    { Name: 'Service', Value: 'AgentCore.Runtime' },
    { Name: 'Resource', Value: RT_ARN },
    { Name: 'Name', Value: 'sre_supervisor::DEFAULT' },
  ];
  client = new CloudWatchClient({ endpoint: t.endpoint, region: REGION, credentials: t.credentials, maxAttempts: 1 });
});
afterAll(async () => {
  client.destroy();
  await t.close();
});

describe('GetMetricData via the real SDK', () => {
  it('returns a coherent, deterministic day of runtime metrics, newest first', async () => {
    const input = {
      ...day(),
      MetricDataQueries: [
        q('inv', 'Invocations', 'Sum'),
        q('sys', 'SystemErrors', 'Sum'),
        q('usr', 'UserErrors', 'Sum'),
        q('tot', 'TotalErrors', 'Sum'),
        q('thr', 'Throttles', 'Sum'),
      ],
    };
    const out = await client.send(new GetMetricDataCommand(input));
    const again = await client.send(new GetMetricDataCommand(input));
    expect(again.MetricDataResults).toEqual(out.MetricDataResults);
    const inv = out.MetricDataResults![0]!;
    expect(inv.StatusCode).toBe('Complete');
    expect(inv.Label).toBe('Invocations');
    expect(inv.Timestamps!.length).toBeGreaterThanOrEqual(20);
    const stamps = inv.Timestamps!.map((t) => t.getTime());
    expect(stamps).toEqual([...stamps].sort((a, b) => b - a));
    expect(stamps.every((t) => t % 3_600_000 === 0)).toBe(true);
    const r = byId(out.MetricDataResults);
    for (const [t, n] of r.inv!) {
      expect(Number.isInteger(n)).toBe(true);
      expect(r.tot!.get(t)).toBe(r.sys!.get(t)! + r.usr!.get(t)!);
      expect(r.tot!.get(t)! + r.thr!.get(t)!).toBeLessThanOrEqual(n);
    }
  });

  it('computes latency percentiles and metric math', async () => {
    const out = await client.send(
      new GetMetricDataCommand({
        ...day(),
        ScanBy: 'TimestampAscending',
        MetricDataQueries: [
          q('p50', 'Latency', 'p50'),
          q('p90', 'Latency', 'p90'),
          q('p99', 'Latency', 'p99'),
          q('mx', 'Latency', 'Maximum'),
          q('avg', 'Latency', 'Average'),
          { ...q('inv', 'Invocations', 'Sum'), ReturnData: false },
          { ...q('err', 'TotalErrors', 'Sum'), ReturnData: false },
          { Id: 'rate', Expression: '100 * err / inv', Label: 'Error rate (%)' },
          { Id: 'odd', Expression: 'ANOMALY_DETECTION_BAND(inv)' },
        ],
      }),
    );
    const ids = out.MetricDataResults!.map((x) => x.Id);
    expect(ids).toEqual(['p50', 'p90', 'p99', 'mx', 'avg', 'rate', 'odd']);
    const r = byId(out.MetricDataResults);
    const stamps = [...r.p50!.keys()];
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
    for (const t of stamps) {
      expect(r.p50!.get(t)!).toBeLessThanOrEqual(r.p90!.get(t)!);
      expect(r.p90!.get(t)!).toBeLessThanOrEqual(r.p99!.get(t)!);
      expect(r.p99!.get(t)!).toBeLessThanOrEqual(r.mx!.get(t)!);
    }
    expect([...r.rate!.values()].every((v) => v >= 0 && v <= 100)).toBe(true);
    expect(out.MetricDataResults!.find((x) => x.Id === 'rate')!.Label).toBe('Error rate (%)');
    const odd = out.MetricDataResults!.find((x) => x.Id === 'odd')!;
    expect(odd.StatusCode).toBe('InternalError');
    expect(odd.Messages?.[0]?.Value).toMatch(/not supported/);
  });

  it('counts real invocations and rolls runtimes up to the service', async () => {
    const minute = Math.floor(deps.now() / 60_000) * 60_000;
    const input = {
      StartTime: new Date(minute),
      EndTime: new Date(minute + 60_000),
      MetricDataQueries: [q('inv', 'Invocations', 'Sum', 60), q('lat', 'Latency', 'SampleCount', 60), q('ses', 'SessionCount', 'Sum', 60)],
    };
    const before = byId((await client.send(new GetMetricDataCommand(input))).MetricDataResults);
    const record = await t.invoke('sre_supervisor', 'How many pods are pending?');
    expect(Math.floor(record.startedAt / 60_000) * 60_000).toBe(minute);
    const after = byId((await client.send(new GetMetricDataCommand(input))).MetricDataResults);
    expect(after.inv!.get(minute)).toBe((before.inv!.get(minute) ?? 0) + 1);
    expect(after.lat!.get(minute)).toBe((before.lat!.get(minute) ?? 0) + 1);
    expect(after.ses!.get(minute)).toBe((before.ses!.get(minute) ?? 0) + 1);

    const rollup = await client.send(
      new GetMetricDataCommand({
        ...day(),
        MetricDataQueries: [
          q('one', 'Invocations', 'Sum', 86_400),
          q('all', 'Invocations', 'Sum', 86_400, [{ Name: 'Service', Value: 'AgentCore.Runtime' }]),
          q('rt', 'Invocations', 'Sum', 86_400, dims.slice(0, 2)),
        ],
      }),
    );
    const sum = (id: string) => rollup.MetricDataResults!.find((x) => x.Id === id)!.Values!.reduce((a, b) => a + b, 0);
    expect(sum('all')).toBeGreaterThan(sum('rt'));
    expect(sum('rt')).toBeGreaterThan(sum('one'));
  });

  it('serves gateway and memory metrics and nothing for unknown metrics', async () => {
    const gw = t.emu.world.gateways(REGION).find((g) => g.status === 'READY')!;
    const memArn = t.memory('sre_agent_memory').arn;
    const out = await client.send(
      new GetMetricDataCommand({
        ...day(),
        MetricDataQueries: [
          q('gw', 'Invocations', 'Sum', 3600, [{ Name: 'Resource', Value: gw.arn }]),
          q('gwcall', 'TargetExecutionTime', 'p90', 3600, [
            { Name: 'Operation', Value: 'InvokeGateway' },
            { Name: 'Protocol', Value: 'MCP' },
            { Name: 'Method', Value: 'tools/call' },
            { Name: 'Resource', Value: gw.arn },
            { Name: 'Name', Value: gw.name },
          ]),
          q('mem', 'Invocations', 'Sum', 3600, [
            { Name: 'Operation', Value: 'CreateEvent' },
            { Name: 'Resource', Value: memArn },
          ]),
          q('nope', 'Invocations', 'Sum', 3600, [{ Name: 'Resource', Value: RT_ARN }]),
        ],
      }),
    );
    const r = byId(out.MetricDataResults);
    expect(r.gw!.size).toBeGreaterThan(0);
    expect(r.gwcall!.size).toBeGreaterThan(0);
    expect(r.mem!.size).toBeGreaterThan(0);
    expect(r.nope!.size).toBe(0);
  });

  it('pages with MaxDatapoints and NextToken', async () => {
    const input = {
      StartTime: new Date(deps.now() - 3 * 3_600_000),
      EndTime: new Date(deps.now()),
      MaxDatapoints: 50,
      MetricDataQueries: [q('a', 'Invocations', 'Sum', 60), q('b', 'Latency', 'Average', 60)],
    };
    const whole = await client.send(new GetMetricDataCommand({ ...input, MaxDatapoints: undefined }));
    const got: Record<string, number[]> = { a: [], b: [] };
    let pages = 0;
    for await (const page of paginateGetMetricData({ client }, input)) {
      pages++;
      for (const res of page.MetricDataResults!) got[res.Id!]!.push(...res.Values!);
    }
    expect(pages).toBeGreaterThan(2);
    expect(got.a).toEqual(whole.MetricDataResults![0]!.Values);
    expect(got.b).toEqual(whole.MetricDataResults![1]!.Values);
  });

  it('rejects invalid requests', async () => {
    await expect(client.send(new GetMetricDataCommand({ ...day(), MetricDataQueries: [q('a', 'Invocations', 'Sum', 61)] }))).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
    });
    await expect(client.send(new GetMetricDataCommand({ ...day(), MetricDataQueries: [q('A', 'Invocations', 'Sum')] }))).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
    });
    await expect(client.send(new GetMetricDataCommand({ ...day(), MetricDataQueries: [q('a', 'Invocations', 'avg')] }))).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
    });
    const res = await fetch(t.endpoint, {
      method: 'POST',
      headers: {
        'x-amz-target': 'GraniteServiceVersion20100801.GetMetricData',
        authorization: `AWS4-HMAC-SHA256 Credential=${t.credentials.accessKeyId}/20261125/us-east-1/monitoring/aws4_request, SignedHeaders=host, Signature=00`,
      },
      body: '{',
    });
    expect(res.status).toBe(400);
  });
});
