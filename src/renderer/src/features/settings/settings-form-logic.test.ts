import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../shared/errors';
import { defaultSettings } from '../../../../shared/settings';
import { draftFrom, patchFrom } from './settings-draft';
import { describeIssues, issuesByField } from './validation-issues';

describe('issuesByField', () => {
  it('groups main’s zod issues by field, with the list index when there is one', () => {
    const error = new ApiError('invalid_input', 'Invalid input for settings.set', {
      issues: [
        { path: 'watchedRegions.1', message: 'not an AWS region name' },
        { path: 'pollIntervalSeconds', message: 'Too small: expected number to be >=5' },
      ],
    });
    expect(issuesByField(error)).toEqual({
      watchedRegions: [{ index: 1, message: 'not an AWS region name' }],
      pollIntervalSeconds: [{ index: null, message: 'Too small: expected number to be >=5' }],
    });
  });

  it('returns nothing for other errors or unexpected details', () => {
    expect(issuesByField(new ApiError('internal', 'boom'))).toEqual({});
    expect(issuesByField(new ApiError('invalid_input', 'x', { issues: 'nope' }))).toEqual({});
    expect(issuesByField(new Error('x'))).toEqual({});
  });
});

describe('describeIssues', () => {
  it('names the offending list item by value', () => {
    expect(describeIssues([{ index: 1, message: 'not an AWS region name' }], ['us-east-1', 'eu-west'])).toBe('“eu-west”: not an AWS region name');
    expect(describeIssues(undefined)).toBeUndefined();
  });
});

describe('patchFrom', () => {
  it('sends only what changed, and the poll interval as typed', () => {
    const draft = { ...draftFrom(defaultSettings), theme: 'dark' as const, pollIntervalText: '4', watchedRegions: ['us-east-1'] };
    expect(patchFrom(draft, defaultSettings)).toEqual({ theme: 'dark', pollIntervalSeconds: 4, watchedRegions: ['us-east-1'] });
    expect(patchFrom(draftFrom(defaultSettings), defaultSettings)).toEqual({});
  });

  it('sends the log buffer as typed, so main judges a blank or a typo', () => {
    expect(patchFrom({ ...draftFrom(defaultSettings), logBufferText: '250000' }, defaultSettings)).toEqual({ logBufferLines: 250_000 });
    expect(patchFrom({ ...draftFrom(defaultSettings), logBufferText: ' ' }, defaultSettings).logBufferLines).toBeNaN();
    expect(patchFrom({ ...draftFrom(defaultSettings), logBufferText: '100000' }, defaultSettings)).toEqual({});
  });
});
