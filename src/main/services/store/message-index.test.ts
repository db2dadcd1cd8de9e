import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openMemoryDatabase, type Db } from './database';
import { DEFAULT_BATCH_ROWS, MATCH_END, MATCH_START, MessageSearchIndex, toFtsQuery, type SearchIndexOptions } from './message-index';

let db: Db;
let index: MessageSearchIndex;
const add = (text: string, state = 'complete'): number =>
  Number(
    db.prepare("INSERT INTO chat_messages (session_id, role, text, state, created_at) VALUES ('s', 'assistant', ?, ?, 0)").run(text, state).lastInsertRowid,
  );
const addMany = (count: number, text = (i: number): string => `message ${i}`): void =>
  db.transaction(() => {
    for (let i = 0; i < count; i++) add(text(i));
  })();
const ids = async (query: string, limit?: number): Promise<number[]> => (await index.search(query, limit)).map((hit) => hit.messageId);
/** FTS5's own consistency check between the index and the content table. */
const assertIndexConsistent = (): void => {
  db.prepare("INSERT INTO chat_messages_fts(chat_messages_fts, rank) VALUES ('integrity-check', 1)").run();
};
/** An index whose yields between batches record the backlog, so a test sees every batch's size. */
const watchedIndex = (options: SearchIndexOptions = {}): { index: MessageSearchIndex; backlogAtYield: number[] } => {
  const backlogAtYield: number[] = [];
  const watched = new MessageSearchIndex(db, {
    ...options,
    yieldToLoop: async () => {
      backlogAtYield.push(watched.pending());
    },
  });
  return { index: watched, backlogAtYield };
};

beforeEach(() => {
  db = openMemoryDatabase();
  db.prepare(
    "INSERT INTO chat_sessions (id, agent_key, runtime_session_id, title, pinned, created_at, last_activity_at) VALUES ('s', 'agent', 'rt-000000000000000000000000000000001', 'T', 0, 0, 0)",
  ).run();
  index = new MessageSearchIndex(db);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('MessageSearchIndex', () => {
  it('finds written messages, newest first, with marked snippets', async () => {
    const first = add('payments-api latency regressed after the deploy');
    const second = add('latency is back to normal');
    const hits = await index.search('latency');
    expect(hits.map((h) => h.messageId)).toEqual([second, first]);
    expect(hits[0]?.snippet).toContain(`${MATCH_START}latency${MATCH_END}`);
    expect((await index.search('latency')).map((h) => h.messageId)).toEqual([second, first]);
    assertIndexConsistent();
  });

  it('does not index a reply while it streams, and indexes its final text when it finishes', async () => {
    add('unrelated');
    index.catchUp();
    const reply = add('partial tok', 'streaming');
    expect(await ids('tok')).toEqual([]);
    db.prepare("UPDATE chat_messages SET text = 'partial tokens complete', state = 'complete' WHERE id = ?").run(reply);
    expect(await ids('tokens')).toEqual([reply]);
    assertIndexConsistent();
  });

  it('keeps a dropped stream searchable as incomplete text', async () => {
    const reply = add('half an answer about throttling', 'streaming');
    index.catchUp();
    db.prepare("UPDATE chat_messages SET state = 'incomplete' WHERE id = ?").run(reply);
    expect(await ids('throttling')).toEqual([reply]);
    assertIndexConsistent();
  });

  it('forgets deleted messages and re-indexes edited ones', async () => {
    const a = add('cold start took 26 seconds');
    const b = add('cold start took 2 seconds');
    index.catchUp();
    db.prepare('DELETE FROM chat_messages WHERE id = ?').run(a);
    db.prepare("UPDATE chat_messages SET text = 'warm start' WHERE id = ?").run(b);
    expect(await ids('cold')).toEqual([]);
    expect(await ids('warm')).toEqual([b]);
    assertIndexConsistent();
  });

  it('catches up one bounded batch per call, never the whole backlog', () => {
    addMany(DEFAULT_BATCH_ROWS * 2 + 10);
    expect(index.catchUp(4)).toBe(4);
    expect(index.catchUp()).toBe(DEFAULT_BATCH_ROWS);
    expect(index.catchUp()).toBe(DEFAULT_BATCH_ROWS);
    expect(index.catchUp()).toBe(6);
    expect(index.catchUp()).toBe(0);
  });

  it('indexes a backlog in batches of at most batchRows, yielding after each, until everything is searchable', async () => {
    addMany(10);
    const { index: watched, backlogAtYield } = watchedIndex({ batchRows: 3 });
    const hits = await watched.search('message', 50);
    expect(backlogAtYield).toEqual([7, 4, 1, 0]);
    expect(hits).toHaveLength(10);
    assertIndexConsistent();
  });

  it('splits a run of long messages by bytes, and indexes a message longer than the budget on its own', async () => {
    addMany(4, (i) => `${'word '.repeat(12)}${i}`); // 61–62 bytes each
    const long = add(`needle ${'x'.repeat(500)}`);
    const { index: watched, backlogAtYield } = watchedIndex({ batchRows: 100, batchBytes: 130 });
    expect(await watched.search('needle').then((hits) => hits.map((h) => h.messageId))).toEqual([long]);
    expect(backlogAtYield).toEqual([3, 1, 0]);
  });

  it('hands the event loop back between batches, so other work runs while a backlog is indexed', async () => {
    addMany(1_000);
    const small = new MessageSearchIndex(db, { batchRows: 100 });
    let backlogSeenByOtherWork = -1;
    setImmediate(() => {
      backlogSeenByOtherWork = small.pending();
    });
    await small.search('message');
    expect(backlogSeenByOtherWork).toBe(900);
    expect(small.pending()).toBe(0);
  });

  it('includes messages written while the backlog was being indexed', async () => {
    addMany(10);
    let late = 0;
    const watched = new MessageSearchIndex(db, {
      batchRows: 3,
      yieldToLoop: async () => {
        if (!late) late = add('late arrival');
      },
    });
    expect((await watched.search('late')).map((h) => h.messageId)).toEqual([late]);
    const afterSearch = add('late again');
    expect((await watched.search('late')).map((h) => h.messageId)).toEqual([afterSearch, late]);
  });

  it('shares one pass between concurrent searches', async () => {
    addMany(10);
    const { index: watched, backlogAtYield } = watchedIndex({ batchRows: 5 });
    const [a, b] = await Promise.all([watched.search('message'), watched.search('message')]);
    expect(backlogAtYield).toEqual([5, 0]);
    expect(a).toEqual(b);
  });

  it('indexes in the background once started, and stops on close', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    addMany(10);
    const { index: watched, backlogAtYield } = watchedIndex({ batchRows: 4 });
    watched.start(1_000);
    vi.advanceTimersByTime(1_000);
    await watched.catchUpAll(); // joins the background pass rather than starting another
    expect(backlogAtYield).toEqual([6, 2, 0]);
    await watched.close();
    add('after close');
    vi.advanceTimersByTime(5_000);
    expect(watched.pending()).toBe(1);
  });

  it('stops a pass under way at close, before the database closes', async () => {
    addMany(10);
    const watched = new MessageSearchIndex(db, { batchRows: 2 });
    const search = watched.search('message');
    await watched.close();
    expect(watched.pending()).toBe(8);
    await expect(search).rejects.toThrow(/closed/);
  });

  it('treats search input as text, not FTS syntax', async () => {
    const id = add('denied in us-east-1 AND eu-central-1 (NOT ok)');
    expect(await ids('us-east-1')).toEqual([id]);
    expect(await ids('NOT')).toEqual([id]);
    expect(await ids('"in us-east-1"')).toEqual([id]);
    await expect(index.search('a"b*c(')).resolves.toBeDefined();
  });
});

describe('toFtsQuery', () => {
  it('quotes terms and keeps phrases', () => {
    expect(toFtsQuery('cold  start')).toBe('"cold" "start"');
    expect(toFtsQuery('"cold start" OR x')).toBe('"cold start" "OR" "x"');
    expect(toFtsQuery('   ')).toBeNull();
  });
});
