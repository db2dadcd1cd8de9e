/**
 * Chat sessions and messages in SQLite. The write path is shaped by the
 * promise "nothing the user typed is lost": the user message is committed
 * before an invoke starts, a reply row exists (state 'streaming') from the
 * first byte, and streamed text lands in `chat_message_chunks` in batches, so
 * a crash leaves the partial reply on disk; `recoverInterrupted()` turns such
 * rows into 'incomplete' messages on the next start.
 */
import type { ChatError, ChatMessage, ChatSession, ChatStep, InvocationMetrics, MessageRole, MessageState } from '../../../shared/chat';
import type { Db } from '../store/database';

/** Everything about a message besides its text, kept as one JSON column. */
export interface MessageMeta {
  steps?: ChatStep[];
  format?: ChatMessage['format'];
  metrics?: InvocationMetrics;
  error?: ChatError;
  modelAccessIssue?: boolean;
  rawTruncated?: boolean;
  runtimeSessionId?: string;
}

interface SessionRow {
  id: string;
  agent_key: string;
  agent_name: string;
  qualifier: string;
  runtime_session_id: string;
  user_id: string | null;
  title: string;
  pinned: number;
  created_at: number;
  last_activity_at: number;
  ended: number;
  runtime_session_invoked: number;
  message_count: number;
}

interface MessageRow {
  id: number;
  session_id: string;
  role: MessageRole;
  text: string;
  state: MessageState;
  created_at: number;
  meta: string | null;
  raw: string | null;
}

export type NewSession = Pick<ChatSession, 'id' | 'agentKey' | 'agentName' | 'qualifier' | 'runtimeSessionId' | 'userId' | 'title' | 'createdAt'>;

export const DEFAULT_TITLE = 'New chat';
const INTERRUPTED: ChatError = {
  code: 'interrupted',
  message: 'The console closed while this reply was streaming. The text received until then is kept.',
  action: { kind: 'retry' },
};

const SESSION_COLUMNS = `s.id, s.agent_key, s.agent_name, s.qualifier, s.runtime_session_id, s.user_id, s.title, s.pinned, s.created_at,
  s.last_activity_at, s.ended, s.runtime_session_invoked, (SELECT count(*) FROM chat_messages m WHERE m.session_id = s.id) AS message_count`;

export class ChatStore {
  private readonly stmts;

  constructor(private readonly db: Db) {
    this.stmts = {
      insertSession: db.prepare<[string, string, string, string, string, string | null, string, number, number]>(
        `INSERT INTO chat_sessions (id, agent_key, agent_name, qualifier, runtime_session_id, user_id, title, created_at, last_activity_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      getSession: db.prepare<[string], SessionRow>(`SELECT ${SESSION_COLUMNS} FROM chat_sessions s WHERE s.id = ?`),
      // A session's current runtime id first, then one an earlier turn went to (before "End session" renewed it).
      byRuntimeSession: db.prepare<[string, string], SessionRow>(
        `SELECT ${SESSION_COLUMNS} FROM chat_sessions s WHERE s.runtime_session_id = ?
         UNION ALL
         SELECT ${SESSION_COLUMNS} FROM chat_sessions s WHERE s.id = (SELECT session_id FROM chat_messages WHERE json_extract(meta, '$.runtimeSessionId') = ? LIMIT 1)
         LIMIT 1`,
      ),
      listAll: db.prepare<[], SessionRow>(`SELECT ${SESSION_COLUMNS} FROM chat_sessions s ORDER BY s.pinned DESC, s.last_activity_at DESC`),
      listAgent: db.prepare<[string], SessionRow>(
        `SELECT ${SESSION_COLUMNS} FROM chat_sessions s WHERE s.agent_key = ? ORDER BY s.pinned DESC, s.last_activity_at DESC`,
      ),
      deleteSession: db.prepare<[string]>('DELETE FROM chat_sessions WHERE id = ?'),
      touch: db.prepare<[number, string]>('UPDATE chat_sessions SET last_activity_at = max(last_activity_at, ?) WHERE id = ?'),
      insertMessage: db.prepare<[string, string, string, string, number, string | null, string | null]>(
        'INSERT INTO chat_messages (session_id, role, text, state, created_at, meta, raw) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      messages: db.prepare<[string], MessageRow>(
        'SELECT id, session_id, role, text, state, created_at, meta, raw FROM chat_messages WHERE session_id = ? ORDER BY id',
      ),
      message: db.prepare<[number], MessageRow>('SELECT id, session_id, role, text, state, created_at, meta, raw FROM chat_messages WHERE id = ?'),
      chunks: db.prepare<[number], { text: string }>('SELECT text FROM chat_message_chunks WHERE message_id = ? ORDER BY seq'),
      appendChunk: db.prepare<[number, number, string]>('INSERT INTO chat_message_chunks (message_id, seq, text) VALUES (?, ?, ?)'),
      // Text and state change in one statement: the FTS trigger indexes the finished text.
      finish: db.prepare<[string, string, string | null, string | null, number]>(
        'UPDATE chat_messages SET text = ?, state = ?, meta = ?, raw = ? WHERE id = ?',
      ),
      dropChunks: db.prepare<[number]>('DELETE FROM chat_message_chunks WHERE message_id = ?'),
      streaming: db.prepare<[], { id: number; meta: string | null }>("SELECT id, meta FROM chat_messages WHERE state = 'streaming'"),
      getTemplate: db.prepare<[string], { template: string }>('SELECT template FROM chat_payload_templates WHERE agent_key = ?'),
      setTemplate: db.prepare<[string, string, number]>(
        'INSERT INTO chat_payload_templates (agent_key, template, updated_at) VALUES (?, ?, ?) ON CONFLICT(agent_key) DO UPDATE SET template = excluded.template, updated_at = excluded.updated_at',
      ),
      deleteTemplate: db.prepare<[string]>('DELETE FROM chat_payload_templates WHERE agent_key = ?'),
    };
  }

  /** Runs `fn` in one transaction (imports: all or nothing). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  createSession(s: NewSession): ChatSession {
    this.stmts.insertSession.run(s.id, s.agentKey, s.agentName, s.qualifier, s.runtimeSessionId, s.userId ?? null, s.title, s.createdAt, s.createdAt);
    return this.session(s.id) as ChatSession;
  }

  session(id: string): ChatSession | undefined {
    const row = this.stmts.getSession.get(id);
    return row ? toSession(row) : undefined;
  }

  /** The chat session that sent to this runtime session id, if this console did. */
  sessionByRuntimeSession(runtimeSessionId: string): ChatSession | undefined {
    const row = this.stmts.byRuntimeSession.get(runtimeSessionId, runtimeSessionId);
    return row ? toSession(row) : undefined;
  }

  /** Whether the session's current runtime session id has been invoked before (for cold-start metrics). */
  runtimeSessionInvoked(id: string): boolean {
    return this.stmts.getSession.get(id)?.runtime_session_invoked === 1;
  }

  listSessions(agentKey?: string): ChatSession[] {
    return (agentKey ? this.stmts.listAgent.all(agentKey) : this.stmts.listAll.all()).map(toSession);
  }

  updateSession(id: string, patch: { title?: string; pinned?: boolean; userId?: string | null; agentName?: string }): ChatSession | undefined {
    const sets: string[] = [];
    const values: Array<string | number | null> = [];
    const set = (column: string, value: string | number | null): void => {
      sets.push(`${column} = ?`);
      values.push(value);
    };
    if (patch.title !== undefined) set('title', patch.title);
    if (patch.pinned !== undefined) set('pinned', patch.pinned ? 1 : 0);
    if (patch.userId !== undefined) set('user_id', patch.userId);
    if (patch.agentName !== undefined) set('agent_name', patch.agentName);
    if (sets.length) this.db.prepare(`UPDATE chat_sessions SET ${sets.join(', ')} WHERE id = ?`).run(...values, id);
    return this.session(id);
  }

  /** The runtime session is over (StopRuntimeSession); the next send needs a new id. */
  markEnded(id: string): void {
    this.db.prepare('UPDATE chat_sessions SET ended = 1 WHERE id = ?').run(id);
  }

  /** Starts a new runtime session for this chat (after it was ended). */
  renewRuntimeSession(id: string, runtimeSessionId: string): void {
    this.db.prepare('UPDATE chat_sessions SET runtime_session_id = ?, ended = 0, runtime_session_invoked = 0 WHERE id = ?').run(runtimeSessionId, id);
  }

  markRuntimeSessionInvoked(id: string): void {
    this.db.prepare('UPDATE chat_sessions SET runtime_session_invoked = 1 WHERE id = ?').run(id);
  }

  deleteSession(id: string): boolean {
    return this.stmts.deleteSession.run(id).changes > 0;
  }

  addMessage(m: { sessionId: string; role: MessageRole; text: string; state: MessageState; createdAt: number; meta?: MessageMeta; raw?: string }): ChatMessage {
    const id = this.db.transaction(() => {
      const info = this.stmts.insertMessage.run(m.sessionId, m.role, m.text, m.state, m.createdAt, metaJson(m.meta), m.raw ?? null);
      this.stmts.touch.run(m.createdAt, m.sessionId);
      return Number(info.lastInsertRowid);
    })();
    return this.message(id) as ChatMessage;
  }

  /** Streamed text, appended as a batch; `seq` orders the batches of one message. */
  appendChunk(messageId: number, seq: number, text: string): void {
    this.stmts.appendChunk.run(messageId, seq, text);
  }

  finishMessage(id: number, f: { text: string; state: MessageState; meta: MessageMeta; raw?: string; at: number }): ChatMessage {
    this.db.transaction(() => {
      this.stmts.finish.run(f.text, f.state, metaJson(f.meta), f.raw ?? null, id);
      this.stmts.dropChunks.run(id);
      const sessionId = this.stmts.message.get(id)?.session_id;
      if (sessionId) this.stmts.touch.run(f.at, sessionId);
    })();
    return this.message(id) as ChatMessage;
  }

  message(id: number): ChatMessage | undefined {
    const row = this.stmts.message.get(id);
    return row ? this.toMessage(row) : undefined;
  }

  messages(sessionId: string): ChatMessage[] {
    return this.stmts.messages.all(sessionId).map((row) => this.toMessage(row));
  }

  /** Replies left 'streaming' by a previous run: keep their text, mark them incomplete. */
  recoverInterrupted(): number {
    return this.db.transaction(() => {
      const rows = this.stmts.streaming.all();
      for (const row of rows) {
        const meta = parseMeta(row.meta);
        const current = this.stmts.message.get(row.id);
        const text = (current?.text ?? '') + this.chunkText(row.id);
        this.stmts.finish.run(text, 'incomplete', metaJson({ ...meta, error: INTERRUPTED }), current?.raw ?? null, row.id);
        this.stmts.dropChunks.run(row.id);
      }
      return rows.length;
    })();
  }

  template(agentKey: string): string | undefined {
    return this.stmts.getTemplate.get(agentKey)?.template;
  }

  setTemplate(agentKey: string, template: string | null, at: number): void {
    if (template === null) this.stmts.deleteTemplate.run(agentKey);
    else this.stmts.setTemplate.run(agentKey, template, at);
  }

  private chunkText(messageId: number): string {
    return this.stmts.chunks
      .all(messageId)
      .map((c) => c.text)
      .join('');
  }

  private toMessage(row: MessageRow): ChatMessage {
    const meta = parseMeta(row.meta);
    const text = row.state === 'streaming' ? row.text + this.chunkText(row.id) : row.text;
    const message: ChatMessage = { id: row.id, sessionId: row.session_id, role: row.role, text, state: row.state, createdAt: row.created_at };
    if (meta.steps?.length) message.steps = meta.steps;
    if (meta.format) message.format = meta.format;
    if (meta.metrics) message.metrics = meta.metrics;
    if (meta.error) message.error = meta.error;
    if (meta.modelAccessIssue) message.modelAccessIssue = true;
    if (meta.runtimeSessionId) message.runtimeSessionId = meta.runtimeSessionId;
    if (row.raw !== null) message.raw = row.raw;
    if (meta.rawTruncated) message.rawTruncated = true;
    return message;
  }
}

function toSession(row: SessionRow): ChatSession {
  const session: ChatSession = {
    id: row.id,
    agentKey: row.agent_key,
    agentName: row.agent_name || row.agent_key.split('|').pop() || row.agent_key,
    qualifier: row.qualifier,
    runtimeSessionId: row.runtime_session_id,
    title: row.title,
    pinned: row.pinned === 1,
    createdAt: row.created_at,
    lastActivityAt: row.last_activity_at,
    messageCount: row.message_count,
    ended: row.ended === 1,
  };
  if (row.user_id) session.userId = row.user_id;
  return session;
}

const metaJson = (meta: MessageMeta | undefined): string | null => (meta && Object.keys(meta).length ? JSON.stringify(meta) : null);

function parseMeta(json: string | null): MessageMeta {
  if (!json) return {};
  try {
    return JSON.parse(json) as MessageMeta;
  } catch {
    return {}; // a damaged meta column must not hide the message text
  }
}
