import { describe, expect, it } from 'vitest';
import { checkDraft, emptyDraft, fieldOf, fromScenario, SEED_ACCEPTANCE, type ScenarioDraft } from './scenario-draft';

const agent = 'demo|us-east-1|runtime|sre_supervisor-abc';
const valid = (patch: Partial<ScenarioDraft> = {}): ScenarioDraft => ({ ...emptyDraft(agent), name: 'Seed', prompts: ['Why is checkout slow?', ''], ...patch });

describe('checkDraft', () => {
  it('builds the contract scenario from a filled form, seconds as ms and the empty prompt row left out', () => {
    const { scenario, errors } = checkDraft(valid({ timeoutSeconds: '2.5', acceptance: [...SEED_ACCEPTANCE] }));
    expect(errors).toEqual({});
    expect(scenario?.prompts).toEqual({ kind: 'list', prompts: ['Why is checkout slow?'] });
    expect(scenario?.timeoutMs).toBe(2500);
    expect(scenario?.acceptance.map((r) => [r.users, r.latencyMs, r.successPct])).toEqual([
      [10, 2000, 100],
      [50, 5000, 100],
      [100, 10_000, 99],
      [200, 15_000, 98],
    ]);
    expect(scenario?.payloadTemplate).toBeUndefined();
  });

  it('names zero users and an empty prompt set at their fields, and gives no scenario', () => {
    const { scenario, errors } = checkDraft(valid({ users: '0', prompts: [''] }));
    expect(scenario).toBeNull();
    expect(errors.users).toBe('At least one virtual user');
    expect(errors.prompts).toBe('Add at least one prompt');
  });

  it('says what is wrong with blank, fractional and over-the-cap numbers', () => {
    const { errors } = checkDraft(valid({ rampUpSeconds: '', thinkTimeMs: '1.5', stopKind: 'duration', durationSeconds: '7200', users: '501' }));
    expect(errors.rampUpSeconds).toBe('Enter a number');
    expect(errors.thinkTimeMs).toBe('Enter a whole number');
    expect(errors.stop).toBe('At most 3600 s');
    expect(errors.users).toBe('At most 500 virtual users');
  });

  it('points an acceptance issue at its row and column', () => {
    const { errors } = checkDraft(valid({ acceptance: [{ users: '10', latencySeconds: '2', successPct: '101' }] }));
    expect(errors['acceptance.0.successPct']).toBe('At most 100');
  });

  it('asks for an agent, a file, and valid variable names', () => {
    expect(checkDraft(valid({ agentKey: null })).errors.agentKey).toBe('Choose an agent runtime');
    expect(checkDraft(valid({ promptKind: 'file', file: null })).errors.prompts).toBe('Choose a prompt file');
    expect(checkDraft(valid({ promptKind: 'template', variables: [{ name: '1x', values: 'a' }] })).errors.prompts).toMatch(/Variable names/);
    expect(
      checkDraft(
        valid({
          promptKind: 'template',
          variables: [
            { name: 'x', values: 'a' },
            { name: 'x', values: 'b' },
          ],
        }),
      ).errors.prompts,
    ).toMatch(/own name/);
  });

  it('round-trips a scenario through the form', () => {
    const { scenario } = checkDraft(valid({ promptKind: 'template', stopKind: 'requests', requestCount: '40', payloadTemplate: '{"prompt": "{{prompt}}"}' }));
    expect(scenario).not.toBeNull();
    expect(checkDraft(fromScenario(scenario!)).scenario).toEqual(scenario);
  });
});

describe('fieldOf', () => {
  it('maps contract paths to form fields', () => {
    expect(fieldOf(['stop', 'seconds'])).toBe('stop');
    expect(fieldOf(['timeoutMs'])).toBe('timeoutSeconds');
    expect(fieldOf(['acceptance', 1, 'latencyMs'])).toBe('acceptance.1.latencySeconds');
    expect(fieldOf(['prompts', 'content'])).toBe('prompts');
  });
});
