/**
 * `profiles.list`: every profile of the shared files (re-read on each call, so
 * an edit or a CLI sign-in shows without a restart) with its sign-in status.
 * Builds the renderer's view field by field from the resolved profile, so
 * nothing secret can ride along.
 */
import type { ProfileStatus, ProfileSummary, ProfilesList } from '../../../shared/profiles';
import { readProfiles, type ProfileCatalogSnapshot, type ResolvedProfile } from './profile-catalog';
import type { SsoAuthService } from './sso-auth-service';

export interface ProfilesServiceOptions {
  env: NodeJS.ProcessEnv;
  now?: () => number;
}

export class ProfilesService {
  private readonly now: () => number;

  constructor(private readonly options: ProfilesServiceOptions) {
    this.now = options.now ?? Date.now;
  }

  catalog(): ProfileCatalogSnapshot {
    return readProfiles(this.options.env);
  }

  list(auth: Pick<SsoAuthService, 'status' | 'pendingSignIn'>): ProfilesList {
    const catalog = this.catalog();
    const at = this.now();
    return { profiles: catalog.profiles.map((p) => summarize(p, auth, at)), problems: catalog.problems, files: catalog.paths, at };
  }
}

function summarize(profile: ResolvedProfile, auth: Pick<SsoAuthService, 'status' | 'pendingSignIn'>, at: number): ProfileSummary {
  const signInRequired = profile.sso !== undefined;
  const blocking = profile.problems.some((p) => p.code !== 'MalformedLine');
  const session = signInRequired && !blocking ? auth.status(profile) : undefined;
  // A malformed line inside the profile is listed but does not break it (the rest of its settings load).
  const status: ProfileStatus = blocking ? 'error' : (session?.state ?? 'signed-in');
  const pending = auth.pendingSignIn(profile);
  const summary: ProfileSummary = { name: profile.name, kind: profile.kind, isDefault: profile.isDefault, signInRequired, status, problems: profile.problems };
  if (profile.region) summary.region = profile.region;
  if (profile.sso) {
    const { startUrl, region, sessionName, accountId, roleName } = profile.sso;
    summary.sso = {
      startUrl,
      ...(region ? { region } : {}),
      ...(sessionName ? { sessionName } : {}),
      ...(accountId ? { accountId } : {}),
      ...(roleName ? { roleName } : {}),
    };
  }
  if (profile.roleArn) summary.roleArn = profile.roleArn;
  if (profile.sourceProfile) summary.sourceProfile = profile.sourceProfile;
  if (session?.expiresAt !== undefined) {
    summary.expiresAt = session.expiresAt;
    summary.secondsLeft = Math.max(0, Math.floor((session.expiresAt - at) / 1000));
  }
  if (pending) summary.pendingSignIn = { ...pending, profile: profile.name };
  return summary;
}
