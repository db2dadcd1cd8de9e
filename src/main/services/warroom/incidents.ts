/**
 * The incident: at most one open; starting one ends the one before. The
 * board's tiles when it starts (the first frame computed after, by any board
 * of its selection or by the capture started here) and when it ends are
 * kept for the report. Notes need an open incident.
 */
import { userInfo } from 'node:os';
import { ApiError } from '../../../shared/errors';
import type { BoardSelection, BoardTile, Incident, IncidentNote } from '../../../shared/warroom';
import type { Logger } from '../log/logger';
import type { BoardResult } from './board';
import { selectionKey } from './board-stream';
import type { WarRoomStore } from './warroom-store';

/** The OS account name, as the note's author when none is given. */
export function defaultAuthor(): string {
  try {
    return userInfo().username.trim().slice(0, 80) || 'unknown';
  } catch {
    return 'unknown'; // no passwd entry (some containers)
  }
}

export class Incidents {
  private readonly captures = new Map<number, Promise<void>>();

  constructor(
    private readonly store: WarRoomStore,
    private readonly compute: (selection: BoardSelection) => Promise<BoardResult>,
    private readonly clock: () => number,
    private readonly logger: Logger,
  ) {}

  open(): Incident | null {
    return this.store.openIncident();
  }

  byId(id: number | undefined): Incident {
    const incident = id === undefined ? this.store.openIncident() : this.store.incident(id);
    if (!incident) throw new ApiError('not_found', id === undefined ? 'No incident is open. Start one from the war room.' : `No incident ${id}.`);
    return incident;
  }

  start(title: string, selection: BoardSelection): Incident {
    const before = this.store.openIncident();
    const incident = this.store.startIncident(title, selection, this.clock());
    if (before) this.capture(before.id, before.selection, (tiles) => this.store.setEndTiles(before.id, tiles));
    this.capture(incident.id, selection, (tiles) => this.store.setStartTiles(incident.id, tiles));
    return incident;
  }

  end(): Incident | null {
    const ended = this.store.endIncident(this.clock());
    if (ended) this.capture(ended.id, ended.selection, (tiles) => this.store.setEndTiles(ended.id, tiles));
    return ended;
  }

  /** A board frame of the open incident's selection, computed after its start, is its start if none is kept yet. */
  onFrame(selection: BoardSelection, frame: BoardResult['frame']): void {
    const open = this.store.openIncident();
    if (open && open.startTiles === null && frame.at >= open.startedAt && selectionKey(open.selection) === selectionKey(selection))
      this.store.setStartTiles(open.id, frame.tiles);
  }

  /** The figures kept at the incident's end, once its capture has landed (null if it could not be computed). */
  async endTiles(id: number): Promise<BoardTile[] | null> {
    await this.captures.get(id);
    return this.store.endTiles(id);
  }

  async startTiles(id: number): Promise<BoardTile[] | null> {
    await this.captures.get(id);
    return this.store.incident(id)?.startTiles ?? null;
  }

  addNote(text: string, author: string | undefined): IncidentNote {
    const open = this.store.openIncident();
    if (!open) throw new ApiError('invalid_input', 'No incident is open: start an incident before adding notes (notes belong to its timeline).');
    return this.store.addNote(open.id, author?.trim() || defaultAuthor(), text, this.clock());
  }

  async idle(): Promise<void> {
    await Promise.allSettled([...this.captures.values()]);
  }

  private capture(id: number, selection: BoardSelection, keep: (tiles: BoardTile[]) => void): void {
    const previous = this.captures.get(id) ?? Promise.resolve();
    const next = previous
      .then(() => this.compute(selection))
      .then(({ frame }) => keep(frame.tiles))
      .catch((error: unknown) =>
        this.logger.warn('could not capture the incident board', { id, message: error instanceof Error ? error.message : String(error) }),
      );
    this.captures.set(id, next);
  }
}
