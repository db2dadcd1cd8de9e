/**
 * Per-minute samples of one metric identity (namespace + name + exact
 * dimension set), derived from the shared synthetic traffic plus the
 * invocations that really happened. Runtime, memory and gateway families all
 * read the same traffic, so an incident shows up coherently everywhere and
 * errors never exceed invocations.
 */
import type { GatewayView, InvocationRecord, MemoryDefinition, RuntimeView, WorldView } from '../core/types';
import { Rng } from '../kit/rng';
import { activeSessions, diurnalFactor, incidentFor, MINUTE_MS, syntheticMinute, type SyntheticInvocation } from '../kit/traffic';
import {
  DIMENSION_SETS,
  endpointDimensionName,
  familiesFor,
  GATEWAY_METHODS,
  GATEWAY_OPERATION,
  GATEWAY_PROTOCOL,
  MEMORY_OPERATIONS,
  metricDef,
  NAMESPACE,
  RUNTIME_SERVICE,
  type MetricDef,
} from './catalog';

export type MinuteSamples = (minuteStart: number) => number[];

/** Invocations observed through onInvocation, bucketed by runtime endpoint and minute. */
export class RealTraffic {
  private readonly byTarget = new Map<string, Map<number, SyntheticInvocation[]>>();
  private readonly seenSessions = new Set<string>();

  add(r: InvocationRecord): void {
    const key = `${r.region}|${r.runtimeId}|${r.endpointName}`;
    let minutes = this.byTarget.get(key);
    if (!minutes) this.byTarget.set(key, (minutes = new Map()));
    const minute = Math.floor(r.startedAt / MINUTE_MS) * MINUTE_MS;
    const sessionKey = `${key}|${r.sessionId}`;
    const newSession = !this.seenSessions.has(sessionKey);
    this.seenSessions.add(sessionKey);
    const list = minutes.get(minute) ?? [];
    list.push({
      startedAt: r.startedAt,
      latencyMs: r.latencyMs,
      outcome: r.outcome,
      sessionId: r.sessionId,
      newSession,
      coldStart: r.coldStart,
      inputTokens: r.inputTokens,
      outputTokens: r.outputTokens,
      key: `real|${r.traceId}`,
    });
    minutes.set(minute, list);
  }

  minute(region: string, runtimeId: string, endpointName: string, minuteStart: number): SyntheticInvocation[] {
    return this.byTarget.get(`${region}|${runtimeId}|${endpointName}`)?.get(minuteStart) ?? [];
  }

  clear(): void {
    this.byTarget.clear();
    this.seenSessions.clear();
  }
}

export interface SeriesContext {
  world: WorldView;
  seed: number;
  real: RealTraffic;
  region: string;
  /** Per-request memo of per-minute summaries, keyed by target set. */
  cache?: Map<string, Map<number, RuntimeMinute>>;
}

export interface ResolvedMetric {
  def: MetricDef;
  samples: MinuteSamples;
}

/** Find what a MetricStat's Metric names; undefined when AWS would have no such metric (empty result). */
export function resolveMetric(
  ctx: SeriesContext,
  namespace: string | undefined,
  name: string | undefined,
  dims: Array<{ Name?: string; Value?: string }>,
): ResolvedMetric | undefined {
  if (namespace !== NAMESPACE || !name) return undefined;
  const d = Object.fromEntries(dims.map((x) => [x.Name ?? '', x.Value ?? '']));
  const names = Object.keys(d).sort().join(',');
  for (const family of familiesFor(name)) {
    if (!DIMENSION_SETS[family].some((set) => set.join(',') === names)) continue;
    const def = metricDef(family, name)!;
    // Gateway and memory both publish `Resource` alone: the ARN decides, so a miss tries the next family.
    const resolved = family === 'runtime' ? runtimeMetric(ctx, def, d) : family === 'gateway' ? gatewayMetric(ctx, def, d) : memoryMetric(ctx, def, d);
    if (resolved) return resolved;
  }
  return undefined;
}

type Target = { rt: RuntimeView; ep: string };

function invocationsOf(ctx: SeriesContext, targets: Target[], minute: number): SyntheticInvocation[] {
  return targets.flatMap(({ rt, ep }) => [...syntheticMinute(ctx.seed, rt, ep, minute), ...ctx.real.minute(ctx.region, rt.id, ep, minute)]);
}

/** Resource usage per call: CPU is not billed during I/O wait (most of an LLM call), memory is. */
const CPU_BUSY_SHARE = 0.3;
const MEMORY_GB = 0.5;

/** Everything the runtime metrics need from one minute of a target set, gathered in a single pass. */
interface RuntimeMinute {
  invocations: number;
  throttles: number;
  systemErrors: number;
  userErrors: number;
  newSessions: number;
  cpuHours: number;
  memoryGbHours: number;
  latencies: number[];
}

function summarize(ctx: SeriesContext, targets: Target[], minute: number): RuntimeMinute {
  const m: RuntimeMinute = { invocations: 0, throttles: 0, systemErrors: 0, userErrors: 0, newSessions: 0, cpuHours: 0, memoryGbHours: 0, latencies: [] };
  const visit = (i: SyntheticInvocation) => {
    m.invocations++;
    if (i.newSession) m.newSessions++;
    if (i.outcome === 'throttled') {
      m.throttles++;
      return;
    }
    if (i.outcome === 'system_error') m.systemErrors++;
    else if (i.outcome === 'user_error') m.userErrors++;
    m.latencies.push(i.latencyMs);
    const hours = Math.max(1000, i.latencyMs) / 3_600_000;
    m.cpuHours += hours * CPU_BUSY_SHARE;
    m.memoryGbHours += hours * MEMORY_GB;
  };
  for (const { rt, ep } of targets) {
    for (const i of syntheticMinute(ctx.seed, rt, ep, minute)) visit(i);
    for (const i of ctx.real.minute(ctx.region, rt.id, ep, minute)) visit(i);
  }
  return m;
}

function runtimeMetric(ctx: SeriesContext, def: MetricDef, d: Record<string, string>): ResolvedMetric | undefined {
  if (d.Service !== RUNTIME_SERVICE) return undefined;
  let runtimes = ctx.world.runtimes(ctx.region);
  if (d.Resource !== undefined) runtimes = runtimes.filter((r) => r.arn === d.Resource);
  const targets = runtimes.flatMap((rt) =>
    rt.endpointNames.filter((ep) => d.Name === undefined || endpointDimensionName(rt.name, ep) === d.Name).map((ep) => ({ rt, ep })),
  );
  if (targets.length === 0) return undefined;
  // Queries of one request that share a dimension set (Invocations, Errors, Latency… of one runtime) share one pass.
  const cacheKey = `runtime|${d.Resource ?? ''}|${d.Name ?? ''}`;
  let minutes = ctx.cache?.get(cacheKey);
  if (!minutes) ctx.cache?.set(cacheKey, (minutes = new Map()));
  const minuteOf = (minute: number): RuntimeMinute => {
    let m = minutes?.get(minute);
    if (!m) {
      m = summarize(ctx, targets, minute);
      minutes?.set(minute, m);
    }
    return m;
  };
  const samples: MinuteSamples = (minute) => {
    if (def.name === 'ActiveSessionCount') {
      const active =
        targets.reduce((sum, t) => sum + activeSessions(ctx.seed, t.rt, t.ep, minute), 0) +
        new Set(invocationsOf(ctx, targets, minute).map((i) => i.sessionId)).size;
      return active > 0 ? [active] : [];
    }
    const m = minuteOf(minute);
    if (m.invocations === 0) return [];
    switch (def.name) {
      case 'Invocations':
        return [m.invocations];
      case 'Throttles':
        return [m.throttles];
      case 'SystemErrors':
        return [m.systemErrors];
      case 'UserErrors':
        return [m.userErrors];
      case 'TotalErrors':
        return [m.systemErrors + m.userErrors];
      case 'SessionCount':
        return [m.newSessions];
      case 'Latency':
        return m.latencies;
      case 'CPUUsed-vCPUHours':
        return [m.cpuHours];
      case 'MemoryUsed-GBHours':
        return [m.memoryGbHours];
      default:
        return [];
    }
  };
  return { def, samples };
}

interface Call {
  latencyMs: number;
  durationMs: number;
  targetMs?: number;
  outcome: 'ok' | 'user_error' | 'system_error' | 'throttled';
}

function gatewayCalls(seed: number, gw: GatewayView, method: string, minute: number): Call[] {
  if (gw.status !== 'READY') return [];
  const rng = Rng.for(seed, 'gateway', gw.id, method, minute);
  const incident = incidentFor(seed, gw.id, minute);
  const n = rng.poisson((method === 'tools/call' ? 6 : 1.2) * diurnalFactor(minute));
  return Array.from({ length: n }, () => {
    const roll = rng.next();
    const outcome: Call['outcome'] = incident
      ? roll < 0.15
        ? 'system_error'
        : roll < 0.2
          ? 'throttled'
          : 'ok'
      : roll < 0.004
        ? 'system_error'
        : roll < 0.03
          ? 'user_error'
          : 'ok';
    const latencyMs = Math.round(40 + 60 * Math.exp(0.5 * rng.gaussian()) * (incident ? 4 : 1));
    const targetMs = method === 'tools/call' ? Math.round(80 + 300 * Math.exp(0.6 * rng.gaussian())) : undefined;
    return { latencyMs, durationMs: latencyMs + (targetMs ?? rng.int(5, 30)), ...(targetMs !== undefined ? { targetMs } : {}), outcome };
  });
}

/** Shared per-call → sample mapping for gateway and memory call streams. */
function callSamples(def: MetricDef, calls: Call[]): number[] {
  if (calls.length === 0) return [];
  const count = (pred: (c: Call) => boolean) => [calls.filter(pred).length];
  switch (def.name) {
    case 'Invocations':
      return [calls.length];
    case 'Throttles':
      return count((c) => c.outcome === 'throttled');
    case 'SystemErrors':
      return count((c) => c.outcome === 'system_error');
    case 'UserErrors':
      return count((c) => c.outcome === 'user_error');
    case 'Errors':
      return count((c) => c.outcome === 'system_error' || c.outcome === 'user_error');
    case 'Latency':
      return calls.filter((c) => c.outcome !== 'throttled').map((c) => c.latencyMs);
    case 'Duration':
      return calls.filter((c) => c.outcome !== 'throttled').map((c) => c.durationMs);
    case 'TargetExecutionTime':
      return calls.flatMap((c) => (c.targetMs !== undefined && c.outcome !== 'throttled' ? [c.targetMs] : []));
    default:
      return [];
  }
}

function gatewayMetric(ctx: SeriesContext, def: MetricDef, d: Record<string, string>): ResolvedMetric | undefined {
  const gw = ctx.world.gateways(ctx.region).find((g) => g.arn === d.Resource);
  if (!gw) return undefined;
  if (d.Operation !== undefined && (d.Operation !== GATEWAY_OPERATION || d.Protocol !== GATEWAY_PROTOCOL || d.Name !== gw.name)) return undefined;
  const methods = d.Method === undefined ? [...GATEWAY_METHODS] : GATEWAY_METHODS.filter((m) => m === d.Method);
  if (methods.length === 0) return undefined;
  return {
    def,
    samples: (minute) =>
      callSamples(
        def,
        methods.flatMap((m) => gatewayCalls(ctx.seed, gw, m, minute)),
      ),
  };
}

/** A memory-backed agent turn = ListEvents + RetrieveMemoryRecords before the model call, two CreateEvents after. */
function memoryCalls(ctx: SeriesContext, memory: MemoryDefinition, operation: string, minute: number): Call[] {
  const runtimes = ctx.world.runtimes(ctx.region).filter((r) => r.memoryId === memory.id);
  const invs = invocationsOf(
    ctx,
    runtimes.flatMap((rt) => rt.endpointNames.map((ep) => ({ rt, ep }))),
    minute,
  ).filter((i) => i.outcome !== 'throttled' && i.outcome !== 'user_error');
  const rng = Rng.for(ctx.seed, 'memory-calls', memory.id, operation, minute);
  const perInvocation = operation === 'CreateEvent' ? 2 : 1;
  return invs.flatMap(() =>
    Array.from({ length: perInvocation }, (): Call => {
      const latencyMs = Math.round((operation === 'RetrieveMemoryRecords' ? 180 : 45) * Math.exp(0.4 * rng.gaussian()));
      return { latencyMs, durationMs: latencyMs, outcome: rng.chance(0.002) ? 'system_error' : 'ok' };
    }),
  );
}

function memoryMetric(ctx: SeriesContext, def: MetricDef, d: Record<string, string>): ResolvedMetric | undefined {
  const memory = ctx.world.memories(ctx.region).find((m) => m.arn === d.Resource);
  if (!memory) return undefined;
  const operations = d.Operation === undefined ? [...MEMORY_OPERATIONS] : MEMORY_OPERATIONS.filter((o) => o === d.Operation);
  if (operations.length === 0) return undefined;
  const samples: MinuteSamples = (minute) => {
    if (def.name === 'CreationCount' || def.name === 'NumberOfMemoryRecords') {
      // Long-term extraction runs on CreateEvent: roughly one record per strategy per completed turn.
      if (!operations.includes('CreateEvent')) return [];
      const created = memoryCalls(ctx, memory, 'CreateEvent', minute).filter((c) => c.outcome === 'ok').length / 2;
      return created > 0 ? [Math.round(created * Math.max(1, memory.strategies.length))] : [];
    }
    return callSamples(
      def,
      operations.flatMap((op) => memoryCalls(ctx, memory, op, minute)),
    );
  };
  return { def, samples };
}
