/**
 * AWS profiles and IAM Identity Center sign-in as the renderer sees them:
 * names, kinds, regions, SSO start URLs, account ids, role names, expiry
 * times and user codes. Never keys, tokens, device codes or client secrets —
 * those stay in main.
 */
import { z } from 'zod';
import { command, event, query } from './contract-kit';

export const profileKinds = ['sso', 'sso-legacy', 'static', 'process', 'assume-role', 'env', 'unknown'] as const;
export type ProfileKind = (typeof profileKinds)[number];

/** A problem found in the shared config/credentials files; `file` and `line` point at the cause when known. */
export interface ConfigProblem {
  /** MalformedLine | MissingSsoSession | MissingSetting | MissingSourceProfile | SourceProfileCycle | NoCredentials | UnknownProfile … */
  code: string;
  message: string;
  file?: string;
  line?: number;
}

/**
 * - signed-in: an SSO token is cached and valid (or credentials need no sign-in and are complete: see `signInRequired`)
 * - expired: the SSO token expired and could not be refreshed; sign in again
 * - not-signed-in: SSO profile with no cached token
 * - error: the profile's configuration is broken (see `problems`)
 */
export type ProfileStatus = 'signed-in' | 'expired' | 'not-signed-in' | 'error';

export interface ProfileSso {
  startUrl: string;
  /** The SSO region (where Identity Center lives), not the profile's working region. */
  region?: string;
  /** Set for `sso_session` profiles; absent for legacy ones. */
  sessionName?: string;
  accountId?: string;
  roleName?: string;
}

export interface ProfileSummary {
  name: string;
  kind: ProfileKind;
  /** True for the profile `AWS_PROFILE` names (or `default`). */
  isDefault: boolean;
  region?: string;
  sso?: ProfileSso;
  /** assume-role profiles: the role and where its base credentials come from. */
  roleArn?: string;
  sourceProfile?: string;
  /** Only SSO profiles need (and offer) a sign-in. */
  signInRequired: boolean;
  status: ProfileStatus;
  /** SSO token expiry, epoch ms. */
  expiresAt?: number;
  /** Whole seconds left on the SSO token at the time of the answer (0 when expired). */
  secondsLeft?: number;
  /** A sign-in waiting for approval in the browser, if any. */
  pendingSignIn?: SignInStarted;
  problems: ConfigProblem[];
}

export interface ProfilesList {
  profiles: ProfileSummary[];
  /** Problems not tied to one profile (a malformed line before any section, an unreadable file, AWS_PROFILE naming nothing). */
  problems: ConfigProblem[];
  files: { config: string; credentials: string };
  /** Epoch ms the answer was computed at, for `secondsLeft`. */
  at: number;
}

/** What the renderer shows while the person approves the sign-in in the browser. */
export interface SignInStarted {
  profile: string;
  /** Not a secret: the person compares it with the code the browser shows. */
  userCode: string;
  verificationUri: string;
  /** verificationUri with the user code filled in (what main opened). */
  verificationUriComplete?: string;
  /** When the code stops working, epoch ms. */
  expiresAt: number;
}

export type AuthState = 'pending' | 'signed-in' | 'failed' | 'cancelled' | 'expired' | 'signed-out';

/** Pushed as `auth.changed` for every profile a sign-in, refresh, expiry or sign-out touches. */
export interface AuthChanged {
  profile: string;
  state: AuthState;
  /** pending: the code to show. */
  userCode?: string;
  verificationUri?: string;
  /** signed-in: token expiry; pending: code expiry. Epoch ms. */
  expiresAt?: number;
  /** failed: AccessDenied | CodeExpired | SignInFailed | …; expired: SessionExpired. */
  code?: string;
  reason?: string;
}

const profileName = z.string().min(1).max(128);
export const profileInputs = {
  list: z.object({}).strict(),
  profile: z.object({ profile: profileName }).strict(),
};

export const profilesContract = {
  methods: {
    /** Every profile of the shared AWS files with its sign-in status; no keys or tokens. */
    'profiles.list': query<ProfilesList>()(profileInputs.list),
    /** Starts an IAM Identity Center device sign-in and opens the browser; progress arrives as auth.changed. */
    'auth.signIn': command<SignInStarted>()(profileInputs.profile),
    'auth.cancel': command<{ cancelled: boolean }>()(profileInputs.profile),
    /** Like `aws sso logout` for the profile's SSO session: revokes the token and deletes its shared cache file. */
    'auth.signOut': command<{ signedOut: string[] }>()(profileInputs.profile),
  },
  events: {
    'auth.changed': event<AuthChanged>(),
  },
} as const;
