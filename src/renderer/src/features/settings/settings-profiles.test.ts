import { describe, expect, it } from 'vitest';
import type { ProfileSummary, ProfilesList } from '../../../../shared/profiles';
import { knownChoices } from './known-choices';
import { describeProblem, formatCountdown, formatTimeLeft, ssoSummary } from './profile-format';
import { applyAuthChange, isSignInActive, signInFailed, signInStarted, startSignIn } from './sign-in-state';

const profile = (name: string, extra: Partial<ProfileSummary> = {}): ProfileSummary => ({
  name,
  kind: 'sso',
  isDefault: false,
  signInRequired: true,
  status: 'not-signed-in',
  problems: [],
  ...extra,
});

describe('sign-in state', () => {
  const started = { profile: 'prod', userCode: 'ABCD-EFGH', verificationUri: 'https://device.sso/', expiresAt: 1000 };

  it('goes from starting to pending with the user code, then signed in from auth.changed', () => {
    let state = startSignIn({}, 'prod');
    expect(isSignInActive(state.prod)).toBe(true);
    state = signInStarted(state, started);
    expect(state.prod).toMatchObject({ phase: 'pending', userCode: 'ABCD-EFGH', verificationUri: 'https://device.sso/' });
    state = applyAuthChange(state, { profile: 'prod', state: 'signed-in', expiresAt: 9000 });
    expect(state.prod).toMatchObject({ phase: 'signed-in', expiresAt: 9000 });
    expect(isSignInActive(state.prod)).toBe(false);
  });

  it('keeps a finished flow when the call answers after the event', () => {
    let state = startSignIn({}, 'prod');
    state = applyAuthChange(state, { profile: 'prod', state: 'signed-in' });
    expect(signInStarted(state, started).prod?.phase).toBe('signed-in');
  });

  it('shows the specific failure reason and code', () => {
    let state = signInStarted(startSignIn({}, 'prod'), started);
    state = applyAuthChange(state, { profile: 'prod', state: 'failed', code: 'AccessDenied', reason: 'The request was denied in the browser.' });
    expect(state.prod?.error).toEqual({ code: 'AccessDenied', message: 'The request was denied in the browser.' });
    expect(signInFailed({}, 'dev', 'boom', 'MissingSsoSession').dev).toMatchObject({ phase: 'failed', error: { code: 'MissingSsoSession' } });
  });

  it('ignores refreshes of profiles nobody is signing in to, but picks up a pending flow started elsewhere', () => {
    expect(applyAuthChange({}, { profile: 'x', state: 'signed-in' })).toEqual({});
    expect(applyAuthChange({}, { profile: 'x', state: 'pending', userCode: 'WXYZ-1234' }).x).toMatchObject({ phase: 'pending', userCode: 'WXYZ-1234' });
  });
});

describe('profile format', () => {
  it('reads token lifetimes', () => {
    expect(formatTimeLeft(undefined, 0)).toBeNull();
    expect(formatTimeLeft(0, 1)).toBe('expired');
    expect(formatTimeLeft(30_000, 0)).toBe('less than a minute left');
    expect(formatTimeLeft(4 * 60_000 + 10, 0)).toBe('4 min left');
    expect(formatTimeLeft((7 * 60 + 12) * 60_000, 0)).toBe('7 h 12 min left');
    expect(formatTimeLeft(8 * 3600_000, 0)).toBe('8 h left');
    expect(formatTimeLeft(72 * 3600_000, 0)).toBe('3 d left');
  });

  it('points at the file and line of a problem', () => {
    expect(describeProblem({ code: 'MalformedLine', message: 'Malformed line', file: '/home/u/.aws/config', line: 12 })).toBe('config:12 — Malformed line');
    expect(describeProblem({ code: 'MalformedLine', message: '/home/u/.aws/config:12: expected "key = value"', file: '/home/u/.aws/config', line: 12 })).toBe(
      'config:12: expected "key = value"',
    );
    expect(describeProblem({ code: 'NoCredentials', message: 'No credentials' })).toBe('No credentials');
  });

  it('summarises SSO settings and counts a device code down', () => {
    expect(ssoSummary(profile('p', { sso: { startUrl: 'https://x.awsapps.com/start', accountId: '1111', roleName: 'Admin' } }))).toEqual({
      startUrl: 'https://x.awsapps.com/start',
      target: '1111 / Admin',
    });
    expect(ssoSummary(profile('p', { kind: 'static' }))).toBeNull();
    expect(formatCountdown(601_000, 0)).toBe('10:01');
    expect(formatCountdown(0, 5)).toBe('0:00');
  });
});

describe('known choices', () => {
  it('offers the profiles found and puts their regions first', () => {
    const list: ProfilesList = {
      profiles: [profile('prod', { region: 'eu-west-1' }), profile('dev', { region: 'us-east-1' })],
      problems: [],
      files: { config: 'c', credentials: 'k' },
      at: 0,
    };
    const choices = knownChoices(list, { kind: 'demo', label: 'Demo', endpoint: 'http://x', regions: ['us-west-2'] });
    expect(choices.profiles).toEqual(['dev', 'prod']);
    expect(choices.regions.slice(0, 3)).toEqual(['eu-west-1', 'us-east-1', 'us-west-2']);
    expect(new Set(choices.regions).size).toBe(choices.regions.length);
  });
});
