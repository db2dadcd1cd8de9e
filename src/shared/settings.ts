import { z } from 'zod';
import { command, event, query } from './contract-kit';

const fields = {
  theme: z.enum(['system', 'light', 'dark']),
  density: z.enum(['comfortable', 'compact']),
  pollIntervalSeconds: z.number().int().min(5).max(3600),
  watchedProfiles: z.array(z.string().min(1).max(128)).max(64),
  watchedRegions: z.array(z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'not an AWS region name')).max(32),
  /** A reply that sends nothing for this long is cut and kept as incomplete. */
  replyIdleTimeoutSeconds: z.number().int().min(5).max(3600),
  /** No reply may stream longer than this (AgentCore sessions can run for hours; a chat reply should not). */
  replyTotalTimeoutSeconds: z.number().int().min(10).max(28_800),
  /** Lines a log tail keeps before the oldest go (with a marker saying so). */
  logBufferLines: z.number().int().min(1_000).max(1_000_000),
  /** Screen sharing and demos: identifiers masked with consistent pseudonyms everywhere, larger type. */
  presentationMode: z.boolean(),
};

/** `settings.set` takes a partial update; unknown keys are rejected, not silently dropped. */
export const settingsPatchSchema = z.object(fields).partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/** Stored settings. Every field has a default, so a missing or older stored value still yields valid settings. */
export const settingsSchema = z.object({
  theme: fields.theme.default('system'),
  density: fields.density.default('comfortable'),
  pollIntervalSeconds: fields.pollIntervalSeconds.default(30),
  watchedProfiles: fields.watchedProfiles.default([]),
  watchedRegions: fields.watchedRegions.default([]),
  replyIdleTimeoutSeconds: fields.replyIdleTimeoutSeconds.default(300),
  replyTotalTimeoutSeconds: fields.replyTotalTimeoutSeconds.default(900),
  logBufferLines: fields.logBufferLines.default(100_000),
  presentationMode: fields.presentationMode.default(false),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = settingsSchema.parse({});

export const settingsContract = {
  methods: {
    'settings.get': query<Settings>()(z.object({}).strict()),
    'settings.set': command<Settings>()(settingsPatchSchema),
  },
  events: {
    'settings.changed': event<Settings>(),
  },
} as const;
