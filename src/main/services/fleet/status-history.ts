/**
 * Every status change the fleet poller sees, with the resource's name and
 * AWS's reason, kept 30 days for the war room's timeline. It watches the
 * fleet's diffs and keeps the last status it saw per resource, so a change
 * is recorded once whichever poll (full or fast lane) noticed it. A resource
 * that leaves a cell still watched was deleted (`DELETED`); one whose cell
 * is no longer watched just left the view and is not recorded. A cell's
 * first poll is what the console finds, not a change, so its resources are
 * not recorded as new.
 */
import type { FleetDiff, FleetResource } from '../../../shared/fleet';
import type { Db } from '../store/database';

export const DELETED_STATUS = 'DELETED';
export const HISTORY_DAYS = 30;
const DAY_MS = 86_400_000;
const PRUNE_EVERY_MS = 3_600_000;

export interface StatusChange {
  id: number;
  resourceKey: string;
  name: string;
  from: string | null;
  to: string;
  reason: string | null;
  at: number;
}

interface Seen {
  name: string;
  status: string;
  cell: string;
}

const cellOf = (r: { profile: string; region: string }): string => `${r.profile}|${r.region}`;

export class StatusHistory {
  private readonly seen = new Map<string, Seen>();
  private readonly knownCells = new Set<string>();
  private readonly insert;
  private lastPrune = 0;

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {
    this.insert = db.prepare<[string, string, number, string | null, string, string | null]>(
      'INSERT INTO fleet_status_history (resource_key, name, at, from_status, to_status, reason) VALUES (?, ?, ?, ?, ?, ?)',
    );
  }

  /** What the fleet holds before its first poll (the cache), so a restart does not record the cached fleet as new. */
  seed(resources: Iterable<FleetResource>): void {
    for (const r of resources) {
      this.seen.set(r.key, { name: r.name, status: r.status, cell: cellOf(r) });
      this.knownCells.add(cellOf(r));
    }
  }

  observe(diff: FleetDiff): void {
    const rows: Array<Omit<StatusChange, 'id'>> = [];
    for (const r of diff.upserted) {
      const before = this.seen.get(r.key);
      this.seen.set(r.key, { name: r.name, status: r.status, cell: cellOf(r) });
      if (before ? before.status === r.status : !this.knownCells.has(cellOf(r))) continue;
      rows.push({ resourceKey: r.key, name: r.name, from: before?.status ?? null, to: r.status, reason: r.failureReason ?? null, at: diff.asOf });
    }
    const watched = new Set(diff.cells.map(cellOf));
    for (const key of diff.removed) {
      const before = this.seen.get(key);
      this.seen.delete(key);
      if (!before || !watched.has(before.cell)) continue;
      rows.push({ resourceKey: key, name: before.name, from: before.status, to: DELETED_STATUS, reason: 'No longer listed by AgentCore', at: diff.asOf });
    }
    for (const c of diff.cells) if (c.state === 'ok') this.knownCells.add(cellOf(c));
    for (const c of [...this.knownCells]) if (!watched.has(c)) this.knownCells.delete(c);
    if (rows.length === 0) return;
    this.db.transaction(() => {
      for (const r of rows) this.insert.run(r.resourceKey, r.name, r.at, r.from, r.to, r.reason);
    })();
    this.prune();
  }

  private prune(): void {
    const now = this.now();
    if (now - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = now;
    this.db.prepare('DELETE FROM fleet_status_history WHERE at < ?').run(now - HISTORY_DAYS * DAY_MS);
  }
}

/** The recorded changes of these resources in [from, to), oldest first. */
export function statusChanges(db: Db, keys: readonly string[], from: number, to: number): StatusChange[] {
  if (keys.length === 0) return [];
  const wanted = new Set(keys);
  return db
    .prepare<
      [number, number],
      { id: number; resource_key: string; name: string; at: number; from_status: string | null; to_status: string; reason: string | null }
    >('SELECT id, resource_key, name, at, from_status, to_status, reason FROM fleet_status_history WHERE at >= ? AND at < ? ORDER BY at, id')
    .all(from, to)
    .filter((r) => wanted.has(r.resource_key))
    .map((r) => ({ id: r.id, resourceKey: r.resource_key, name: r.name, from: r.from_status, to: r.to_status, reason: r.reason, at: r.at }));
}

/** The name a resource last had, for one that has left the fleet. */
export function lastKnownName(db: Db, key: string): string | undefined {
  return db.prepare<[string], { name: string }>('SELECT name FROM fleet_status_history WHERE resource_key = ? ORDER BY at DESC, id DESC LIMIT 1').get(key)
    ?.name;
}
