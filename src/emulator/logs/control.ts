/**
 * The logs module's knobs for tests and load runs, one implementation behind
 * both the admin API (`GET|PUT /_emulator/logs`, `POST /_emulator/logs/append`)
 * and the `startEmulator` handle (`getLogRate`, `setLogRate`, `appendLog`);
 * the span and Insights knobs are trace-control.ts.
 * Input is validated with zod either way, so a bad call from a test reads
 * the same as a bad curl.
 */
import { z } from 'zod';
import { AdminError, type AdminRoute, type ModuleDeps, type RuntimeView } from '../core/types';
import { eventIdOf } from './events';
import { LogLoad } from './load';
import { runtimeStreamName } from './naming';
import type { LogStore } from './store';
import type { TracesControl } from './trace-control';

export const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

export const logRateSchema = z
  .object({
    linesPerSecond: z.number().min(0).max(50_000),
    runtimeName: z.string().min(1).optional(),
    maxPerUpdate: z.number().int().min(1).max(50_000).optional(),
  })
  .strict();

export const appendLogSchema = z
  .object({
    runtimeName: z.string().min(1),
    endpoint: z.string().min(1).default('DEFAULT'),
    region: z.string().regex(REGION, 'not an AWS region name').optional(),
    message: z.string(),
    stream: z
      .string()
      .regex(/^[^:*]{1,512}$/, 'a log stream name is 1-512 characters without ":" or "*"')
      .optional(),
    /** Epoch ms; default the emulator's clock. */
    timestamp: z.number().int().min(0).optional(),
  })
  .strict();

export type LogRateInput = z.input<typeof logRateSchema>;
export type AppendLogInput = z.input<typeof appendLogSchema>;

export interface LogRateState {
  linesPerSecond: number;
  runtimeName?: string;
  /** Live tail's cap per update in effect (500 unless overridden; AWS samples above it). */
  maxPerUpdate: number;
  /** The log groups the load writes to now: runtime groups that were read or tailed. */
  groups: string[];
}

export interface AppendedLogEvent {
  logGroupName: string;
  logGroupArn: string;
  logStreamName: string;
  timestamp: number;
  /** As FilterLogEvents reports it. */
  eventId: string;
}

/** Everything the `startEmulator` handle reaches in the logs module: lines (here) and traces (trace-control.ts). */
export type LogsControl = LogLinesControl & TracesControl;

export interface LogLinesControl {
  getRate(): LogRateState;
  setRate(input: LogRateInput): LogRateState;
  appendLog(input: AppendLogInput): AppendedLogEvent;
}

/** What the admin API needs: the same methods, taking whatever JSON arrived (zod checks it inside). A LogLinesControl too. */
export interface UncheckedLogLinesControl extends LogLinesControl {
  setRate(input: unknown): LogRateState;
  appendLog(input: unknown): AppendedLogEvent;
}

export function parseAdmin<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new AdminError(400, `invalid ${what}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ')}`);
}

const runtimesNamed = (deps: ModuleDeps, name: string, region?: string): RuntimeView[] =>
  (region ? [region] : deps.world.regions()).flatMap((r) => deps.world.runtimes(r)).filter((rt) => rt.name === name);

/** The runtime an admin write names, with a 404 a human can act on when it or its endpoint is not there. */
export function runtimeWithEndpoint(deps: ModuleDeps, name: string, endpoint: string, region?: string): RuntimeView {
  const rt = runtimesNamed(deps, name, region)[0];
  if (!rt) throw new AdminError(404, `no runtime named ${name}${region ? ` in ${region}` : ''}`);
  if (!rt.endpointNames.includes(endpoint)) throw new AdminError(404, `runtime ${rt.name} has no endpoint ${endpoint} (it has ${rt.endpointNames.join(', ')})`);
  return rt;
}

export function createLogsControl(store: LogStore, load: LogLoad, deps: ModuleDeps, defaultMaxPerUpdate: number): UncheckedLogLinesControl {
  const state = (): LogRateState => {
    const s = load.current;
    return {
      linesPerSecond: s.linesPerSecond,
      ...(s.runtimeName !== undefined ? { runtimeName: s.runtimeName } : {}),
      maxPerUpdate: s.maxPerUpdate ?? defaultMaxPerUpdate,
      groups: load.targets().map((g) => g.name),
    };
  };
  return {
    getRate: state,
    setRate(input: unknown) {
      const setting = parseAdmin(logRateSchema, input, 'log rate');
      if (setting.runtimeName !== undefined && runtimesNamed(deps, setting.runtimeName).length === 0)
        throw new AdminError(404, `no runtime named ${setting.runtimeName}`);
      load.set(setting);
      return state();
    },
    appendLog(input: unknown) {
      const line = parseAdmin(appendLogSchema, input, 'log line');
      const rt = runtimeWithEndpoint(deps, line.runtimeName, line.endpoint, line.region);
      // Writing is what recreates a deleted group, as the agent's next line does on AgentCore.
      const group = store.writableRuntimeGroup(rt, line.endpoint);
      const timestamp = line.timestamp ?? deps.now();
      const logStreamName = line.stream ?? runtimeStreamName(deps.seed, group.name, timestamp, 0);
      const event = store.append(group, logStreamName, timestamp, line.message);
      return { logGroupName: group.name, logGroupArn: group.arn, logStreamName, timestamp: event.timestamp, eventId: eventIdOf(event) };
    },
  };
}

export function logsAdminRoutes(control: UncheckedLogLinesControl): AdminRoute[] {
  return [
    { method: 'GET', path: '/_emulator/logs', handle: () => control.getRate() },
    { method: 'PUT', path: '/_emulator/logs', handle: (body) => control.setRate(body) },
    { method: 'POST', path: '/_emulator/logs/append', handle: (body) => control.appendLog(body) },
  ];
}
