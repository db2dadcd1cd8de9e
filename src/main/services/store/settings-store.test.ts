import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../shared/settings';
import { silentLogger } from '../log/logger';
import { openMemoryDatabase } from './database';
import { SettingsStore } from './settings-store';

const write = (db: ReturnType<typeof openMemoryDatabase>, value: string): void => {
  db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('settings', ?, 0)").run(value);
};

describe('SettingsStore', () => {
  it('returns defaults when nothing is stored', () => {
    const store = new SettingsStore(openMemoryDatabase(), silentLogger);
    expect(store.load()).toEqual({ settings: defaultSettings, notices: [] });
  });

  it('persists a partial update and keeps the other fields', () => {
    const db = openMemoryDatabase();
    new SettingsStore(db, silentLogger).update({ theme: 'dark' });
    const reread = new SettingsStore(db, silentLogger).update({ density: 'compact' });
    expect(reread).toEqual({ ...defaultSettings, theme: 'dark', density: 'compact' });
  });

  it('repairs malformed JSON, keeps the original row, and says so', () => {
    const db = openMemoryDatabase();
    write(db, '{"theme": "dark",');
    const { settings, notices } = new SettingsStore(db, silentLogger, () => 0).load();
    expect(settings).toEqual(defaultSettings);
    expect(notices[0]?.message).toMatch(/not valid JSON/);
    const kept = db.prepare("SELECT value FROM settings WHERE key LIKE 'settings.rejected-%'").get() as { value: string };
    expect(kept.value).toBe('{"theme": "dark",');
  });

  it('keeps the valid fields of a stored value with one bad field', () => {
    const db = openMemoryDatabase();
    write(db, JSON.stringify({ theme: 'dark', pollIntervalSeconds: -4 }));
    const { settings, notices } = new SettingsStore(db, silentLogger).load();
    expect(settings.theme).toBe('dark');
    expect(settings.pollIntervalSeconds).toBe(defaultSettings.pollIntervalSeconds);
    expect(notices[0]?.message).toContain('pollIntervalSeconds');
  });
});
