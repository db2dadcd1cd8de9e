/**
 * The main process's event loop while the FTS5 index catches up on 100,000
 * messages and is searched: the longest stall (no single synchronous SQLite
 * task may hold the loop past ~50 ms), against the old path — one
 * transaction over the whole backlog — measured in the same run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../src/main/services/log/logger';
import { openDatabase, type Db } from '../src/main/services/store/database';
import { MessageSearchIndex } from '../src/main/services/store/message-index';
import { percentile, type Bench } from './bench-types';
import { createCorpus, prng } from './text-corpus';

const TOTAL = 100_000;
const SESSIONS = 1_000;

/** A real WAL file like the app's, with 100,000 chat-sized messages none of which is indexed yet. */
function backlog(seed: number): { db: Db; dispose: () => void; corpus: ReturnType<typeof createCorpus> } {
  const dir = mkdtempSync(join(tmpdir(), 'bench-fts-'));
  const { db } = openDatabase(dir, silentLogger);
  const corpus = createCorpus(42);
  const random = prng(seed);
  const session = db.prepare(
    'INSERT INTO chat_sessions (id, agent_key, runtime_session_id, title, pinned, created_at, last_activity_at) VALUES (?, ?, ?, ?, 0, ?, ?)',
  );
  const message = db.prepare('INSERT INTO chat_messages (session_id, role, text, created_at) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (let s = 0; s < SESSIONS; s++) session.run(`s${s}`, `agent-${s % 40}`, `session-${String(s).padStart(40, '0')}`, `Session ${s}`, s, s);
    for (let i = 0; i < TOTAL; i++) {
      const words = i % 2 ? 20 + Math.floor(random() * 40) : 8 + Math.floor(random() * 12);
      message.run(`s${i % SESSIONS}`, i % 2 ? 'assistant' : 'user', corpus.sentence(words), i);
    }
  })();
  return { db, corpus, dispose: () => (db.close(), rmSync(dir, { recursive: true, force: true })) };
}

/**
 * The longest gap, in ms, between ticks of a 1 ms timer while `work` runs: the longest the loop was held.
 * (perf_hooks' monitorEventLoopDelay misses a stall before its first tick, which is the old path's only one.)
 */
async function longestStall(work: () => Promise<void>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  await new Promise((resolve) => setTimeout(resolve, 20));
  await work();
  await new Promise((resolve) => setTimeout(resolve, 5)); // lets the probe see a stall that ended the work
  clearInterval(probe);
  return longest;
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const bench: Bench = {
  name: 'FTS catch-up stall',
  async run() {
    // Before: the old catch-up, verbatim — every finished message past the mark in one statement, in one transaction.
    const old = backlog(7);
    let oldCatchUpMs = 0;
    const oldStall = await longestStall(async () => {
      await nextTurn();
      const start = performance.now();
      old.db.transaction(() => {
        old.db.prepare("INSERT INTO chat_messages_fts(rowid, text) SELECT id, text FROM chat_messages WHERE id > 0 AND state != 'streaming'").run();
        old.db.prepare('UPDATE chat_fts_state SET indexed_through = (SELECT max(id) FROM chat_messages) WHERE id = 1').run();
      })();
      oldCatchUpMs = performance.now() - start;
    });
    old.dispose();

    // After: the first search waits for batched catch-up while the app keeps writing (a reply every 5 ms).
    const { db, corpus, dispose } = backlog(7);
    const index = new MessageSearchIndex(db);
    const write = db.prepare("INSERT INTO chat_messages (session_id, role, text, created_at) VALUES ('s1', 'assistant', ?, 0)");
    let catchUpMs = 0;
    let freshFound = false;
    const catchUpStall = await longestStall(async () => {
      const writer = setInterval(() => write.run(`fresh reply ${corpus.sentence(20)}`), 5);
      const start = performance.now();
      const hits = await index.search('fresh', 1);
      catchUpMs = performance.now() - start;
      clearInterval(writer);
      freshFound = hits.length === 1 && index.pending() === 0;
    });

    // Searches over all of them: the commonest words, phrases and pairs of them, and Zipf-drawn terms.
    const common = ['lo', 'mi', 'latency', 'lo mi', '"lo mi"', 'lo mi ne ru'];
    const queries = Array.from({ length: 300 }, (_, i) =>
      i % 4 === 0 ? (common[(i / 4) % common.length] as string) : i % 4 === 1 ? `"${corpus.word()} ${corpus.word()}"` : `${corpus.word()} ${corpus.word()}`,
    );
    for (const q of queries.slice(0, 20)) await index.search(q, 200); // warm the page cache
    const times: number[] = [];
    const searchStall = await longestStall(async () => {
      for (const q of queries) {
        const start = performance.now();
        await index.search(q, 200);
        times.push(performance.now() - start);
        await nextTurn();
      }
    });
    times.sort((a, b) => a - b);
    await index.close();
    dispose();

    const worst = Math.max(catchUpStall, searchStall);
    const p95 = percentile(times, 95);
    return [
      { metric: 'before: longest stall, catch-up in one transaction', value: oldStall, unit: 'ms' },
      { metric: 'before: catch-up 100,000 messages', value: oldCatchUpMs, unit: 'ms' },
      { metric: 'after: longest stall, batched catch-up + writes', value: catchUpStall, unit: 'ms', target: '< 50', pass: catchUpStall < 50 },
      { metric: 'after: longest stall, 300 searches (limit 200)', value: searchStall, unit: 'ms', target: '< 50', pass: searchStall < 50 },
      { metric: 'after: first search incl. catch-up 100,000', value: catchUpMs, unit: 'ms' },
      { metric: 'after: message written during catch-up found', value: freshFound ? 1 : 0, unit: 'yes=1', target: '1', pass: freshFound },
      { metric: 'search p95 (200 newest hits + snippets)', value: p95, unit: 'ms', target: '< 20', pass: p95 < 20 },
      { metric: 'longest stall, before ÷ after', value: oldStall / worst, unit: '×' },
    ];
  },
};
export default bench;
