/**
 * The war room's rows in SQLite: named agent sets, incidents (at most one
 * open; the board's tiles as they were at its start and end) and the notes
 * people type during one.
 */
import type { AgentSet, BoardSelection, BoardTile, Incident, IncidentNote } from '../../../shared/warroom';
import type { Db } from '../store/database';

interface IncidentRow {
  id: number;
  title: string;
  started_at: number;
  ended_at: number | null;
  selection: string;
  start_tiles: string | null;
  end_tiles: string | null;
}

interface NoteRow {
  id: number;
  incident_id: number;
  at: number;
  author: string;
  text: string;
}

const toIncident = (r: IncidentRow): Incident => ({
  id: r.id,
  title: r.title,
  startedAt: r.started_at,
  endedAt: r.ended_at,
  selection: JSON.parse(r.selection) as BoardSelection,
  startTiles: r.start_tiles === null ? null : (JSON.parse(r.start_tiles) as BoardTile[]),
});

const toNote = (r: NoteRow): IncidentNote => ({ id: r.id, incidentId: r.incident_id, at: r.at, author: r.author, text: r.text });

export class WarRoomStore {
  constructor(private readonly db: Db) {}

  sets(): AgentSet[] {
    return this.db
      .prepare<[], { name: string; agent_keys: string; updated_at: number }>(
        'SELECT name, agent_keys, updated_at FROM warroom_sets ORDER BY name COLLATE NOCASE',
      )
      .all()
      .map((r) => ({ name: r.name, agentKeys: JSON.parse(r.agent_keys) as string[], updatedAt: r.updated_at }));
  }

  saveSet(name: string, agentKeys: string[], at: number): AgentSet {
    const keys = [...new Set(agentKeys)];
    this.db
      .prepare<[string, string, number]>(
        `INSERT INTO warroom_sets (name, agent_keys, updated_at) VALUES (?, ?, ?)
         ON CONFLICT(name) DO UPDATE SET agent_keys = excluded.agent_keys, updated_at = excluded.updated_at`,
      )
      .run(name, JSON.stringify(keys), at);
    return { name, agentKeys: keys, updatedAt: at };
  }

  deleteSet(name: string): boolean {
    return this.db.prepare<[string]>('DELETE FROM warroom_sets WHERE name = ?').run(name).changes > 0;
  }

  openIncident(): Incident | null {
    const row = this.db.prepare<[], IncidentRow>('SELECT * FROM warroom_incidents WHERE ended_at IS NULL ORDER BY id DESC LIMIT 1').get();
    return row ? toIncident(row) : null;
  }

  incident(id: number): Incident | null {
    const row = this.db.prepare<[number], IncidentRow>('SELECT * FROM warroom_incidents WHERE id = ?').get(id);
    return row ? toIncident(row) : null;
  }

  /** Ends the open incident (if any) at `at` and opens the new one, in one transaction. */
  startIncident(title: string, selection: BoardSelection, at: number): Incident {
    const id = this.db.transaction(() => {
      this.db.prepare<[number]>('UPDATE warroom_incidents SET ended_at = ? WHERE ended_at IS NULL').run(at);
      return Number(
        this.db
          .prepare<[string, number, string]>('INSERT INTO warroom_incidents (title, started_at, selection) VALUES (?, ?, ?)')
          .run(title, at, JSON.stringify(selection)).lastInsertRowid,
      );
    })();
    return this.incident(id)!;
  }

  endIncident(at: number): Incident | null {
    const open = this.openIncident();
    if (!open) return null;
    this.db.prepare<[number, number]>('UPDATE warroom_incidents SET ended_at = ? WHERE id = ?').run(Math.max(at, open.startedAt), open.id);
    return this.incident(open.id);
  }

  /** Keeps the first tiles stored: the board's figures when the incident started. */
  setStartTiles(id: number, tiles: BoardTile[]): boolean {
    return (
      this.db.prepare<[string, number]>('UPDATE warroom_incidents SET start_tiles = ? WHERE id = ? AND start_tiles IS NULL').run(JSON.stringify(tiles), id)
        .changes > 0
    );
  }

  setEndTiles(id: number, tiles: BoardTile[]): void {
    this.db.prepare<[string, number]>('UPDATE warroom_incidents SET end_tiles = ? WHERE id = ?').run(JSON.stringify(tiles), id);
  }

  endTiles(id: number): BoardTile[] | null {
    const row = this.db.prepare<[number], { end_tiles: string | null }>('SELECT end_tiles FROM warroom_incidents WHERE id = ?').get(id);
    return row?.end_tiles ? (JSON.parse(row.end_tiles) as BoardTile[]) : null;
  }

  addNote(incidentId: number, author: string, text: string, at: number): IncidentNote {
    const id = Number(
      this.db
        .prepare<[number, number, string, string]>('INSERT INTO warroom_notes (incident_id, at, author, text) VALUES (?, ?, ?, ?)')
        .run(incidentId, at, author, text).lastInsertRowid,
    );
    return toNote(this.db.prepare<[number], NoteRow>('SELECT * FROM warroom_notes WHERE id = ?').get(id)!);
  }

  deleteNote(id: number): boolean {
    return this.db.prepare<[number]>('DELETE FROM warroom_notes WHERE id = ?').run(id).changes > 0;
  }

  notes(incidentId: number): IncidentNote[] {
    return this.db.prepare<[number], NoteRow>('SELECT * FROM warroom_notes WHERE incident_id = ? ORDER BY at, id').all(incidentId).map(toNote);
  }
}
