/**
 * `metrics.fleet`: the agent tiles across every runtime of the fleet, one
 * row per runtime, worst first. Each (profile, region) cell is one batched
 * fetch — every endpoint's figures as one bucket per window, ≤ 500 queries a
 * call — plus one for this month's CPU and memory (the month-end
 * projection). A cell that fails leaves its rows empty and says why; only
 * when every cell fails does the view fail.
 */
import type { FleetResource } from '../../../shared/fleet';
import type { FleetMetrics, FleetMetricsRow, MetricRange, MetricsNotice, StatTile } from '../../../shared/metrics';
import { ApiError } from '../../../shared/errors';
import { breakdown, monthEndProjection, monthOf, MODEL_COST_NOT_INCLUDED, runtimeUsages } from '../cost/cost-lines';
import { TILE_QUERIES } from './agent-metrics';
import { fetchMetrics, newTally, tallyNotices, type FetchedSeries, type StatQuery } from './metric-fetch';
import { RUNTIME, runtimeEndpointDimensions } from './metric-names';
import { resolveRange, type ResolvedRange } from './metric-range';
import type { MetricsDeps } from './metrics-deps';
import { laggingNotice } from './notices';

type Figures = { inv: number | null; err: number | null; thr: number | null; sess: number | null; p99: number | null; cpu: number | null; mem: number | null };
const EMPTY: Figures = { inv: null, err: null, thr: null, sess: null, p99: null, cpu: null, mem: null };

const endpointsOf = (r: FleetResource): string[] => (r.endpoints?.length ? r.endpoints.map((e) => e.name) : ['DEFAULT']);
const add = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : a + b);
const max = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));

/** Sums counts over a runtime's endpoints; p99 is the worst endpoint's (percentiles do not add). */
function figuresOf(data: FetchedSeries, r: FleetResource, t: number | null): Figures {
  if (t === null) return EMPTY;
  let f = EMPTY;
  for (const ep of endpointsOf(r)) {
    const v = (k: string) => data.get(`${r.key}|${ep}|${k}`)?.get(t) ?? null;
    f = {
      inv: add(f.inv, v('inv')),
      err: add(f.err, v('err')),
      thr: add(f.thr, v('thr')),
      sess: add(f.sess, v('sess')),
      p99: max(f.p99, v('p99')),
      cpu: add(f.cpu, v('cpu')),
      mem: add(f.mem, v('mem')),
    };
  }
  return f;
}

export async function fleetMetrics(deps: MetricsDeps, input: { range: MetricRange }): Promise<FleetMetrics> {
  const runtimes = deps.targets.runtimes();
  const cells = new Map<string, FleetResource[]>();
  for (const r of runtimes) cells.set(`${r.profile}|${r.region}`, [...(cells.get(`${r.profile}|${r.region}`) ?? []), r]);
  const tally = newTally();
  const notices: MetricsNotice[] = [];
  const data: FetchedSeries = new Map();
  const month: FetchedSeries = new Map();
  let range: ResolvedRange | null = null;
  let monthStart = 0;
  let clockNow = Date.now();
  const failures: ApiError[] = [];
  for (const [cell, list] of cells) {
    const [profile, region] = cell.split('|') as [string, string];
    const { client, now: clock } = deps.targets.forCell(profile, region);
    const now = clock();
    clockNow = now;
    const r = (range ??= resolveRange(input.range, now));
    const windowS = (r.endTime - r.startTime) / 1000;
    monthStart = monthOf(now).start;
    const queries: StatQuery[] = [];
    const monthQueries: StatQuery[] = [];
    const monthS = Math.max(3600, Math.ceil((now - monthStart) / 3_600_000) * 3600);
    for (const rt of list)
      for (const ep of endpointsOf(rt)) {
        const dimensions = runtimeEndpointDimensions(rt.arn, rt.name, ep);
        for (const q of TILE_QUERIES) queries.push({ key: `${rt.key}|${ep}|${q.key}`, metric: q.metric, dimensions, stat: q.stat, periodSeconds: windowS });
        for (const [key, metric] of [
          ['cpu', RUNTIME.cpu],
          ['mem', RUNTIME.memory],
        ] as const)
          monthQueries.push({ key: `${rt.key}|${ep}|${key}`, metric, dimensions, stat: 'Sum', periodSeconds: monthS });
      }
    try {
      for (const [k, v] of await fetchMetrics(client, { startTime: r.previousStart ?? r.startTime, endTime: r.endTime }, queries, deps.backoff, tally))
        data.set(k, v);
      for (const [k, v] of await fetchMetrics(client, { startTime: monthStart, endTime: monthStart + monthS * 1000 }, monthQueries, deps.backoff, tally))
        month.set(k, v);
    } catch (error) {
      const e = error instanceof ApiError ? error : new ApiError('aws_error', String(error));
      failures.push(e);
      notices.push({ code: 'aws_error', message: `${profile} / ${region}: ${e.message} Its agents show no figures.` });
    }
  }
  if (failures.length > 0 && failures.length === cells.size) throw failures[0]!;
  const resolved = range ?? resolveRange(input.range, clockNow);
  const openBreaches = deps.slo.openAgents();

  const rows: FleetMetricsRow[] = runtimes.map((r) => {
    const f = figuresOf(data, r, resolved.startTime);
    const slo = deps.slo.get(r.key);
    const errorRatePct = f.inv ? (100 * (f.err ?? 0)) / f.inv : null;
    const costUsd = f.cpu === null && f.mem === null ? null : breakdown(runtimeUsages(f.cpu ?? 0, f.mem ?? 0, r.name), deps.prices(), []).totalUsd;
    const breached = openBreaches.has(r.key) || (errorRatePct !== null && errorRatePct > slo.errorRatePct) || (f.p99 !== null && f.p99 > slo.p99Ms);
    return { agentKey: r.key, name: r.name, region: r.region, profile: r.profile, invocations: f.inv, errorRatePct, p99Ms: f.p99, costUsd, breached };
  });
  const desc = (a: number | null, b: number | null) => (b ?? -1) - (a ?? -1);
  rows.sort(
    (a, b) => Number(b.breached) - Number(a.breached) || desc(a.errorRatePct, b.errorRatePct) || desc(a.p99Ms, b.p99Ms) || a.name.localeCompare(b.name),
  );

  const total = (t: number | null): Figures =>
    runtimes.reduce((acc, r) => {
      const f = figuresOf(data, r, t);
      return {
        inv: add(acc.inv, f.inv),
        err: add(acc.err, f.err),
        thr: add(acc.thr, f.thr),
        sess: add(acc.sess, f.sess),
        p99: max(acc.p99, f.p99),
        cpu: add(acc.cpu, f.cpu),
        mem: add(acc.mem, f.mem),
      };
    }, EMPTY);
  const nowF = total(resolved.startTime);
  const prevF = resolved.previousStart === null ? null : total(resolved.previousStart);
  const prices = deps.prices();
  const costOf = (f: Figures | null) =>
    f === null || (f.cpu === null && f.mem === null) ? null : breakdown(runtimeUsages(f.cpu ?? 0, f.mem ?? 0, 'fleet'), prices, []).totalUsd;
  const rateOf = (f: Figures | null) => (f?.inv ? (100 * (f.err ?? 0)) / f.inv : null);
  const tiles: StatTile[] = [
    { id: 'invocations', label: 'Invocations', unit: 'count', now: nowF.inv, previous: prevF?.inv ?? null },
    { id: 'errorRate', label: 'Error rate', unit: 'percent', now: rateOf(nowF), previous: rateOf(prevF) },
    { id: 'p99', label: 'Latency p99 (worst endpoint)', unit: 'ms', now: nowF.p99, previous: prevF?.p99 ?? null },
    { id: 'throttles', label: 'Throttles', unit: 'count', now: nowF.thr, previous: prevF?.thr ?? null },
    { id: 'sessions', label: 'New sessions', unit: 'count', now: nowF.sess, previous: prevF?.sess ?? null },
    { id: 'cost', label: 'Runtime cost', unit: 'usd', now: costOf(nowF), previous: costOf(prevF) },
  ];
  const cost = breakdown(runtimeUsages(nowF.cpu ?? 0, nowF.mem ?? 0, `${runtimes.length} runtimes, the range`), prices, [MODEL_COST_NOT_INCLUDED]);

  let monthCpu = 0;
  let monthMem = 0;
  for (const [k, v] of month)
    for (const x of v.values()) {
      if (k.endsWith('|cpu')) monthCpu += x;
      else monthMem += x;
    }
  const spent = breakdown(runtimeUsages(monthCpu, monthMem, 'since the 1st'), prices, []).totalUsd;
  const monthEnd = month.size > 0 ? monthEndProjection(spent, clockNow) : null;

  notices.unshift(...resolved.notices, ...tallyNotices(tally));
  if (runtimes.length === 0)
    notices.push({ code: 'no_data', message: 'The fleet has no agent runtimes yet (or has not been polled): there is nothing to chart.' });
  else if (nowF.inv === null && failures.length === 0)
    notices.push({
      code: 'no_data',
      message: 'CloudWatch has no AgentCore runtime metrics for any agent of the fleet over this range: none was invoked, or the agents run in other regions.',
    });
  else if (clockNow - resolved.endTime < 3_600_000) notices.push(laggingNotice());
  return { startTime: resolved.startTime, endTime: resolved.endTime, tiles, rows, cost, monthEnd, notices, calls: tally.calls };
}
