import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../log/logger';
import { DATABASE_FILE, migrate, openDatabase } from './database';
import { latestSchemaVersion, migrations } from './migrations';

const freshDir = (): string => mkdtempSync(join(tmpdir(), 'store-'));

describe('openDatabase', () => {
  it('creates a database at the latest schema with WAL and foreign keys on', () => {
    const dir = freshDir();
    const { db, notices } = openDatabase(dir, silentLogger);
    expect(notices).toEqual([]);
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('keeps data across reopen and does not re-run migrations', () => {
    const dir = freshDir();
    const first = openDatabase(dir, silentLogger).db;
    first.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('k', '1', 0)").run();
    first.close();
    const again = openDatabase(dir, silentLogger).db;
    expect(again.prepare("SELECT value FROM settings WHERE key = 'k'").get()).toEqual({ value: '1' });
    again.close();
  });

  it('moves a file that is not SQLite aside, keeps its bytes, and starts fresh', () => {
    const dir = freshDir();
    writeFileSync(join(dir, DATABASE_FILE), 'this is not a database, it is a shopping list');
    const { db, notices } = openDatabase(dir, silentLogger, () => Date.UTC(2026, 10, 28, 14, 2, 11));
    const aside = readdirSync(dir).find((name) => name.startsWith(`${DATABASE_FILE}.corrupt-`));
    expect(aside).toBe(`${DATABASE_FILE}.corrupt-2026-11-28T14-02-11-000Z`);
    expect(readFileSync(join(dir, aside as string), 'utf8')).toContain('shopping list');
    expect(notices[0]?.message).toMatch(/not an SQLite database.*moved to .*corrupt-.*nothing was deleted/);
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    db.close();
  });

  it('moves a database from a newer console aside instead of downgrading it', () => {
    const dir = freshDir();
    const newer = new Database(join(dir, DATABASE_FILE));
    newer.exec('CREATE TABLE future (x)');
    newer.pragma(`user_version = ${latestSchemaVersion + 5}`);
    newer.close();
    const { db, notices } = openDatabase(dir, silentLogger);
    expect(notices[0]?.message).toMatch(new RegExp(`schema version ${latestSchemaVersion + 5}, newer than`));
    const aside = readdirSync(dir).find((name) => name.includes('.corrupt-') && !name.endsWith('-wal') && !name.endsWith('-shm'));
    expect(aside && existsSync(join(dir, aside))).toBeTruthy();
    const kept = new Database(join(dir, aside as string), { readonly: true });
    expect(kept.pragma('user_version', { simple: true })).toBe(latestSchemaVersion + 5);
    kept.close();
    db.close();
  });
});

describe('migrations', () => {
  it('are numbered 1..n without gaps or duplicates', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('roll back a failing migration as a whole', () => {
    const db = new Database(':memory:');
    expect(() =>
      migrate(db, [
        { version: 1, name: 'ok', sql: 'CREATE TABLE a (x)' },
        { version: 2, name: 'broken', sql: 'CREATE TABLE b (x); CREATE TABLE b (x);' },
      ]),
    ).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'b'").get()).toBeUndefined();
  });
});

describe('native binding', () => {
  it('loads the addon it is given (the desktop app passes its Electron build)', () => {
    const addon = join(dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
    const { db } = openDatabase(freshDir(), silentLogger, Date.now, addon);
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    db.close();
  });

  it('names the fix, in one line, when the addon is missing or built for another runtime', () => {
    expect(() => openDatabase(freshDir(), silentLogger, Date.now, join(freshDir(), 'missing', 'better_sqlite3.node'))).toThrow(
      /better-sqlite3 is not built for Node .*npm rebuild better-sqlite3/,
    );
  });
});
