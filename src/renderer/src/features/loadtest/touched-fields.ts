/**
 * Which field errors the form shows: those of fields the user has changed
 * (a fresh form is not a wall of red), all of them once a scenario is
 * loaded. The rest are listed beside Start, so it is never unclear why it
 * stays disabled.
 */
import type { FieldErrors, ScenarioDraft } from './scenario-draft';

/** The error key a draft field's edits affect. */
const errorKeys: Record<keyof ScenarioDraft, string> = {
  name: 'name',
  agentKey: 'agentKey',
  qualifier: 'qualifier',
  promptKind: 'prompts',
  prompts: 'prompts',
  file: 'prompts',
  template: 'prompts',
  variables: 'prompts',
  payloadTemplate: 'payloadTemplate',
  users: 'users',
  rampUpSeconds: 'rampUpSeconds',
  stopKind: 'stop',
  durationSeconds: 'stop',
  requestCount: 'stop',
  thinkTimeMs: 'thinkTimeMs',
  sessionPer: 'sessionPer',
  timeoutSeconds: 'timeoutSeconds',
  acceptance: 'acceptance',
};

export const touchedBy = (patch: Partial<ScenarioDraft>): string[] => Object.keys(patch).map((key) => errorKeys[key as keyof ScenarioDraft]);

/** `acceptance` touched shows every row's errors. */
const isTouched = (key: string, touched: ReadonlySet<string>): boolean => touched.has(key) || (key.startsWith('acceptance.') && touched.has('acceptance'));

export function visibleErrors(errors: FieldErrors, touched: ReadonlySet<string> | 'all'): FieldErrors {
  if (touched === 'all') return errors;
  return Object.fromEntries(Object.entries(errors).filter(([key]) => isTouched(key, touched)));
}

const labels: Record<string, string> = {
  name: 'Scenario name',
  agentKey: 'Agent runtime',
  qualifier: 'Endpoint',
  prompts: 'Prompt set',
  payloadTemplate: 'Payload template',
  users: 'Virtual users',
  rampUpSeconds: 'Ramp-up',
  stop: 'Stage length',
  thinkTimeMs: 'Think time',
  timeoutSeconds: 'Request timeout',
  acceptance: 'Acceptance table',
};

/** "Scenario name: Name the scenario" per error, acceptance rows as "Acceptance row 2". */
export function errorList(errors: FieldErrors): string[] {
  return Object.entries(errors).map(([key, message]) => {
    const row = /^acceptance\.(\d+)\./.exec(key);
    const label = row ? `Acceptance row ${Number(row[1]) + 1}` : (labels[key] ?? key);
    return `${label}: ${message}`;
  });
}
