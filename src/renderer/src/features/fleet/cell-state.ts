/** What the polling cells say about the fleet: failed cells one by one, paused (expired sign-in) cells per profile. */
import type { FleetCell } from '../../../../shared/fleet';

export interface PausedProfile {
  profile: string;
  regions: string[];
  /** The most recent successful poll of any of its cells, epoch ms. */
  lastPolledAt?: number;
  /** Why polling stopped: an expired or absent SSO session (the banner then offers Sign in), or something else. */
  reason: 'session-expired' | 'not-signed-in' | 'other';
  message?: string;
}

/** Paused cells grouped by profile, so an expired profile gets one banner however many regions it watches. */
export function pausedProfiles(cells: readonly FleetCell[]): PausedProfile[] {
  const byProfile = new Map<string, PausedProfile>();
  for (const cell of cells) {
    if (cell.state !== 'paused') continue;
    let entry = byProfile.get(cell.profile);
    if (!entry) {
      entry = { profile: cell.profile, regions: [], reason: 'other' };
      byProfile.set(cell.profile, entry);
    }
    entry.regions.push(cell.region);
    if (cell.error?.code === 'SessionExpired') entry.reason = 'session-expired';
    else if (cell.error?.code === 'NotSignedIn' && entry.reason === 'other') entry.reason = 'not-signed-in';
    if (cell.error?.message && !entry.message) entry.message = cell.error.message;
    if (cell.polledAt !== undefined) entry.lastPolledAt = Math.max(entry.lastPolledAt ?? 0, cell.polledAt);
  }
  return [...byProfile.values()].map((p) => ({ ...p, regions: p.regions.sort() })).sort((a, b) => a.profile.localeCompare(b.profile));
}

export const failedCells = (cells: readonly FleetCell[]): FleetCell[] =>
  cells.filter((cell) => cell.state === 'error').sort((a, b) => a.profile.localeCompare(b.profile) || a.region.localeCompare(b.region));

/** The cache line: while the snapshot is from the cache, say so and that a poll is running. */
export function freshnessLabel(asOf: number | null, fromCache: boolean, clock: (ms: number) => string): { text: string; cached: boolean } | null {
  if (asOf === null) return null;
  return fromCache ? { text: `Showing cached fleet from ${clock(asOf)} — refreshing…`, cached: true } : { text: `As of ${clock(asOf)}`, cached: false };
}
