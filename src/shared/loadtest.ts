/**
 * Load and acceptance tests: a scenario (agent, prompts, virtual users, ramp,
 * duration or request count, think time, an acceptance table), a run in main
 * with an exact schedule and streaming percentiles, a live view over a
 * stream, results kept in SQLite, and the same scenario handed to Artillery
 * for runs bigger than one laptop.
 */
import { z } from 'zod';
import { agentKeySchema, qualifierSchema } from './chat';
import { command, query, stream } from './contract-kit';

/** Hard caps: a console run is a laptop-sized exercise; bigger runs go to Artillery. */
export const LOADTEST_CAPS = { users: 500, durationSeconds: 3600, requests: 100_000, rampUpSeconds: 3600, thinkTimeMs: 60_000, prompts: 10_000 } as const;
/** On real AWS, a run above either figure needs the user's explicit confirmation. */
export const CONFIRM_ABOVE = { requests: 500, usd: 1 } as const;

const promptText = z.string().min(1).max(100_000);
export const promptSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('list'), prompts: z.array(promptText).min(1, 'Add at least one prompt').max(LOADTEST_CAPS.prompts) }).strict(),
  /** A file's text: one prompt per line, a JSON array of strings, or JSONL of {"prompt": …}; parsed (and refused with the line) in main. */
  z.object({ kind: z.literal('file'), fileName: z.string().min(1).max(260), content: z.string().min(1).max(20_000_000) }).strict(),
  /** `{{name}}` placeholders filled from each variable's values in turn (request n uses value n mod length). */
  z
    .object({
      kind: z.literal('template'),
      template: promptText,
      variables: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,39}$/), z.array(z.string().max(10_000)).min(1).max(10_000)),
    })
    .strict(),
]);
export type PromptSource = z.infer<typeof promptSourceSchema>;

export const acceptanceRowSchema = z
  .object({
    users: z.number().int().min(1).max(LOADTEST_CAPS.users),
    /** A request passes when it succeeds within this many ms. */
    latencyMs: z.number().int().min(1).max(900_000),
    /** The share of requests that must pass, 0–100. */
    successPct: z.number().min(0).max(100),
  })
  .strict();
export type AcceptanceRow = z.infer<typeof acceptanceRowSchema>;

export const scenarioSchema = z
  .object({
    name: z.string().trim().min(1, 'Name the scenario').max(120),
    agentKey: agentKeySchema,
    qualifier: qualifierSchema,
    prompts: promptSourceSchema,
    /** As in chat: `{{prompt}}`, `{{sessionId}}`, `{{userId}}`; default: the agent's chat template. */
    payloadTemplate: z.string().max(100_000).optional(),
    /** Virtual users when there is no acceptance table; with one, each row is a stage at its own user count. */
    users: z.number().int().min(1, 'At least one virtual user').max(LOADTEST_CAPS.users, `At most ${LOADTEST_CAPS.users} virtual users`),
    rampUpSeconds: z.number().int().min(0).max(LOADTEST_CAPS.rampUpSeconds).default(0),
    /** Per stage. */
    stop: z.discriminatedUnion('kind', [
      z
        .object({
          kind: z.literal('duration'),
          seconds: z.number().int().min(1).max(LOADTEST_CAPS.durationSeconds, `At most ${LOADTEST_CAPS.durationSeconds} s`),
        })
        .strict(),
      z
        .object({ kind: z.literal('requests'), count: z.number().int().min(1).max(LOADTEST_CAPS.requests, `At most ${LOADTEST_CAPS.requests} requests`) })
        .strict(),
    ]),
    thinkTimeMs: z.number().int().min(0).max(LOADTEST_CAPS.thinkTimeMs).default(0),
    sessionPer: z.enum(['user', 'request']).default('user'),
    /** Per request, ms; a request still running then counts as a timeout. */
    timeoutMs: z.number().int().min(1000).max(900_000).default(60_000),
    acceptance: z.array(acceptanceRowSchema).max(10).default([]),
  })
  .strict();
export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;

export const errorClasses = ['throttled', 'dependency', 'server', 'timeout', 'client', 'network'] as const;
/** throttled: 429/ThrottlingException; dependency: 424 (the agent's own dependency failed); server: 5xx; client: other 4xx. */
export type ErrorClass = (typeof errorClasses)[number];

export interface Percentiles {
  count: number;
  min: number | null;
  mean: number | null;
  p50: number | null;
  p90: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
}

export interface StageResult {
  index: number;
  users: number;
  startedAt: number;
  endedAt: number | null;
  requests: number;
  succeeded: number;
  errors: Partial<Record<ErrorClass, number>>;
  latencyMs: Percentiles;
  ttfbMs: Percentiles;
  bytes: number;
  coldStarts: number;
  /** Requests per second achieved, and what the schedule asked for (null when users × think time does not fix it). */
  achievedRps: number;
  scheduledRps: number | null;
  /** Latency histogram: [upper bound ms, count] per bucket, for the chart. */
  histogram: Array<[number, number]>;
}

export interface AcceptanceResult {
  row: AcceptanceRow;
  stageIndex: number;
  /** Share of the stage's requests that succeeded within the limit, 0–100; null when the stage sent nothing. */
  measuredPct: number | null;
  /** The stage's latency at the row's percentile (successPct), beside the limit. */
  measuredLatencyMs: number | null;
  pass: boolean;
}

export type RunStatus = 'running' | 'completed' | 'stopped' | 'failed' | 'interrupted';

export interface LoadRunSummary {
  id: string;
  name: string;
  agentKey: string;
  agentName: string;
  qualifier: string;
  source: 'console' | 'artillery';
  startedAt: number;
  endedAt: number | null;
  status: RunStatus;
  /** pass/fail against the acceptance table; none without one. */
  verdict: 'pass' | 'fail' | 'none';
  requests: number;
  failed: number;
}

/** One second of a run, for the live and result charts. */
export interface LoadTick {
  t: number;
  stageIndex: number;
  activeUsers: number;
  requests: number;
  succeeded: number;
  errors: Partial<Record<ErrorClass, number>>;
  /** Over the requests that completed in this second; null when none did. */
  p50Ms: number | null;
  p90Ms: number | null;
  p99Ms: number | null;
}

export interface ErrorSample {
  at: number;
  errorClass: ErrorClass;
  status: number | null;
  message: string;
}

export interface LoadRun {
  summary: LoadRunSummary;
  scenario: Scenario;
  stages: StageResult[];
  acceptance: AcceptanceResult[];
  ticks: LoadTick[];
  /** A few per class, newest kept. */
  errorSamples: ErrorSample[];
  /** Why a run ended early or is incomplete ("The console closed during the run: the figures cover 41 s of 60 s"). */
  partial?: string;
}

export interface LoadEstimate {
  requests: number;
  /** Upper bound when the stop is a duration: users × duration ÷ (think time + expected latency). */
  requestsIsUpperBound: boolean;
  usd: number;
  formula: string;
  /** True on real AWS when requests or cost pass CONFIRM_ABOVE; the demo fleet never needs it. */
  needsConfirmation: boolean;
  /** The prompts main will send (after parsing a file or expanding a template), counted. */
  prompts: number;
}

export type LoadLiveItem =
  { kind: 'tick'; tick: LoadTick } | { kind: 'stage'; stage: StageResult } | { kind: 'error'; sample: ErrorSample } | { kind: 'done'; run: LoadRun };

export interface SavedScenario {
  name: string;
  scenario: Scenario;
  updatedAt: number;
}

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  content: string;
}

const runId = z.string().min(1).max(64);

export const loadtestInputs = {
  estimate: z.object({ scenario: scenarioSchema }).strict(),
  start: z.object({ scenario: scenarioSchema, confirmed: z.boolean().default(false) }).strict(),
  stop: z.object({ runId }).strict(),
  runs: z.object({ agentKey: agentKeySchema.optional(), limit: z.number().int().min(1).max(500).default(100) }).strict(),
  run: z.object({ runId }).strict(),
  deleteRun: z.object({ runId }).strict(),
  scenarios: z.object({}).strict(),
  saveScenario: z.object({ scenario: scenarioSchema }).strict(),
  deleteScenario: z.object({ name: z.string().trim().min(1).max(120) }).strict(),
  exportRun: z.object({ runId, format: z.enum(['json', 'csv', 'markdown']) }).strict(),
  /** The Artillery script (YAML) and its SigV4 processor (JS), as files to save side by side. */
  artilleryExport: z.object({ scenario: scenarioSchema }).strict(),
  /** Artillery's `--output` JSON report, read back into a run with the scenario's acceptance table. */
  artilleryImport: z.object({ scenario: scenarioSchema, report: z.string().min(2).max(50_000_000) }).strict(),
  live: z.object({ runId }).strict(),
};

export const loadtestContract = {
  methods: {
    'loadtest.estimate': query<LoadEstimate>()(loadtestInputs.estimate),
    'loadtest.start': command<LoadRunSummary>()(loadtestInputs.start),
    'loadtest.stop': command<LoadRunSummary>()(loadtestInputs.stop),
    'loadtest.runs': query<LoadRunSummary[]>()(loadtestInputs.runs),
    'loadtest.run': query<LoadRun>()(loadtestInputs.run),
    'loadtest.deleteRun': command<{ deleted: boolean }>()(loadtestInputs.deleteRun),
    'loadtest.scenarios': query<SavedScenario[]>()(loadtestInputs.scenarios),
    'loadtest.saveScenario': command<SavedScenario>()(loadtestInputs.saveScenario),
    'loadtest.deleteScenario': command<{ deleted: boolean }>()(loadtestInputs.deleteScenario),
    'loadtest.exportRun': query<ExportedFile>()(loadtestInputs.exportRun),
    'loadtest.artilleryExport': query<ExportedFile[]>()(loadtestInputs.artilleryExport),
    'loadtest.artilleryImport': command<LoadRunSummary>()(loadtestInputs.artilleryImport),
  },
  streams: {
    /** Ticks, stage results and error samples of a running run, then `done`; a finished run sends `done` at once. */
    'loadtest.live': stream<LoadLiveItem>()({ input: loadtestInputs.live, mutates: false, overflow: { kind: 'drop-oldest', capacity: 4096 } }),
  },
} as const;
