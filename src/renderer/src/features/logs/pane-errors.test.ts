import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../shared/errors';
import { filterErrorText, isFilterError } from './pane-errors';

describe('pane errors', () => {
  it('puts AWS’s answer to a bad pattern at the field, and other failures on the pane', () => {
    const bad = new ApiError('aws_error', 'Invalid character(s) in term "{"', { awsCode: 'InvalidParameterException' });
    expect(isFilterError(bad, '{ bad')).toBe(true);
    expect(isFilterError(bad, '')).toBe(false);
    expect(isFilterError(new ApiError('aws_error', 'Rate exceeded', { awsCode: 'ThrottlingException' }), 'x')).toBe(false);
    expect(isFilterError(new ApiError('internal', 'boom'), 'x')).toBe(false);
    const zod = new ApiError('invalid_input', 'Invalid input for logs.tail', { issues: [{ path: 'filterPattern', message: 'at most 1024 characters' }] });
    expect(isFilterError(zod, 'x')).toBe(true);
    expect(filterErrorText(zod)).toBe('at most 1024 characters');
    expect(filterErrorText(bad)).toBe('Invalid character(s) in term "{"');
  });
});
