/**
 * Full-text search over chat transcripts (SQLite FTS5).
 *
 * Indexing is deferred: messages are written at full speed and catch-up
 * tokenises everything finished since the last mark. Catch-up runs in batches
 * bounded in rows and bytes, handing the event loop back between them, so a
 * backlog of 100,000 messages never stalls the main process in one go
 * (tokenising them in a single transaction took about half a second). A
 * search first waits for the backlog, so results are never stale.
 * User input is turned into a safe FTS query (terms quoted), so `us-east-1`
 * or `AND` in a search box is text, not syntax.
 */
import type { Db } from './database';

export interface SearchHit {
  messageId: number;
  sessionId: string;
  role: string;
  createdAt: number;
  /** Text around the match; matches are wrapped in U+E000 / U+E001 markers for the UI to highlight (never HTML). */
  snippet: string;
}

export interface SearchIndexOptions {
  /** Most messages tokenised per batch: 500 chat-sized messages take about 4 ms here, far below the 50 ms budget. */
  batchRows?: number;
  /** Most text bytes per batch, so a run of long replies is split too (one longer message still goes whole). */
  batchBytes?: number;
  /** Hands the thread back between batches; tests inject one to watch the batches. */
  yieldToLoop?: () => Promise<void>;
}

export const MATCH_START = '\uE000';
export const MATCH_END = '\uE001';
export const DEFAULT_BATCH_ROWS = 500;
export const DEFAULT_BATCH_BYTES = 256 * 1024;

/** setImmediate, not a resolved promise: microtasks would keep the loop from ever reaching I/O and timers. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Quotes every term; keeps "quoted phrases" together; drops FTS operators typed as text. */
export function toFtsQuery(input: string): string | null {
  const parts: string[] = [];
  const pattern = /"([^"]*)"|(\S+)/g;
  for (let match = pattern.exec(input); match; match = pattern.exec(input)) {
    const raw = (match[1] ?? match[2] ?? '').replace(/"/g, '').trim();
    if (raw) parts.push(`"${raw}"`);
  }
  return parts.length ? parts.join(' ') : null;
}

export class MessageSearchIndex {
  private readonly markStmt;
  private readonly topStmt;
  private readonly sizesStmt;
  private readonly fillStmt;
  private readonly setMarkStmt;
  private readonly searchStmt;
  private readonly batchRows: number;
  private readonly batchBytes: number;
  private readonly yieldToLoop: () => Promise<void>;
  private draining: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly db: Db,
    options: SearchIndexOptions = {},
  ) {
    this.batchRows = Math.max(1, options.batchRows ?? DEFAULT_BATCH_ROWS);
    this.batchBytes = Math.max(1, options.batchBytes ?? DEFAULT_BATCH_BYTES);
    this.yieldToLoop = options.yieldToLoop ?? nextTurn;
    this.markStmt = db.prepare<[], { indexed_through: number }>('SELECT indexed_through FROM chat_fts_state WHERE id = 1');
    this.topStmt = db.prepare<[], { top: number | null }>('SELECT max(id) AS top FROM chat_messages');
    // octet_length reads the stored size, not the text, so planning a batch costs nothing next to tokenising it.
    this.sizesStmt = db.prepare<[number, number], { id: number; bytes: number }>(
      'SELECT id, octet_length(text) AS bytes FROM chat_messages WHERE id > ? ORDER BY id LIMIT ?',
    );
    this.fillStmt = db.prepare<[number, number]>(
      "INSERT INTO chat_messages_fts(rowid, text) SELECT id, text FROM chat_messages WHERE id > ? AND id <= ? AND state != 'streaming'",
    );
    this.setMarkStmt = db.prepare<[number]>('UPDATE chat_fts_state SET indexed_through = ? WHERE id = 1');
    // The LIMIT bounds snippet(): FTS5 walks the match in rowid order, so a term in every message still costs 50 snippets, not 100,000.
    this.searchStmt = db.prepare<[string, string, string, number], { id: number; session_id: string; role: string; created_at: number; snippet: string }>(
      `SELECT m.id, m.session_id, m.role, m.created_at, snippet(chat_messages_fts, 0, ?, ?, '…', 12) AS snippet
       FROM chat_messages_fts JOIN chat_messages m ON m.id = chat_messages_fts.rowid
       WHERE chat_messages_fts MATCH ?
       ORDER BY chat_messages_fts.rowid DESC LIMIT ?`,
    );
  }

  /** Messages written but not yet searchable. */
  pending(): number {
    const top = this.topStmt.get()?.top ?? 0;
    return Math.max(0, top - (this.markStmt.get()?.indexed_through ?? 0));
  }

  /** Indexes one batch past the mark (at most `maxRows` messages and the byte budget); returns how many messages it covered, 0 when caught up. */
  catchUp(maxRows = this.batchRows): number {
    return this.db.transaction(() => {
      const mark = this.markStmt.get()?.indexed_through ?? 0;
      let top = mark;
      let rows = 0;
      let bytes = 0;
      for (const row of this.sizesStmt.iterate(mark, Math.max(1, Math.min(maxRows, this.batchRows)))) {
        if (rows > 0 && bytes + row.bytes > this.batchBytes) break;
        top = row.id;
        rows++;
        bytes += row.bytes;
      }
      if (rows === 0) return 0;
      this.fillStmt.run(mark, top);
      this.setMarkStmt.run(top);
      return rows;
    })();
  }

  /**
   * Indexes the whole backlog one batch per event-loop turn. Concurrent callers share one pass; it ends once
   * the mark has reached the newest message, so everything written before the call is searchable when it resolves.
   */
  catchUpAll(): Promise<void> {
    this.draining ??= this.drain().finally(() => {
      this.draining = null;
    });
    return this.draining;
  }

  /** Newest matches first (in a transcript search the latest mention is usually the one wanted), after the backlog is indexed. */
  async search(input: string, limit = 50): Promise<SearchHit[]> {
    const query = toFtsQuery(input);
    if (!query) return [];
    await this.catchUpAll();
    if (this.closed) throw new Error('The search index is closed.');
    return this.run(query, limit);
  }

  /** Indexes in the background whenever a backlog appears, so a search rarely has anything to wait for. */
  start(intervalMs = 2_000): void {
    if (this.timer || this.closed) return;
    this.timer = setInterval(() => {
      // A failed pass is not lost: the next search runs catch-up again and reports the error to the user.
      if (!this.draining && this.pending() > 0) this.catchUpAll().catch(() => undefined);
    }, intervalMs);
    // Idle indexing is no reason to keep a process alive.
    this.timer.unref();
  }

  /** Stops background indexing; a pass under way ends after its current batch, before the database closes. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.draining;
  }

  private async drain(): Promise<void> {
    while (!this.closed && this.catchUp() > 0) await this.yieldToLoop();
  }

  private run(query: string, limit: number): SearchHit[] {
    return this.searchStmt.all(MATCH_START, MATCH_END, query, limit).map((row) => ({
      messageId: row.id,
      sessionId: row.session_id,
      role: row.role,
      createdAt: row.created_at,
      snippet: row.snippet,
    }));
  }
}
