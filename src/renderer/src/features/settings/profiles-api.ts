/** The renderer's view of profiles and sign-in: `profiles.list`, `auth.signIn` / `auth.cancel` / `auth.signOut`, and `auth.changed`. */
import type { AuthChanged, ProfilesList, SignInStarted } from '../../../../shared/profiles';
import { api } from '../../api';

export const profilesApi = {
  list: (): Promise<ProfilesList> => api.call('profiles.list', {}),
  signIn: (profile: string): Promise<SignInStarted> => api.call('auth.signIn', { profile }),
  cancel: (profile: string): Promise<unknown> => api.call('auth.cancel', { profile }),
  signOut: (profile: string): Promise<{ signedOut: string[] }> => api.call('auth.signOut', { profile }),
  onAuthChanged: (listener: (change: AuthChanged) => void): (() => void) => api.on('auth.changed', listener),
};
