/**
 * Opens the console's SQLite database: WAL, foreign keys, busy timeout, and
 * numbered migrations in transactions. A file that is not a database, fails
 * its integrity check, or comes from a newer version of the console is moved
 * aside — kept, never deleted — and a fresh database is created, with a
 * notice the UI shows.
 */
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from '../log/logger';
import { latestSchemaVersion, migrations, type Migration } from './migrations';
import { describeNativeModuleError } from './native-module';

export type Db = Database.Database;

export interface StoreNotice {
  level: 'info' | 'warning' | 'error';
  message: string;
}

export interface OpenedDatabase {
  db: Db;
  path: string;
  notices: StoreNotice[];
}

export const DATABASE_FILE = 'console.db';

class UnusableDatabase extends Error {}

/**
 * @param nativeBinding better-sqlite3's compiled addon to load instead of the one in node_modules: the desktop
 * app passes a copy built for Electron's ABI (scripts/electron-sqlite.mjs), while node_modules keeps Node's.
 */
export function openDatabase(dataDir: string, logger: Logger, now: () => number = Date.now, nativeBinding?: string): OpenedDatabase {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, DATABASE_FILE);
  const notices: StoreNotice[] = [];
  const openAndMigrate = (file: string): Db => openAndMigrateWith(file, nativeBinding);
  try {
    return { db: openAndMigrate(path), path, notices };
  } catch (error) {
    if (!(error instanceof UnusableDatabase)) throw describeNativeModuleError(error);
    const aside = moveAside(path, now());
    const message = `The database ${path} could not be used (${error.message}). It was moved to ${aside} and a fresh database was created; nothing was deleted.`;
    logger.error('database moved aside', { path, aside, reason: error.message });
    notices.push({ level: 'warning', message });
    return { db: openAndMigrate(path), path, notices };
  }
}

/** Opens an in-memory database with the full schema (tests and benchmarks). */
export function openMemoryDatabase(): Db {
  const db = new Database(':memory:');
  configure(db);
  migrate(db, migrations);
  return db;
}

function openAndMigrateWith(path: string, nativeBinding: string | undefined): Db {
  let db: Db;
  try {
    db = new Database(path, nativeBinding ? { nativeBinding } : {});
  } catch (error) {
    throw classify(error);
  }
  try {
    configure(db);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > latestSchemaVersion) {
      throw new UnusableDatabase(
        `it has schema version ${version}, newer than this console's ${latestSchemaVersion}; it was written by a newer version of the console`,
      );
    }
    const check = db.pragma('quick_check', { simple: true }) as string;
    if (check !== 'ok') throw new UnusableDatabase(`integrity check failed: ${check}`);
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw classify(error);
  }
}

function configure(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
}

export function migrate(db: Db, list: Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const migration of [...list].sort((a, b) => a.version - b.version)) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

/** SQLite's own words for a file it cannot use; anything else is a bug and must surface as one. */
function classify(error: unknown): Error {
  if (error instanceof UnusableDatabase) return error;
  const code = (error as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT')) {
    return new UnusableDatabase(code === 'SQLITE_NOTADB' ? 'the file is not an SQLite database' : `the database is corrupt (${code})`);
  }
  return error instanceof Error ? error : new Error(String(error));
}

function moveAside(path: string, at: number): string {
  const stamp = new Date(at).toISOString().replace(/[:.]/g, '-');
  const aside = `${path}.corrupt-${stamp}`;
  renameSync(path, aside);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, aside + suffix);
  }
  return aside;
}
