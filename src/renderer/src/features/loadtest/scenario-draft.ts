/**
 * The scenario form's state and its way to a contract Scenario. The form
 * keeps numbers as typed (a half-typed "1." is not a number yet) and seconds
 * where people think in seconds; `checkDraft` builds the input and runs the
 * contract's own zod schema over it, so a field shows the message main would
 * answer with, before anything is sent. Main validates again.
 */
import type { z } from 'zod';
import { scenarioSchema, type PromptSource, type Scenario, type SavedScenario } from '../../../../shared/loadtest';

export interface AcceptanceDraft {
  users: string;
  latencySeconds: string;
  successPct: string;
}

export interface VariableDraft {
  name: string;
  /** One value per line. */
  values: string;
}

export type PromptKind = PromptSource['kind'];

export interface ScenarioDraft {
  name: string;
  agentKey: string | null;
  qualifier: string;
  promptKind: PromptKind;
  prompts: string[];
  file: { fileName: string; content: string } | null;
  template: string;
  variables: VariableDraft[];
  /** null: the agent's own chat template, which main fills in. */
  payloadTemplate: string | null;
  users: string;
  rampUpSeconds: string;
  stopKind: 'duration' | 'requests';
  durationSeconds: string;
  requestCount: string;
  thinkTimeMs: string;
  sessionPer: 'user' | 'request';
  timeoutSeconds: string;
  acceptance: AcceptanceDraft[];
}

/** The field reports' acceptance table: 10 users < 2 s 100 %, 50 < 5 s 100 %, 100 < 10 s 99 %, 200 < 15 s 98 %. */
export const SEED_ACCEPTANCE: readonly AcceptanceDraft[] = [
  { users: '10', latencySeconds: '2', successPct: '100' },
  { users: '50', latencySeconds: '5', successPct: '100' },
  { users: '100', latencySeconds: '10', successPct: '99' },
  { users: '200', latencySeconds: '15', successPct: '98' },
];

export function emptyDraft(agentKey: string | null = null): ScenarioDraft {
  return {
    name: '',
    agentKey,
    qualifier: 'DEFAULT',
    promptKind: 'list',
    prompts: [''],
    file: null,
    template: 'Summarise the health of {{service}} in {{region}}',
    variables: [
      { name: 'service', values: 'checkout-api\npayments-api' },
      { name: 'region', values: 'us-east-1\neu-west-1' },
    ],
    payloadTemplate: null,
    users: '10',
    rampUpSeconds: '0',
    stopKind: 'duration',
    durationSeconds: '60',
    requestCount: '100',
    thinkTimeMs: '0',
    sessionPer: 'user',
    timeoutSeconds: '60',
    acceptance: [],
  };
}

/** A blank or non-numeric field stays NaN, and `numberIssues` names it before zod's generic message would. */
const num = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));
const seconds = (text: string): number => Math.round(num(text) * 1000);
const lines = (text: string): string[] => text.split('\n').filter((line) => line.trim() !== '');

function promptSource(draft: ScenarioDraft): unknown {
  if (draft.promptKind === 'file') return { kind: 'file', fileName: draft.file?.fileName ?? '', content: draft.file?.content ?? '' };
  if (draft.promptKind === 'template')
    return { kind: 'template', template: draft.template, variables: Object.fromEntries(draft.variables.map((v) => [v.name.trim(), lines(v.values)])) };
  // The editor always offers an empty row to type into; it is not a prompt.
  return { kind: 'list', prompts: draft.prompts.filter((p) => p.trim() !== '') };
}

export function toScenarioInput(draft: ScenarioDraft): unknown {
  return {
    name: draft.name,
    agentKey: draft.agentKey ?? '',
    qualifier: draft.qualifier,
    prompts: promptSource(draft),
    ...(draft.payloadTemplate !== null ? { payloadTemplate: draft.payloadTemplate } : {}),
    users: num(draft.users),
    rampUpSeconds: num(draft.rampUpSeconds),
    stop: draft.stopKind === 'duration' ? { kind: 'duration', seconds: num(draft.durationSeconds) } : { kind: 'requests', count: num(draft.requestCount) },
    thinkTimeMs: num(draft.thinkTimeMs),
    sessionPer: draft.sessionPer,
    timeoutMs: seconds(draft.timeoutSeconds),
    acceptance: draft.acceptance.map((row) => ({ users: num(row.users), latencyMs: seconds(row.latencySeconds), successPct: num(row.successPct) })),
  };
}

const text = (n: number): string => String(n);

/** A saved scenario (or a run's) back into the form. */
export function fromScenario(scenario: Scenario): ScenarioDraft {
  const base = emptyDraft(scenario.agentKey);
  const p = scenario.prompts;
  return {
    ...base,
    name: scenario.name,
    qualifier: scenario.qualifier,
    promptKind: p.kind,
    prompts: p.kind === 'list' ? [...p.prompts, ''] : base.prompts,
    file: p.kind === 'file' ? { fileName: p.fileName, content: p.content } : null,
    template: p.kind === 'template' ? p.template : base.template,
    variables: p.kind === 'template' ? Object.entries(p.variables).map(([name, values]) => ({ name, values: values.join('\n') })) : base.variables,
    payloadTemplate: scenario.payloadTemplate ?? null,
    users: text(scenario.users),
    rampUpSeconds: text(scenario.rampUpSeconds),
    stopKind: scenario.stop.kind,
    durationSeconds: scenario.stop.kind === 'duration' ? text(scenario.stop.seconds) : base.durationSeconds,
    requestCount: scenario.stop.kind === 'requests' ? text(scenario.stop.count) : base.requestCount,
    thinkTimeMs: text(scenario.thinkTimeMs),
    sessionPer: scenario.sessionPer,
    timeoutSeconds: text(scenario.timeoutMs / 1000),
    acceptance: scenario.acceptance.map((row) => ({ users: text(row.users), latencySeconds: text(row.latencyMs / 1000), successPct: text(row.successPct) })),
  };
}

export const draftFromSaved = (saved: SavedScenario): ScenarioDraft => fromScenario(saved.scenario);

/** Field errors keyed as the form names its fields: `users`, `stop`, `prompts`, `acceptance.2.latencySeconds`… */
export type FieldErrors = Readonly<Record<string, string>>;

const ACCEPTANCE_FIELDS: Record<string, string> = { users: 'users', latencyMs: 'latencySeconds', successPct: 'successPct' };

/** A contract path (`users`, `stop.seconds`, `acceptance.0.latencyMs`, `prompts.variables.x`) → the form field that shows it. */
export function fieldOf(path: readonly PropertyKey[]): string {
  const [head, second, third] = path.map(String);
  if (head === 'acceptance' && second !== undefined && third !== undefined) return `acceptance.${second}.${ACCEPTANCE_FIELDS[third] ?? third}`;
  if (head === 'acceptance') return 'acceptance';
  if (head === 'timeoutMs') return 'timeoutSeconds';
  return head ?? 'form';
}

/** Friendlier words for the issues the schema leaves to zod's defaults. */
const issueWords: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type' && issue.expected === 'number') return 'Enter a number';
  if (issue.code === 'too_small' && issue.origin === 'number') return `At least ${String(issue.minimum)}`;
  if (issue.code === 'too_big' && issue.origin === 'number') return `At most ${String(issue.maximum)}`;
  if (issue.code === 'invalid_type' && issue.expected === 'int') return 'Enter a whole number';
  if (issue.code === 'too_small' && issue.origin === 'string') return 'Required';
  return undefined;
};

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,39}$/;

function draftIssues(draft: ScenarioDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!draft.agentKey) errors.agentKey = 'Choose an agent runtime';
  if (draft.promptKind === 'file' && !draft.file) errors.prompts = 'Choose a prompt file';
  const names = draft.variables.map((v) => v.name.trim());
  if (draft.promptKind === 'template') {
    if (names.some((n) => !VARIABLE_NAME.test(n))) errors.prompts = 'Variable names are letters, digits and _, not starting with a digit';
    else if (new Set(names).size !== names.length) errors.prompts = 'Each variable needs its own name';
  }
  return errors;
}

export interface DraftCheck {
  scenario: Scenario | null;
  errors: FieldErrors;
}

export function checkDraft(draft: ScenarioDraft): DraftCheck {
  const parsed = scenarioSchema.safeParse(toScenarioInput(draft), { error: issueWords });
  const errors: Record<string, string> = {};
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const field = fieldOf(issue.path);
      errors[field] ??= issue.message;
    }
  Object.assign(errors, draftIssues(draft));
  return { scenario: parsed.success && Object.keys(errors).length === 0 ? parsed.data : null, errors };
}
