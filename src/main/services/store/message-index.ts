/**
 * Full-text search over chat transcripts (SQLite FTS5).
 *
 * Indexing is deferred: messages are written at full speed and `catchUp`
 * tokenises everything finished since the last mark, in bounded batches, when
 * the app is idle and always before a search, so results are never stale.
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

export const MATCH_START = '\uE000';
export const MATCH_END = '\uE001';

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
  private readonly fillStmt;
  private readonly setMarkStmt;
  private readonly searchStmt;

  constructor(private readonly db: Db) {
    this.markStmt = db.prepare<[], { indexed_through: number }>('SELECT indexed_through FROM chat_fts_state WHERE id = 1');
    this.topStmt = db.prepare<[], { top: number | null }>('SELECT max(id) AS top FROM chat_messages');
    this.fillStmt = db.prepare<[number, number]>(
      "INSERT INTO chat_messages_fts(rowid, text) SELECT id, text FROM chat_messages WHERE id > ? AND id <= ? AND state != 'streaming'",
    );
    this.setMarkStmt = db.prepare<[number]>('UPDATE chat_fts_state SET indexed_through = ? WHERE id = 1');
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

  /** Indexes up to `maxRows` ids past the mark; returns how many ids it covered (0 when caught up). */
  catchUp(maxRows = Number.POSITIVE_INFINITY): number {
    return this.db.transaction(() => {
      const mark = this.markStmt.get()?.indexed_through ?? 0;
      const top = Math.min(this.topStmt.get()?.top ?? 0, mark + maxRows);
      if (top <= mark) return 0;
      this.fillStmt.run(mark, top);
      this.setMarkStmt.run(top);
      return top - mark;
    })();
  }

  /** Newest matches first: in a transcript search the latest mention is usually the one wanted. */
  search(input: string, limit = 50): SearchHit[] {
    const query = toFtsQuery(input);
    if (!query) return [];
    this.catchUp();
    return this.searchStmt.all(MATCH_START, MATCH_END, query, limit).map((row) => ({
      messageId: row.id,
      sessionId: row.session_id,
      role: row.role,
      createdAt: row.created_at,
      snippet: row.snippet,
    }));
  }
}
