/** One sign-in store for the whole renderer: the fleet's "Session expired" banner and Settings show the same flow. */
import { useSyncExternalStore } from 'react';
import { toApiError } from '../../state/api-error';
import { profilesApi } from './profiles-api';
import { applyAuthChange, signInFailed, signInStarted, startSignIn, type SignInState } from './sign-in-state';

let state: SignInState = {};
const listeners = new Set<() => void>();
let unsubscribe: (() => void) | null = null;

const set = (next: SignInState): void => {
  if (next === state) return;
  state = next;
  listeners.forEach((listener) => listener());
};

function ensureSubscribed(): void {
  if (unsubscribe) return;
  unsubscribe = profilesApi.onAuthChanged((change) => {
    // profiles.list is re-read on auth.changed through the query cache (state/event-patches.ts).
    set(applyAuthChange(state, change));
  });
}

export const signInStore = {
  get: (): SignInState => state,
  subscribe(listener: () => void): () => void {
    ensureSubscribed();
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  async signIn(profile: string): Promise<void> {
    ensureSubscribed();
    set(startSignIn(state, profile));
    try {
      set(signInStarted(state, await profilesApi.signIn(profile)));
    } catch (error) {
      const apiError = toApiError(error);
      const awsCode = typeof apiError.details?.awsCode === 'string' ? apiError.details.awsCode : apiError.code;
      set(signInFailed(state, profile, apiError.message, awsCode));
    }
  },
  async cancel(profile: string): Promise<void> {
    const { [profile]: _dropped, ...rest } = state;
    set(rest);
    await profilesApi.cancel(profile).catch(() => undefined);
  },
  /** Forget a finished flow (the dialog closed). */
  dismiss(profile: string): void {
    if (!state[profile]) return;
    const { [profile]: _dropped, ...rest } = state;
    set(rest);
  },
};

export const useSignInState = (): SignInState => useSyncExternalStore(signInStore.subscribe, signInStore.get);
