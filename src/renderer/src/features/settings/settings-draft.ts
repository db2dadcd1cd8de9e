/** The settings form's draft and the patch it produces: only changed fields are sent. */
import type { Settings, SettingsPatch } from '../../../../shared/settings';

export interface SettingsDraft {
  theme: Settings['theme'];
  density: Settings['density'];
  /** Kept as typed, so main's validation (not a silent coercion) judges it. */
  pollIntervalText: string;
  watchedProfiles: string[];
  watchedRegions: string[];
}

export const draftFrom = (settings: Settings): SettingsDraft => ({
  theme: settings.theme,
  density: settings.density,
  pollIntervalText: String(settings.pollIntervalSeconds),
  watchedProfiles: [...settings.watchedProfiles],
  watchedRegions: [...settings.watchedRegions],
});

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((v, i) => v === b[i]);

export function patchFrom(draft: SettingsDraft, saved: Settings): SettingsPatch {
  const patch: SettingsPatch = {};
  if (draft.theme !== saved.theme) patch.theme = draft.theme;
  if (draft.density !== saved.density) patch.density = draft.density;
  const poll = draft.pollIntervalText.trim() === '' ? Number.NaN : Number(draft.pollIntervalText);
  if (poll !== saved.pollIntervalSeconds) patch.pollIntervalSeconds = poll;
  if (!sameList(draft.watchedProfiles, saved.watchedProfiles)) patch.watchedProfiles = draft.watchedProfiles;
  if (!sameList(draft.watchedRegions, saved.watchedRegions)) patch.watchedRegions = draft.watchedRegions;
  return patch;
}
