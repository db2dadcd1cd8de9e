/**
 * Settings persisted in SQLite as one JSON document. A stored value that is
 * not JSON or does not fit the schema is never silently dropped: it is copied
 * to a `settings.rejected-<time>` row, the valid fields are kept, defaults
 * fill the rest, and the caller gets a notice to show.
 */
import { settingsSchema, type Settings, type SettingsPatch } from '../../../shared/settings';
import type { Logger } from '../log/logger';
import type { Db, StoreNotice } from './database';

const KEY = 'settings';

export class SettingsStore {
  private readonly select;
  private readonly upsert;

  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {
    this.select = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
    this.upsert = db.prepare<[string, string, number]>(
      'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
    );
  }

  /** Reads settings; repairs (and reports) a malformed stored value. */
  load(): { settings: Settings; notices: StoreNotice[] } {
    const row = this.select.get(KEY);
    if (!row) return { settings: settingsSchema.parse({}), notices: [] };
    const problem = this.parseProblem(row.value);
    if (!problem.reason) return { settings: problem.settings, notices: [] };

    const rejectedKey = `${KEY}.rejected-${new Date(this.now()).toISOString()}`;
    this.db.transaction(() => {
      this.upsert.run(rejectedKey, row.value, this.now());
      this.upsert.run(KEY, JSON.stringify(problem.settings), this.now());
    })();
    this.logger.warn('stored settings were malformed; kept a copy and repaired', { reason: problem.reason, rejectedKey });
    return {
      settings: problem.settings,
      notices: [
        {
          level: 'warning',
          message: `Saved settings were malformed (${problem.reason}). Valid fields were kept, the rest reset to defaults; the original is kept as "${rejectedKey}".`,
        },
      ],
    };
  }

  get(): Settings {
    return this.load().settings;
  }

  update(patch: SettingsPatch): Settings {
    const next = settingsSchema.parse({ ...this.get(), ...patch });
    this.upsert.run(KEY, JSON.stringify(next), this.now());
    return next;
  }

  private parseProblem(raw: string): { settings: Settings; reason?: string } {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      return { settings: settingsSchema.parse({}), reason: `not valid JSON: ${(error as Error).message}` };
    }
    if (!json || typeof json !== 'object' || Array.isArray(json)) {
      return { settings: settingsSchema.parse({}), reason: 'not a JSON object' };
    }
    const whole = settingsSchema.safeParse(json);
    if (whole.success) return { settings: whole.data };
    // Keep every field that is valid on its own.
    const kept: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(json)) {
      if (key in settingsSchema.shape && settingsSchema.safeParse({ [key]: value }).success) kept[key] = value;
    }
    const reason = whole.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
    return { settings: settingsSchema.parse(kept), reason };
  }
}
