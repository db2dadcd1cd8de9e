/** How profile kinds, statuses and token lifetimes read in Settings and the fleet's sign-in banners. */
import type { StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import type { ConfigProblem, ProfileKind, ProfileStatus, ProfileSummary } from '../../../../shared/profiles';

export const profileKindLabel: Record<ProfileKind, string> = {
  sso: 'IAM Identity Center',
  'sso-legacy': 'IAM Identity Center (legacy)',
  static: 'Access keys',
  process: 'Credential process',
  'assume-role': 'Assume role',
  env: 'Environment',
  unknown: 'Unknown',
};

export const profileStatusIndicator: Record<ProfileStatus, { type: StatusIndicatorProps.Type; label: string }> = {
  'signed-in': { type: 'success', label: 'Signed in' },
  expired: { type: 'warning', label: 'Session expired' },
  'not-signed-in': { type: 'stopped', label: 'Not signed in' },
  error: { type: 'error', label: 'Config error' },
};

/** Time left on an SSO token: "7 h 12 min left", "4 min left", "expired". */
export function formatTimeLeft(expiresAt: number | undefined, now: number): string | null {
  if (expiresAt === undefined) return null;
  const seconds = Math.floor((expiresAt - now) / 1000);
  if (seconds <= 0) return 'expired';
  if (seconds < 60) return 'less than a minute left';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min left`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours < 48) return rest ? `${hours} h ${rest} min left` : `${hours} h left`;
  return `${Math.floor(hours / 24)} d left`;
}

/**
 * "config:12 — Malformed line …": where to look first. The file is named by its base name (the full
 * path is in the files line above the table), and a message that already names the place is not
 * prefixed twice.
 */
export function describeProblem(problem: ConfigProblem): string {
  const short = problem.file?.split(/[\\/]/).pop() || undefined;
  const message = problem.file && short ? problem.message.split(problem.file).join(short) : problem.message;
  const where = short ? `${short}${problem.line !== undefined ? `:${problem.line}` : ''}` : null;
  if (!where || message.includes(where)) return message;
  return `${where} — ${message}`;
}

/** The "SSO" column: start URL, then account/role; the account id goes through the caller's identifier formatter. */
export function ssoSummary(
  profile: ProfileSummary,
  formatAccount: (accountId: string) => string = (id) => id,
): { startUrl: string; target: string | null } | null {
  if (!profile.sso) return null;
  const { accountId, roleName, startUrl } = profile.sso;
  const target = accountId || roleName ? [accountId ? formatAccount(accountId) : undefined, roleName].filter(Boolean).join(' / ') : null;
  return { startUrl, target };
}

/** Countdown for a device code: "9:41". */
export function formatCountdown(expiresAt: number, now: number): string {
  const seconds = Math.max(0, Math.floor((expiresAt - now) / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
