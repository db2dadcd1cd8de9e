/**
 * In-process entry point. The console's main process calls `startEmulator()`
 * for its "Demo fleet" data source and tests call it per suite, so it starts
 * in milliseconds, binds loopback on a random port by default and stays
 * silent unless given a logger.
 */
import type { EmulatorModule, InvocationListener, InvocationRecord, IssuedCredentials, ModuleDeps } from './core/types';
import { EmulatorServer } from './core/server';
import { FaultEngine, type ActiveFaultProfile, type FaultProfile } from './core/faults';
import { EMULATOR_CREDENTIALS, InMemoryCredentialRegistry } from './core/credentials';
import { World } from './fleet/world';
import { DEMO_REGIONS } from './fleet/ids';
import { controlPlaneRoutes } from './control-plane/routes';
import { runtimeRoutes } from './runtime/invoke';
import { SessionStore } from './runtime/sessions';
import type { Pacing } from './runtime/pacing';
import { createHarnessModule, type HarnessFault, type HarnessFaultInput } from './harness/index';
import { LocalAgentBridge, parseAgentFlag, type LocalAgent } from './bridge/local-agent';
import { MODULE_FACTORIES, type ModuleFactory } from './modules';
import type { AppendedLogEvent, AppendLogInput, LogRateInput, LogRateState, LogsControl } from './logs/control';
import type { AppendedTrace, AppendTraceInput, InsightsModeInput, InsightsSetting, SpanLag, SpanLagInput } from './logs/trace-control';
import { DEFAULT_SPAN_LAG, NO_SPAN_LAG } from './logs/span-lag';

export { EMULATOR_CREDENTIALS } from './core/credentials';
export type { ActiveFaultProfile, FaultProfile, FaultRule } from './core/faults';
export type { InvocationRecord } from './core/types';
export type { HarnessFault, HarnessFaultInput, HarnessView } from './harness/index';
export type { AppendedLogEvent, AppendLogInput, LogRateInput, LogRateState } from './logs/control';
export type { AppendedTrace, AppendTraceInput, InsightsModeInput, InsightsSetting, SpanLag, SpanLagInput } from './logs/trace-control';
export { World } from './fleet/world';
export { DEMO_REGIONS } from './fleet/ids';
export { parseAgentFlag, type LocalAgent } from './bridge/local-agent';

export const DEFAULT_SEED = 20260218;

export interface EmulatorLogger {
  info(message: string): void;
  warn?(message: string): void;
}

export interface EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  seed?: number;
  /** Extra runtimes per region (with memories and gateways in proportion). */
  scale?: number;
  faults?: FaultProfile;
  /** Local agent containers to bridge: `{name, url}` or the CLI's `name=url`. */
  agents?: Array<LocalAgent | string>;
  /** Multiplier on simulated generation/stream delays (1 realistic, 0 instant). */
  timeScale?: number;
  /** Shorthand for tests: timeScale 0 and no cold starts (explicit values still win). */
  fast?: boolean;
  /** Cold start of a session's first invoke. Default 1.5 s, 0 when `fast`. */
  coldStartSeconds?: number;
  /** Per-token delay range for streamed replies, ms. Default [15, 40]. */
  tokenMs?: [number, number];
  /** Request body cap. Default 100 MB (the InvokeAgentRuntime payload limit). */
  maxPayloadBytes?: number;
  /** Region for unsigned calls (SSO). Default us-east-1. */
  defaultRegion?: string;
  /** Clock for session expiry and generated data; default Date.now. */
  now?: () => number;
  /** Protocol modules; default: every module in modules.ts. */
  modules?: ModuleFactory[];
  logger?: EmulatorLogger;
  /**
   * Accept only the demo key and keys issued by the SSO portal, as AWS would
   * refuse a stranger's key, and verify each signature with that key's
   * secret. Default false: any well-formed SigV4 key works
   * (what LocalStack and moto do), so `AWS_ACCESS_KEY_ID=test` is enough.
   */
  strictCredentials?: boolean;
  /**
   * Load: while > 0, each runtime log group that has been read or tailed gets this many lines per second
   * (`setLogRate` / `PUT /_emulator/logs` change it at run time, and can raise live tail's per-update cap).
   */
  logLinesPerSecond?: number;
  /**
   * Ingestion lag of the spans invocations write to `aws/spans`: unreadable until `lagMs` (+ up to `jitterMs`) after
   * they were written. Default 1,500 + 500 ms, none when `fast`; `setSpanLag` / `PUT /_emulator/spans` change it.
   */
  spanLag?: SpanLagInput;
}

export interface RunningEmulator {
  /** e.g. http://127.0.0.1:4566 — pass as the SDK client's `endpoint`. */
  url: string;
  port: number;
  world: World;
  credentials: typeof EMULATOR_CREDENTIALS;
  regions: readonly string[];
  /** Short-lived keys the server accepts until `ttlMs` passes (what the SSO portal hands out). */
  issueCredentials(ttlMs: number): IssuedCredentials;
  setFaults(profile: FaultProfile): void;
  getFaults(): ActiveFaultProfile;
  /** Drops sessions, issued credentials and module state; restores the start-up fault profile. */
  reset(): void;
  /** Observe every InvocationRecord (returns its unsubscribe). */
  onInvocation(listener: InvocationListener): () => void;
  /** Appends one line as sent (any size or UTF-16, lone surrogates too) to a runtime endpoint's log group; same as `POST /_emulator/logs/append`. */
  appendLog(input: AppendLogInput): AppendedLogEvent;
  /** The log-rate knob: lines per second per read-or-tailed runtime group; same as `PUT /_emulator/logs`. */
  setLogRate(input: LogRateInput): LogRateState;
  getLogRate(): LogRateState;
  /** Span ingestion lag for spans written from now on; same as `PUT /_emulator/spans`. */
  setSpanLag(input: SpanLagInput): SpanLag;
  getSpanLag(): SpanLag;
  /** Writes a trace of exactly `spans` span records (plus orphans, malformed records), visible at once; same as `POST /_emulator/traces`. */
  appendTrace(input: AppendTraceInput): AppendedTrace;
  /** Breaks InvokeHarness event streams (no messageStop, an exception event, an unknown event); same as `PUT /_emulator/harness`. */
  setHarnessFault(input: HarnessFaultInput): HarnessFault;
  getHarnessFault(): HarnessFault;
  /** How new Logs Insights queries end: normal, timeout, fail or slow (Running for slowMs); same as `PUT /_emulator/insights`. */
  setInsightsMode(input: InsightsModeInput): InsightsSetting;
  getInsightsMode(): InsightsSetting;
  close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const started = Date.now();
  const now = options.now ?? Date.now;
  const seed = options.seed ?? DEFAULT_SEED;
  const host = options.host ?? '127.0.0.1';
  const world = new World({ seed, scale: options.scale ?? 0 });
  const credentials = new InMemoryCredentialRegistry(now);
  const initialFaults: FaultProfile = options.faults ?? { rules: [] };
  const faults = new FaultEngine(initialFaults, seed);
  const sessions = new SessionStore(now);

  const agents = (options.agents ?? []).map((a) => (typeof a === 'string' ? parseAgentFlag(a) : a));
  const bridge = new LocalAgentBridge(world, agents, now());

  const deps: ModuleDeps = { world, credentials, now, seed };
  const modules: EmulatorModule[] = (options.modules ?? MODULE_FACTORIES.map(([, f]) => f)).map((factory) => factory(deps));
  const listeners = new Set<InvocationListener>();
  const logsModule = modules.find((m) => m.logs)?.logs;
  const logs = (): LogsControl => {
    if (!logsModule) throw new Error('the logs module is not loaded (options.modules leaves it out)');
    return logsModule;
  };
  const initialLogRate: LogRateInput | undefined = options.logLinesPerSecond ? { linesPerSecond: options.logLinesPerSecond } : undefined;
  if (initialLogRate) logs().setRate(initialLogRate);
  const initialSpanLag: SpanLagInput = options.spanLag ?? (options.fast ? NO_SPAN_LAG : DEFAULT_SPAN_LAG);
  if (logsModule) logsModule.setSpanLag(initialSpanLag);
  const emit = (record: InvocationRecord): void => {
    for (const m of modules) safely(() => m.onInvocation?.(record), options.logger);
    for (const l of listeners) safely(() => l(record), options.logger);
  };

  const pacing: Pacing = { timeScale: options.timeScale ?? (options.fast ? 0 : 1), tokenMs: options.tokenMs ?? [15, 40] };
  // Built here rather than in modules.ts: it needs the pacing options, and the handle needs its fault knob.
  const harness = createHarnessModule({ fleet: world.harnessFleet, now, seed, pacing });
  modules.push(harness);

  const runtime = runtimeRoutes({
    world,
    sessions,
    faults,
    emit,
    now,
    seed,
    pacing,
    coldStartSeconds: options.coldStartSeconds ?? (options.fast ? 0 : 1.5),
  });

  const reset = (): void => {
    sessions.reset();
    credentials.reset();
    faults.set(initialFaults);
    for (const m of modules) m.reset?.();
    if (initialLogRate) logs().setRate(initialLogRate);
    logsModule?.setSpanLag(initialSpanLag);
  };

  const server: EmulatorServer = new EmulatorServer({
    routes: [...controlPlaneRoutes(world), ...runtime, ...modules.flatMap((m) => m.routes)],
    credentials,
    faults,
    defaultRegion: options.defaultRegion ?? 'us-east-1',
    accountId: world.accountId,
    maxPayloadBytes: options.maxPayloadBytes ?? 100 * 1024 * 1024,
    strictCredentials: options.strictCredentials ?? false,
    now,
    ...(options.logger ? { log: (line: string) => options.logger?.info(line) } : {}),
    admin: {
      health: (): Record<string, unknown> => ({
        status: 'ok',
        uptimeMs: Date.now() - started,
        seed,
        scale: world.scale,
        accountId: world.accountId,
        regions: world.regions(),
        runtimes: world.regions().reduce((n, r) => n + world.runtimeListing(r).length, 0),
        sessions: sessions.size,
        routes: server.router.size(),
      }),
      getFaults: () => faults.get(),
      setFaults: (profile) => faults.set(profile),
      reset,
      routes: modules.flatMap((m) => m.admin ?? []),
    },
  });

  if (agents.length > 0) {
    await bridge.refresh();
    bridge.start();
  }
  const port = await server.listen(options.port ?? 0, host);
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  options.logger?.info(`emulator listening on ${url} (seed ${seed}, scale ${world.scale}, ${modules.length} modules) in ${Date.now() - started} ms`);

  return {
    url,
    port,
    world,
    credentials: EMULATOR_CREDENTIALS,
    regions: DEMO_REGIONS,
    issueCredentials: (ttlMs) => credentials.issue(ttlMs),
    setFaults: (profile) => faults.set(profile),
    getFaults: () => faults.get(),
    reset,
    onInvocation(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    appendLog: (input) => logs().appendLog(input),
    setLogRate: (input) => logs().setRate(input),
    getLogRate: () => logs().getRate(),
    setSpanLag: (input) => logs().setSpanLag(input),
    getSpanLag: () => logs().getSpanLag(),
    appendTrace: (input) => logs().appendTrace(input),
    setHarnessFault: (input) => harness.setFault(input),
    getHarnessFault: () => harness.getFault(),
    setInsightsMode: (input) => logs().setInsightsMode(input),
    getInsightsMode: () => logs().getInsightsMode(),
    async close() {
      bridge.stop();
      sessions.reset();
      for (const m of modules) m.close?.();
      await server.close();
    },
  };
}

function safely(fn: () => void, logger: EmulatorLogger | undefined): void {
  try {
    fn();
  } catch (err) {
    // A module bug must not fail the invocation that triggered it.
    logger?.warn?.(`emulator module listener failed: ${(err as Error).message}`);
  }
}
