import { describe, expect, it } from 'vitest';
import { errorList, touchedBy, visibleErrors } from './touched-fields';

const errors = { name: 'Name the scenario', users: 'At least one virtual user', 'acceptance.1.successPct': 'At most 100' };

describe('visibleErrors', () => {
  it('shows only the errors of fields that were changed', () => {
    expect(visibleErrors(errors, new Set(touchedBy({ users: '0' })))).toEqual({ users: 'At least one virtual user' });
    expect(visibleErrors(errors, new Set(touchedBy({ acceptance: [] })))).toEqual({ 'acceptance.1.successPct': 'At most 100' });
  });

  it('shows every error of a loaded scenario', () => {
    expect(visibleErrors(errors, 'all')).toBe(errors);
  });

  it('maps the prompt source fields to the prompt set', () => {
    expect(touchedBy({ promptKind: 'file', file: null })).toEqual(['prompts', 'prompts']);
  });
});

describe('errorList', () => {
  it('names each field, acceptance rows by number', () => {
    expect(errorList(errors)).toEqual(['Scenario name: Name the scenario', 'Virtual users: At least one virtual user', 'Acceptance row 2: At most 100']);
  });
});
