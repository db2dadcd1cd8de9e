/**
 * Numbered schema migrations, applied in order on `PRAGMA user_version`.
 * Never edit a migration that has shipped: add the next number instead.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'settings',
    sql: `
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      );`,
  },
  {
    version: 2,
    name: 'fleet snapshots and status transitions',
    sql: `
      CREATE TABLE fleet_resources (
        key TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        profile TEXT NOT NULL,
        region TEXT NOT NULL,
        status TEXT NOT NULL,
        json TEXT NOT NULL,
        seen_at INTEGER NOT NULL
      );
      CREATE INDEX fleet_resources_cell ON fleet_resources(profile, region);
      CREATE TABLE fleet_transitions (
        id INTEGER PRIMARY KEY,
        resource_key TEXT NOT NULL,
        from_status TEXT,
        to_status TEXT NOT NULL,
        at INTEGER NOT NULL
      );
      CREATE INDEX fleet_transitions_resource ON fleet_transitions(resource_key, at);
      CREATE TABLE fleet_meta (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        as_of INTEGER NOT NULL
      );`,
  },
  {
    version: 3,
    name: 'chat sessions, messages and full-text index',
    sql: `
      CREATE TABLE chat_sessions (
        id TEXT PRIMARY KEY,
        agent_key TEXT NOT NULL,
        runtime_session_id TEXT NOT NULL,
        title TEXT NOT NULL,
        pinned INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        last_activity_at INTEGER NOT NULL
      );
      CREATE INDEX chat_sessions_agent ON chat_sessions(agent_key, last_activity_at);
      CREATE TABLE chat_messages (
        id INTEGER PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES chat_sessions(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('user', 'assistant', 'system')),
        text TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'complete' CHECK (state IN ('complete', 'streaming', 'incomplete', 'error')),
        created_at INTEGER NOT NULL,
        meta TEXT
      );
      CREATE INDEX chat_messages_session ON chat_messages(session_id, id);
      -- The full-text index is filled off the write path by MessageSearchIndex.catchUp():
      -- a streaming reply is rewritten many times per second and must not be re-tokenised each time.
      CREATE VIRTUAL TABLE chat_messages_fts USING fts5(text, content='chat_messages', content_rowid='id', tokenize='unicode61');
      CREATE TABLE chat_fts_state (id INTEGER PRIMARY KEY CHECK (id = 1), indexed_through INTEGER NOT NULL);
      INSERT INTO chat_fts_state VALUES (1, 0);
      -- Rows at or below the mark are in the index exactly when they are not streaming; these keep that true.
      CREATE TRIGGER chat_messages_finished AFTER UPDATE OF state ON chat_messages
        WHEN old.state = 'streaming' AND new.state != 'streaming' AND new.id <= (SELECT indexed_through FROM chat_fts_state)
      BEGIN
        INSERT INTO chat_messages_fts(rowid, text) VALUES (new.id, new.text);
      END;
      CREATE TRIGGER chat_messages_edited AFTER UPDATE OF text ON chat_messages
        WHEN old.state != 'streaming' AND new.state != 'streaming' AND new.id <= (SELECT indexed_through FROM chat_fts_state)
      BEGIN
        INSERT INTO chat_messages_fts(chat_messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO chat_messages_fts(rowid, text) VALUES (new.id, new.text);
      END;
      CREATE TRIGGER chat_messages_deleted AFTER DELETE ON chat_messages
        WHEN old.state != 'streaming' AND old.id <= (SELECT indexed_through FROM chat_fts_state)
      BEGIN
        INSERT INTO chat_messages_fts(chat_messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
      END;`,
  },
  {
    version: 4,
    name: 'chat invocation details, streamed chunks, payload templates and encrypted secrets',
    sql: `
      ALTER TABLE chat_sessions ADD COLUMN agent_name TEXT NOT NULL DEFAULT '';
      ALTER TABLE chat_sessions ADD COLUMN qualifier TEXT NOT NULL DEFAULT 'DEFAULT';
      ALTER TABLE chat_sessions ADD COLUMN user_id TEXT;
      -- StopRuntimeSession was called: the next send starts a new runtime session id.
      ALTER TABLE chat_sessions ADD COLUMN ended INTEGER NOT NULL DEFAULT 0;
      -- The current runtime session id has been invoked once: later invokes are warm.
      ALTER TABLE chat_sessions ADD COLUMN runtime_session_invoked INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE chat_messages ADD COLUMN raw TEXT;
      -- A streaming reply is appended here in batches (rewriting a multi-megabyte text
      -- column per batch would be quadratic); the finished text moves into chat_messages.
      CREATE TABLE chat_message_chunks (
        message_id INTEGER NOT NULL REFERENCES chat_messages(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (message_id, seq)
      ) WITHOUT ROWID;
      CREATE TABLE chat_payload_templates (
        agent_key TEXT PRIMARY KEY,
        template TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      );
      -- Only ciphertext from the OS keychain (Electron safeStorage) is ever written here.
      CREATE TABLE encrypted_secrets (
        name TEXT PRIMARY KEY,
        ciphertext BLOB NOT NULL,
        updated_at INTEGER NOT NULL
      );`,
  },
  {
    version: 5,
    name: 'memory delete audit',
    sql: `
      -- Every delete the memory browser sends, whatever its outcome, with where it went.
      CREATE TABLE memory_audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        action TEXT NOT NULL,
        memory_key TEXT NOT NULL,
        memory_name TEXT NOT NULL,
        targets TEXT NOT NULL,
        profile TEXT NOT NULL,
        account_id TEXT NOT NULL,
        region TEXT NOT NULL,
        result TEXT NOT NULL,
        detail TEXT NOT NULL
      );
      CREATE INDEX memory_audit_at ON memory_audit(at DESC);`,
  },
  {
    version: 6,
    name: 'metrics SLOs, SLO breaches and price overrides',
    sql: `
      -- Per-agent thresholds; an agent without a row uses the defaults (error rate > 5 %, p99 > 10,000 ms).
      CREATE TABLE metrics_slo (
        agent_key TEXT PRIMARY KEY,
        error_rate_pct REAL NOT NULL,
        p99_ms INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      -- A breach is keyed by where it started, so recomputing a range that saw it again updates the same row.
      CREATE TABLE metrics_breaches (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        agent_key TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('errorRate', 'p99')),
        started_at INTEGER NOT NULL,
        ended_at INTEGER,
        worst REAL NOT NULL,
        threshold REAL NOT NULL,
        UNIQUE (agent_key, kind, started_at)
      );
      CREATE INDEX metrics_breaches_started ON metrics_breaches(started_at DESC);
      -- prices.set: the user's figure per pricing.json entry id (values are checked when the table is built).
      CREATE TABLE price_overrides (
        id TEXT PRIMARY KEY,
        usd REAL NOT NULL,
        updated_at INTEGER NOT NULL
      );`,
  },
  {
    version: 7,
    name: 'fleet status history, war-room sets, incidents and notes',
    sql: `
      -- Every status change the poller saw (the war room's timeline), kept 30 days.
      CREATE TABLE fleet_status_history (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        resource_key TEXT NOT NULL,
        name TEXT NOT NULL,
        at INTEGER NOT NULL,
        from_status TEXT,
        to_status TEXT NOT NULL,
        reason TEXT
      );
      CREATE INDEX fleet_status_history_at ON fleet_status_history(at);
      CREATE TABLE warroom_sets (
        name TEXT PRIMARY KEY,
        agent_keys TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      );
      -- At most one incident is open (ended_at NULL) at a time; selection and the board's tiles at start and end are JSON.
      CREATE TABLE warroom_incidents (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        title TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        ended_at INTEGER,
        selection TEXT NOT NULL,
        start_tiles TEXT,
        end_tiles TEXT
      );
      CREATE UNIQUE INDEX warroom_incidents_one_open ON warroom_incidents((ended_at IS NULL)) WHERE ended_at IS NULL;
      CREATE TABLE warroom_notes (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        incident_id INTEGER NOT NULL REFERENCES warroom_incidents(id) ON DELETE CASCADE,
        at INTEGER NOT NULL,
        author TEXT NOT NULL,
        text TEXT NOT NULL
      );
      CREATE INDEX warroom_notes_incident ON warroom_notes(incident_id, at);`,
  },
  {
    version: 8,
    name: 'load-test scenarios and runs',
    sql: `
      CREATE TABLE loadtest_scenarios (
        name TEXT PRIMARY KEY,
        scenario TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      );
      -- A run's summary columns for lists; the whole result (stages, ticks, samples) as JSON, rewritten as it runs.
      CREATE TABLE loadtest_runs (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        agent_key TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        ended_at INTEGER,
        status TEXT NOT NULL,
        verdict TEXT NOT NULL,
        requests INTEGER NOT NULL,
        failed INTEGER NOT NULL,
        result TEXT NOT NULL
      );
      CREATE INDEX loadtest_runs_started ON loadtest_runs(started_at DESC);`,
  },
];

export const latestSchemaVersion = migrations.reduce((max, m) => Math.max(max, m.version), 0);
