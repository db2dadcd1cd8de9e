/**
 * Sign-in progress per profile, as the dialog shows it. Pure: the store in
 * sign-in-store.ts feeds it the `auth.signIn` answer and `auth.changed` events.
 */
import type { AuthChanged, SignInStarted } from '../../../../shared/profiles';

export type SignInPhase = 'starting' | 'pending' | 'signed-in' | 'failed' | 'cancelled' | 'signed-out';

export interface SignInProgress {
  profile: string;
  phase: SignInPhase;
  userCode?: string;
  verificationUri?: string;
  verificationUriComplete?: string;
  /** pending: when the code stops working; signed-in: token expiry. Epoch ms. */
  expiresAt?: number;
  /** failed: a specific reason and code to show. */
  error?: { code?: string; message: string };
}

export type SignInState = Readonly<Record<string, SignInProgress>>;

export const startSignIn = (state: SignInState, profile: string): SignInState => ({ ...state, [profile]: { profile, phase: 'starting' } });

export function signInStarted(state: SignInState, started: SignInStarted): SignInState {
  const current = state[started.profile];
  // An auth.changed that already finished the sign-in wins over the (slower) call answer.
  if (current && current.phase !== 'starting' && current.phase !== 'pending') return state;
  return {
    ...state,
    [started.profile]: {
      profile: started.profile,
      phase: 'pending',
      userCode: started.userCode,
      verificationUri: started.verificationUri,
      verificationUriComplete: started.verificationUriComplete,
      expiresAt: started.expiresAt,
    },
  };
}

export const signInFailed = (state: SignInState, profile: string, message: string, code?: string): SignInState => ({
  ...state,
  [profile]: { ...(state[profile] ?? { profile }), phase: 'failed', error: { code, message } },
});

const phaseOf: Record<AuthChanged['state'], SignInPhase> = {
  pending: 'pending',
  'signed-in': 'signed-in',
  failed: 'failed',
  cancelled: 'cancelled',
  // A token that expires mid-flow ends the flow as a failure the person can retry.
  expired: 'failed',
  'signed-out': 'signed-out',
};

export function applyAuthChange(state: SignInState, change: AuthChanged): SignInState {
  const current = state[change.profile];
  // Refreshes and expiries of profiles nobody is signing in to are the profile list's business, not the dialog's.
  if (!current && change.state !== 'pending') return state;
  const phase = phaseOf[change.state];
  const next: SignInProgress = { ...(current ?? { profile: change.profile }), phase };
  if (change.state === 'pending') {
    if (change.userCode) next.userCode = change.userCode;
    if (change.verificationUri) next.verificationUri = change.verificationUri;
  }
  if (change.expiresAt !== undefined) next.expiresAt = change.expiresAt;
  if (phase === 'failed')
    next.error = { code: change.code, message: change.reason ?? (change.state === 'expired' ? 'The session expired.' : 'Sign-in failed.') };
  else delete next.error;
  return { ...state, [change.profile]: next };
}

export const isSignInActive = (progress: SignInProgress | undefined): boolean =>
  progress !== undefined && (progress.phase === 'starting' || progress.phase === 'pending');
