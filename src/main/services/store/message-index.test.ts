import { beforeEach, describe, expect, it } from 'vitest';
import { openMemoryDatabase, type Db } from './database';
import { MATCH_END, MATCH_START, MessageSearchIndex, toFtsQuery } from './message-index';

let db: Db;
let index: MessageSearchIndex;
const add = (text: string, state = 'complete'): number =>
  Number(
    db.prepare("INSERT INTO chat_messages (session_id, role, text, state, created_at) VALUES ('s', 'assistant', ?, ?, 0)").run(text, state).lastInsertRowid,
  );
const ids = (query: string): number[] => index.search(query).map((hit) => hit.messageId);
/** FTS5's own consistency check between the index and the content table. */
const assertIndexConsistent = (): void => {
  db.prepare("INSERT INTO chat_messages_fts(chat_messages_fts, rank) VALUES ('integrity-check', 1)").run();
};

beforeEach(() => {
  db = openMemoryDatabase();
  db.prepare(
    "INSERT INTO chat_sessions (id, agent_key, runtime_session_id, title, pinned, created_at, last_activity_at) VALUES ('s', 'agent', 'rt-000000000000000000000000000000001', 'T', 0, 0, 0)",
  ).run();
  index = new MessageSearchIndex(db);
});

describe('MessageSearchIndex', () => {
  it('finds written messages, newest first, with marked snippets', () => {
    const first = add('payments-api latency regressed after the deploy');
    const second = add('latency is back to normal');
    const hits = index.search('latency');
    expect(hits.map((h) => h.messageId)).toEqual([second, first]);
    expect(hits[0]?.snippet).toContain(`${MATCH_START}latency${MATCH_END}`);
    assertIndexConsistent();
  });

  it('does not index a reply while it streams, and indexes its final text when it finishes', () => {
    add('unrelated');
    index.catchUp();
    const reply = add('partial tok', 'streaming');
    expect(ids('tok')).toEqual([]);
    db.prepare("UPDATE chat_messages SET text = 'partial tokens complete', state = 'complete' WHERE id = ?").run(reply);
    expect(ids('tokens')).toEqual([reply]);
    assertIndexConsistent();
  });

  it('keeps a dropped stream searchable as incomplete text', () => {
    const reply = add('half an answer about throttling', 'streaming');
    index.catchUp();
    db.prepare("UPDATE chat_messages SET state = 'incomplete' WHERE id = ?").run(reply);
    expect(ids('throttling')).toEqual([reply]);
    assertIndexConsistent();
  });

  it('forgets deleted messages and re-indexes edited ones', () => {
    const a = add('cold start took 26 seconds');
    const b = add('cold start took 2 seconds');
    index.catchUp();
    db.prepare('DELETE FROM chat_messages WHERE id = ?').run(a);
    db.prepare("UPDATE chat_messages SET text = 'warm start' WHERE id = ?").run(b);
    expect(ids('cold')).toEqual([]);
    expect(ids('warm')).toEqual([b]);
    assertIndexConsistent();
  });

  it('catches up in bounded batches', () => {
    for (let i = 0; i < 10; i++) add(`message ${i}`);
    expect(index.pending()).toBe(10);
    expect(index.catchUp(4)).toBe(4);
    expect(index.pending()).toBe(6);
    expect(index.catchUp()).toBe(6);
    expect(index.catchUp()).toBe(0);
  });

  it('treats search input as text, not FTS syntax', () => {
    const id = add('denied in us-east-1 AND eu-central-1 (NOT ok)');
    expect(ids('us-east-1')).toEqual([id]);
    expect(ids('NOT')).toEqual([id]);
    expect(ids('"in us-east-1"')).toEqual([id]);
    expect(() => index.search('a"b*c(')).not.toThrow();
  });
});

describe('toFtsQuery', () => {
  it('quotes terms and keeps phrases', () => {
    expect(toFtsQuery('cold  start')).toBe('"cold" "start"');
    expect(toFtsQuery('"cold start" OR x')).toBe('"cold start" "OR" "x"');
    expect(toFtsQuery('   ')).toBeNull();
  });
});
