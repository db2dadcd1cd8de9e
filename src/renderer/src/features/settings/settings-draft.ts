/** The settings form's draft and the patch it produces: only changed fields are sent. */
import type { Settings, SettingsPatch } from '../../../../shared/settings';

export interface SettingsDraft {
  theme: Settings['theme'];
  density: Settings['density'];
  /** Kept as typed, so main's validation (not a silent coercion) judges it. */
  pollIntervalText: string;
  watchedProfiles: string[];
  watchedRegions: string[];
  /** As typed, like the poll interval. */
  logBufferText: string;
}

export const draftFrom = (settings: Settings): SettingsDraft => ({
  theme: settings.theme,
  density: settings.density,
  pollIntervalText: String(settings.pollIntervalSeconds),
  watchedProfiles: [...settings.watchedProfiles],
  watchedRegions: [...settings.watchedRegions],
  logBufferText: String(settings.logBufferLines),
});

/** A number field as typed: blank is not zero, and a typo reaches main's validation (as NaN) rather than being dropped. */
const typedNumber = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((v, i) => v === b[i]);

export function patchFrom(draft: SettingsDraft, saved: Settings): SettingsPatch {
  const patch: SettingsPatch = {};
  if (draft.theme !== saved.theme) patch.theme = draft.theme;
  if (draft.density !== saved.density) patch.density = draft.density;
  const poll = typedNumber(draft.pollIntervalText);
  if (poll !== saved.pollIntervalSeconds) patch.pollIntervalSeconds = poll;
  const buffer = typedNumber(draft.logBufferText);
  if (buffer !== saved.logBufferLines) patch.logBufferLines = buffer;
  if (!sameList(draft.watchedProfiles, saved.watchedProfiles)) patch.watchedProfiles = draft.watchedProfiles;
  if (!sameList(draft.watchedRegions, saved.watchedRegions)) patch.watchedRegions = draft.watchedRegions;
  return patch;
}
