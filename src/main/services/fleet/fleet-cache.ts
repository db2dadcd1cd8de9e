/**
 * The last-known fleet in SQLite, so the console opens instantly with the
 * fleet "as of" its last poll, and every status change becomes a timeline row.
 */
import type { FleetResource } from '../../../shared/fleet';
import type { Db } from '../store/database';

export interface StatusTransition {
  resourceKey: string;
  from: string | null;
  to: string;
  at: number;
}

export class FleetCache {
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

  /** Applies one poll's diff atomically. */
  apply(upserted: FleetResource[], removed: string[], transitions: StatusTransition[], asOf: number): void {
    this.db.transaction(() => {
      for (const r of upserted) this.upsertStmt.run(r.key, r.kind, r.profile, r.region, r.status, JSON.stringify(r), asOf);
      for (const key of removed) this.deleteStmt.run(key);
      for (const t of transitions) this.transitionStmt.run(t.resourceKey, t.from, t.to, t.at);
      this.asOfStmt.run(asOf);
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
