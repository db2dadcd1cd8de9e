/**
 * Metrics and cost through the metrics module and the real CloudWatch client
 * against the emulator: an agent's series, tiles and cost; real invocations
 * and the console's own latencies counted in; the demo's failing and slow
 * agents breaching their SLOs; the fleet worst first; memory and gateway
 * figures; and every bad input — no datapoints, PartialData paging,
 * throttling, malformed prices, ranges in the future or too long ago.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { InvokeAgentRuntimeCommand } from '@aws-sdk/client-bedrock-agentcore';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ChatStore } from '../../src/main/services/chat/chat-store';
import { ApiError } from '../../src/shared/errors';
import type { AgentMetrics, Series } from '../../src/shared/metrics';
import { OWNER } from './helpers/caller';
import { dataClient, readBody } from './helpers/emulator-clients';
import { startMetricsModuleRig, type MetricsModuleRig } from './helpers/metrics-module-rig';

let rig: MetricsModuleRig;
const REGION = 'us-east-1';

beforeAll(async () => {
  rig = await startMetricsModuleRig({ fast: true });
}, 30_000);
afterAll(() => rig?.close());
afterEach(() => rig.emu.setFaults({ rules: [] }));

const runtimeOf = (name: string) => rig.emu.world.runtimes(REGION).find((r) => r.name === name)!;
const seriesOf = (m: AgentMetrics, id: string): Series => m.series.find((s) => s.id === id)!;
const tileOf = (m: { tiles: Array<{ id: string; now: number | null; previous: number | null }> }, id: string) => m.tiles.find((t) => t.id === id)!;
const values = (s: Series) => s.points.flatMap(([, v]) => (v === null ? [] : [v]));

describe('metrics.agent', () => {
  it('charts an endpoint over a day in one GetMetricData call, with tiles, cost formulas and notices', async () => {
    const m = await rig.call('metrics.agent', { agentKey: rig.agentKey('sre_supervisor'), endpoint: 'prod', range: { preset: '24h' } });
    expect(m.calls).toBe(1);
    expect(m.periodSeconds).toBe(60);
    const inv = seriesOf(m, 'invocations');
    expect(inv.points.length).toBeGreaterThanOrEqual(1440);
    expect(inv.points.length).toBeLessThanOrEqual(1441);
    expect(values(inv).reduce((a, b) => a + b, 0)).toBeGreaterThan(100);
    for (const id of ['errors.system', 'errors.user', 'errors.total', 'throttles', 'sessions', 'latency.p50', 'latency.p90', 'latency.p99', 'errorRate'])
      expect(seriesOf(m, id).source).toBe('cloudwatch');
    expect(seriesOf(m, 'console.ttfb').source).toBe('console');
    // Errors never exceed invocations, p50 ≤ p90 ≤ p99 per period.
    seriesOf(m, 'errors.total').points.forEach(([, v], i) => expect(v ?? 0).toBeLessThanOrEqual(inv.points[i]![1] ?? 0));
    const p50 = seriesOf(m, 'latency.p50').points;
    const p99 = seriesOf(m, 'latency.p99').points;
    p50.forEach(([, v], i) => v !== null && expect(v).toBeLessThanOrEqual(p99[i]![1]!));
    // Tiles: the window's invocations equal the series' sum; the previous day is there too.
    expect(tileOf(m, 'invocations').now).toBe(values(inv).reduce((a, b) => a + b, 0));
    expect(tileOf(m, 'invocations').previous).toBeGreaterThan(0);
    // Cost: CPU Sum × the price table's figure, spelled out.
    const cpu = m.cost.lines.find((l) => l.id === 'runtime.cpu')!;
    expect(cpu.usd).toBeCloseTo(cpu.inputs[0]!.value * 0.0895, 12);
    expect(cpu.formula).toMatch(/vCPU-hours × \$0\.0895 per vCPU-hour/);
    expect(m.cost.totalUsd).toBeCloseTo(
      m.cost.lines.reduce((a, l) => a + l.usd, 0),
      12,
    );
    expect(m.cost.notIncluded.some((n) => n.startsWith('Model cost not included'))).toBe(true);
    expect(m.notices.map((n) => n.code)).toContain('lagging');
  });

  it('agrees with a direct GetMetricData for CPU', async () => {
    const m = await rig.call('metrics.agent', { agentKey: rig.agentKey('sre_supervisor'), endpoint: 'prod', range: { preset: '6h' } });
    const rt = runtimeOf('sre_supervisor');
    const direct = await rig.clients.metricsClient('demo', REGION).send(
      new GetMetricDataCommand({
        StartTime: new Date(m.startTime),
        EndTime: new Date(m.endTime),
        MetricDataQueries: [
          {
            Id: 'cpu',
            MetricStat: {
              Metric: {
                Namespace: 'AWS/Bedrock-AgentCore',
                MetricName: 'CPUUsed-vCPUHours',
                Dimensions: [
                  { Name: 'Service', Value: 'AgentCore.Runtime' },
                  { Name: 'Resource', Value: rt.arn },
                  { Name: 'Name', Value: 'sre_supervisor::prod' },
                ],
              },
              Period: (m.endTime - m.startTime) / 1000,
              Stat: 'Sum',
            },
          },
        ],
      }),
    );
    expect(m.cost.lines.find((l) => l.id === 'runtime.cpu')!.inputs[0]!.value).toBeCloseTo(direct.MetricDataResults![0]!.Values![0]!, 9);
  });

  it('counts real invocations and the console’s own latencies', async () => {
    const key = rig.agentKey('release_notes_writer');
    const before = await rig.call('metrics.agent', { agentKey: key, range: { preset: '1h' } });
    const rt = runtimeOf('release_notes_writer');
    const out = await dataClient(rig.emu).send(
      new InvokeAgentRuntimeCommand({
        agentRuntimeArn: rt.arn,
        runtimeSessionId: `metrics-${randomUUID()}`,
        payload: new TextEncoder().encode('{"prompt":"notes"}'),
      }),
    );
    await readBody(out);
    const chat = new ChatStore(rig.db);
    const session = chat.createSession({
      id: randomUUID(),
      agentKey: key,
      agentName: rt.name,
      qualifier: 'DEFAULT',
      runtimeSessionId: randomUUID(),
      title: 't',
      createdAt: Date.now(),
    });
    chat.addMessage({
      sessionId: session.id,
      role: 'assistant',
      text: 'ok',
      state: 'complete',
      createdAt: Date.now(),
      meta: { metrics: { ttfbMs: 420, totalMs: 1900, bytes: 10, chunks: 1, coldStart: true } },
    });
    const after = await rig.call('metrics.agent', { agentKey: key, range: { preset: '1h' } });
    expect(tileOf(after, 'invocations').now).toBe((tileOf(before, 'invocations').now ?? 0) + 1);
    expect(values(seriesOf(after, 'console.ttfb'))).toContain(420);
    expect(values(seriesOf(after, 'console.total'))).toContain(1900);
    expect(tileOf(after, 'coldStarts').now).toBe(1);
  });

  it('shows the failing agent failing and the slow one breaching p99 > 10 s, recorded for the war room', async () => {
    const failing = await rig.call('metrics.agent', { agentKey: rig.agentKey('incident_summarizer'), range: { preset: '24h' } });
    expect(tileOf(failing, 'errorRate').now).toBeGreaterThan(50);
    expect(failing.breaches.some((b) => b.kind === 'errorRate' && b.threshold === 5)).toBe(true);

    const slowKey = rig.agentKey('strands_research_agent');
    const slow = await rig.call('metrics.agent', { agentKey: slowKey, range: { preset: '24h' } });
    expect(tileOf(slow, 'p99').now).toBeGreaterThan(10_000);
    expect(slow.slo).toEqual({ errorRatePct: 5, p99Ms: 10_000 });
    const p99 = slow.breaches.filter((b) => b.kind === 'p99');
    expect(p99.length).toBeGreaterThan(0);
    expect(p99.every((b) => b.worst > 10_000 && (b.endedAt === undefined || b.endedAt > b.startedAt))).toBe(true);
    // Seen again (another range over the same day) the breaches are not recorded twice.
    const stored = await rig.call('metrics.breaches', { agentKey: slowKey });
    await rig.call('metrics.agent', { agentKey: slowKey, range: { preset: '6h' } });
    expect((await rig.call('metrics.breaches', { agentKey: slowKey })).length).toBe(stored.length);
    expect((await rig.call('metrics.breaches', {})).some((b) => b.agentKey === slowKey)).toBe(true);

    // A looser SLO is kept, and null restores the defaults.
    expect(await rig.call('metrics.slo.set', { agentKey: slowKey, slo: { errorRatePct: 10, p99Ms: 60_000 } })).toEqual({ errorRatePct: 10, p99Ms: 60_000 });
    expect((await rig.call('metrics.agent', { agentKey: slowKey, range: { preset: '1h' } })).slo.p99Ms).toBe(60_000);
    expect(await rig.call('metrics.slo.set', { agentKey: slowKey, slo: null })).toEqual({ errorRatePct: 5, p99Ms: 10_000 });
  });

  it('says why there are no datapoints', async () => {
    const failed = await rig.call('metrics.agent', { agentKey: rig.agentKey('cost_optimizer_agent'), range: { preset: '1h' } });
    const notice = failed.notices.find((n) => n.code === 'no_data')!;
    expect(notice.message).toMatch(/no AgentCore metrics for cost_optimizer_agent::DEFAULT in us-east-1/);
    expect(notice.message).toMatch(/UPDATE_FAILED/);
    expect(notice.message).toMatch(/another region/);
    expect(tileOf(failed, 'invocations').now).toBeNull();
    const wrongEndpoint = await rig.call('metrics.agent', { agentKey: rig.agentKey('sre_supervisor'), endpoint: 'nope', range: { preset: '1h' } });
    expect(wrongEndpoint.notices.find((n) => n.code === 'no_data')!.message).toMatch(/has no endpoint nope/);
  });

  it('refuses a range in the future and cuts one older than CloudWatch keeps', async () => {
    const now = Date.now();
    const future = rig.call('metrics.agent', { agentKey: rig.agentKey('sre_supervisor'), range: { startTime: now + 3_600_000, endTime: now + 7_200_000 } });
    await expect(future).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/from the future/) });
    const old = await rig.call('metrics.agent', {
      agentKey: rig.agentKey('sre_supervisor'),
      range: { startTime: now - 600 * 86_400_000, endTime: now - 440 * 86_400_000 },
    });
    expect(old.notices.find((n) => n.code === 'range_clamped')!.message).toMatch(/455 days/);
    expect(old.periodSeconds % 3600).toBe(0);
    await expect(rig.call('metrics.agent', { agentKey: rig.agentKey('sre_supervisor'), range: { startTime: 0, endTime: 1000 } })).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });

  it('backs off when CloudWatch throttles, then says so clearly', async () => {
    rig.emu.setFaults({ rules: [{ operation: 'GetMetricData', throttleRate: 1 }] });
    const error = await rig.call('metrics.agent', { agentKey: rig.agentKey('sre_supervisor'), range: { preset: '1h' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'aws_error',
      message: expect.stringMatching(/GetMetricData is throttled \(ThrottlingException\), still after 2 retries/),
    });
    rig.emu.setFaults({ seed: 3, rules: [{ operation: 'GetMetricData', throttleRate: 0.5 }] });
    let m: AgentMetrics | undefined;
    for (let i = 0; i < 10 && !m?.notices.some((n) => n.code === 'throttled'); i++)
      m = await rig.call('metrics.agent', { agentKey: rig.agentKey('sre_supervisor'), range: { preset: '1h' } }).catch(() => undefined);
    expect(m?.notices.find((n) => n.code === 'throttled')?.message).toMatch(/backed off and retried/);
    expect(m!.calls).toBeGreaterThan(1);
  });
});

describe('metrics.fleet and metrics.resource', () => {
  it('ranks the fleet worst first with tiles, a batched call count and a month-end projection', async () => {
    const f = await rig.call('metrics.fleet', { range: { preset: '24h' } });
    expect(f.calls).toBe(2); // one cell: the window's figures, then the month so far
    expect(f.rows.length).toBe(rig.emu.world.runtimes(REGION).length);
    const firstHealthy = f.rows.findIndex((r) => !r.breached);
    expect(f.rows.slice(0, firstHealthy).every((r) => r.breached)).toBe(true);
    expect(f.rows.slice(firstHealthy).every((r) => !r.breached)).toBe(true);
    expect(f.rows[0]!.breached).toBe(true);
    const names = f.rows.filter((r) => r.breached).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['incident_summarizer', 'strands_research_agent']));
    const rates = f.rows.slice(firstHealthy).map((r) => r.errorRatePct ?? -1);
    expect([...rates].sort((a, b) => b - a)).toEqual(rates);
    expect(tileOf(f, 'invocations').now).toBe(f.rows.reduce((a, r) => a + (r.invocations ?? 0), 0));
    expect(f.monthEnd?.formula).toMatch(/extrapolated linearly/);
    expect(f.monthEnd!.usd).toBeGreaterThan(0);
    expect(f.cost.totalUsd).toBeCloseTo(
      f.rows.reduce((a, r) => a + (r.costUsd ?? 0), 0),
      9,
    );
  });

  it('charts a memory and a gateway with what their metrics can price', async () => {
    const mem = rig.emu.world.memories(REGION).find((m) => m.name === 'sre_agent_memory')!;
    const m = await rig.call('metrics.resource', { key: `demo|${REGION}|memory|${mem.id}`, range: { preset: '24h' } });
    expect(m.kind).toBe('memory');
    expect(values(m.series.find((s) => s.id === 'invocations')!).length).toBeGreaterThan(0);
    expect(m.cost.lines.map((l) => l.id)).toEqual(['memory.events', 'memory.retrievals']);
    expect(m.cost.lines[0]!.formula).toMatch(/events ÷ 1,000 × \$0\.25 per 1,000 events/);
    expect(m.cost.notIncluded.join(' ')).toMatch(/Long-term record storage not included/);
    const gw = rig.emu.world.gateways(REGION).find((g) => g.name === 'sre-gateway')!;
    const g = await rig.call('metrics.resource', { key: `demo|${REGION}|gateway|${gw.id}`, range: { preset: '6h' } });
    expect(g.cost.lines[0]!.priceId).toBe('gateway.invocations');
    expect(g.cost.notIncluded.join(' ')).toMatch(/Gateway search not included/);
    await expect(rig.call('metrics.resource', { key: rig.agentKey('sre_supervisor'), range: { preset: '1h' } })).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });
});

describe('prices', () => {
  it('shows the bundled table, refuses a malformed entry by name, and persists overrides', async () => {
    const table = await rig.call('prices.get', {});
    expect(table).toMatchObject({ source: 'https://aws.amazon.com/bedrock/agentcore/pricing/', checked: '2026-12-01', region: 'us-east-1', errors: [] });
    const set = await rig.call('prices.set', { overrides: { 'runtime.cpu': 0.1, 'no.such': 1 } });
    expect(set.entries.find((e) => e.id === 'runtime.cpu')!.usd).toBe(0.1);
    expect(set.overridden).toEqual(['runtime.cpu']);
    expect(set.errors).toEqual(['override no.such: no such price entry in pricing.json (kept in settings, not used)']);
    const restarted = rig.restart();
    expect((await restarted.methods['prices.get']({}, OWNER)).overridden).toEqual(['runtime.cpu']);
    const m = await rig.call('metrics.agent', { agentKey: rig.agentKey('sre_supervisor'), endpoint: 'prod', range: { preset: '1h' } });
    expect(m.cost.lines.find((l) => l.id === 'runtime.cpu')!.formula).toMatch(/× \$0\.1 per vCPU-hour/);
    await rig.call('prices.set', { overrides: {} });
    await expect(rig.call('prices.set', { overrides: { 'runtime.cpu': -1 } })).rejects.toThrow();

    const dir = mkdtempSync(join(tmpdir(), 'pricing-'));
    const file = join(dir, 'pricing.json');
    writeFileSync(
      file,
      JSON.stringify({
        source: 's',
        checked: '2026-12-01',
        region: 'us-east-1',
        entries: [
          { id: 'runtime.cpu', label: 'Runtime CPU', usd: 'cheap', per: 'vCPU-hour' },
          { id: 'runtime.memory', label: 'Runtime memory', usd: 0.00945, per: 'GB-hour' },
        ],
      }),
    );
    const broken = rig.restart({ pricingFile: file });
    const prices = await broken.methods['prices.get']({}, OWNER);
    expect(prices.errors).toEqual(['pricing.json: runtime.cpu has usd "cheap", not a price (a number ≥ 0)']);
    const cost = (await broken.methods['metrics.agent']({ agentKey: rig.agentKey('sre_supervisor'), endpoint: 'prod', range: { preset: '1h' } }, OWNER)).cost;
    expect(cost.lines.map((l) => l.id)).toEqual(['runtime.memory']);
    expect(cost.notIncluded[0]).toMatch(/Runtime CPU not included: the price table has no usable entry runtime.cpu/);
  });
});

describe('PartialData', () => {
  it('follows NextToken through every page and says so', async () => {
    const paged = await startMetricsModuleRig({ fast: true }, { maxDatapointsPerCall: 2000 });
    try {
      const key = paged.agentKey('sre_supervisor');
      const m = await paged.call('metrics.agent', { agentKey: key, endpoint: 'prod', range: { preset: '24h' } });
      const whole = await rig.call('metrics.agent', { agentKey: rig.agentKey('sre_supervisor'), endpoint: 'prod', range: { preset: '24h' } });
      expect(m.calls).toBeGreaterThan(1);
      expect(m.notices.find((n) => n.code === 'partial_data')!.message).toMatch(/followed NextToken and read every page/);
      expect(values(seriesOf(m, 'invocations')).length).toBe(values(seriesOf(whole, 'invocations')).length);
    } finally {
      await paged.close();
    }
  }, 30_000);
});
