/**
 * The last-known fleet in SQLite, so the console opens instantly with the
 * fleet "as of" its last poll, and every status change becomes a timeline row.
 *
 * SQLite is synchronous on main's event loop. A first poll of a big cell
 * upserts thousands of rows (about 60 ms for 1,700 on these machines), so a
 * large diff is written in transactions of at most WRITE_CHUNK rows, one per
 * event-loop turn, queued so diffs land in the order they were made. The
 * as-of time is written with the last chunk: a crash midway leaves a cache
 * that claims to be older than it is, never newer.
 */
import type { FleetResource } from '../../../shared/fleet';
import type { Db } from '../store/database';

export interface StatusTransition {
  resourceKey: string;
  from: string | null;
  to: string;
  at: number;
}

const WRITE_CHUNK = 400;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class FleetCache {
  private queue: Promise<void> = Promise.resolve();
  private queued = 0;
  private readonly upsertStmt;
  private readonly deleteStmt;
  private readonly transitionStmt;
  private readonly asOfStmt;

  constructor(private readonly db: Db) {
    this.upsertStmt = db.prepare<[string, string, string, string, string, string, number]>(
      `INSERT INTO fleet_resources (key, kind, profile, region, status, json, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET status = excluded.status, json = excluded.json, seen_at = excluded.seen_at`,
    );
    this.deleteStmt = db.prepare<[string]>('DELETE FROM fleet_resources WHERE key = ?');
    this.transitionStmt = db.prepare<[string, string | null, string, number]>(
      'INSERT INTO fleet_transitions (resource_key, from_status, to_status, at) VALUES (?, ?, ?, ?)',
    );
    this.asOfStmt = db.prepare<[number]>('INSERT INTO fleet_meta (id, as_of) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET as_of = excluded.as_of');
  }

  load(): { resources: FleetResource[]; asOf: number | null } {
    const rows = this.db.prepare<[], { json: string }>('SELECT json FROM fleet_resources').all();
    const meta = this.db.prepare<[], { as_of: number }>('SELECT as_of FROM fleet_meta WHERE id = 1').get();
    return { resources: rows.map((row) => JSON.parse(row.json) as FleetResource), asOf: meta?.as_of ?? null };
  }

  /**
   * Applies one poll's diff. A small diff with nothing queued is written at
   * once (one transaction); a large one in chunks across event-loop turns.
   * The promise settles when it is on disk.
   */
  apply(upserted: FleetResource[], removed: string[], transitions: StatusTransition[], asOf: number): Promise<void> {
    if (this.queued === 0 && upserted.length <= WRITE_CHUNK) {
      this.writeChunk(upserted, removed, transitions, asOf, true);
      return Promise.resolve();
    }
    this.queued++;
    const write = this.queue.then(async () => {
      try {
        for (let start = 0; start + WRITE_CHUNK < upserted.length; start += WRITE_CHUNK) {
          this.writeChunk(upserted.slice(start, start + WRITE_CHUNK), [], [], asOf, false);
          await nextTurn();
        }
        this.writeChunk(upserted.slice(Math.floor((upserted.length - 1) / WRITE_CHUNK) * WRITE_CHUNK), removed, transitions, asOf, true);
      } finally {
        this.queued--;
      }
    });
    this.queue = write.catch(() => undefined);
    return write;
  }

  /** Settles once every queued write is on disk (shutdown waits for it). */
  flushed(): Promise<void> {
    return this.queue;
  }

  /** The last chunk of a diff (`last`) also stores its removals, transitions and as-of time. */
  private writeChunk(upserted: FleetResource[], removed: string[], transitions: StatusTransition[], asOf: number, last: boolean): void {
    this.db.transaction(() => {
      for (const r of upserted) this.upsertStmt.run(r.key, r.kind, r.profile, r.region, r.status, JSON.stringify(r), asOf);
      for (const key of removed) this.deleteStmt.run(key);
      for (const t of transitions) this.transitionStmt.run(t.resourceKey, t.from, t.to, t.at);
      if (last) this.asOfStmt.run(asOf);
    })();
  }

  timeline(resourceKey: string, limit = 100): StatusTransition[] {
    return this.db
      .prepare<[string, number], { from_status: string | null; to_status: string; at: number }>(
        'SELECT from_status, to_status, at FROM fleet_transitions WHERE resource_key = ? ORDER BY at DESC, id DESC LIMIT ?',
      )
      .all(resourceKey, limit)
      .map((row) => ({ resourceKey, from: row.from_status, to: row.to_status, at: row.at }));
  }
}
