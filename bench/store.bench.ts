/**
 * The chat store on a real WAL file: writing 100,000 messages through the
 * app's write path, bringing the FTS5 index up to date (deferred, as the app
 * does), and full-text query latency over all of them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../src/main/services/log/logger';
import { openDatabase } from '../src/main/services/store/database';
import { MessageSearchIndex } from '../src/main/services/store/message-index';
import { percentile, type Bench } from './bench-types';
import { createCorpus, prng } from './text-corpus';

const bench: Bench = {
  name: 'store (SQLite + FTS5)',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'bench-store-'));
    const { db } = openDatabase(dir, silentLogger);
    const corpus = createCorpus(42);
    const random = prng(7);

    const sessions = 1000;
    const insertSession = db.prepare(
      'INSERT INTO chat_sessions (id, agent_key, runtime_session_id, title, pinned, created_at, last_activity_at) VALUES (?, ?, ?, ?, 0, ?, ?)',
    );
    db.transaction(() => {
      for (let s = 0; s < sessions; s++) insertSession.run(`s${s}`, `agent-${s % 40}`, `session-${String(s).padStart(40, '0')}`, `Session ${s}`, s, s);
    })();

    // Prompts are short, replies longer: 8–20 and 20–60 words.
    const total = 100_000;
    const texts = Array.from({ length: total }, (_, i) => corpus.sentence(i % 2 ? 20 + Math.floor(random() * 40) : 8 + Math.floor(random() * 12)));
    const insert = db.prepare('INSERT INTO chat_messages (session_id, role, text, created_at) VALUES (?, ?, ?, ?)');
    const t0 = performance.now();
    for (let offset = 0; offset < total; offset += 5_000) {
      db.transaction(() => {
        for (let i = offset; i < offset + 5_000; i++) insert.run(`s${i % sessions}`, i % 2 ? 'assistant' : 'user', texts[i] as string, i);
      })();
    }
    const insertSeconds = (performance.now() - t0) / 1000;

    const index = new MessageSearchIndex(db);
    const t1 = performance.now();
    while (index.catchUp(5_000) > 0);
    const indexSeconds = (performance.now() - t1) / 1000;

    const queries = Array.from({ length: 300 }, (_, i) =>
      i % 3 === 0 ? `"${corpus.word()} ${corpus.word()}"` : i % 3 === 1 ? corpus.word() : `${corpus.word()} ${corpus.word()}`,
    );
    for (const q of queries.slice(0, 20)) await index.search(q); // warm the page cache
    const times: number[] = [];
    for (const q of queries) {
      const start = performance.now();
      await index.search(q);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    db.close();
    rmSync(dir, { recursive: true, force: true });

    const writeRate = total / insertSeconds;
    const p95 = percentile(times, 95);
    return [
      { metric: 'write 100,000 messages (app write path)', value: Math.round(writeRate), unit: 'rows/s', target: '≥ 50,000', pass: writeRate >= 50_000 },
      { metric: 'FTS5 index catch-up', value: Math.round(total / indexSeconds), unit: 'rows/s' },
      { metric: 'write + index, end to end', value: Math.round(total / (insertSeconds + indexSeconds)), unit: 'rows/s' },
      { metric: 'search p50 (50 newest hits + snippets)', value: percentile(times, 50), unit: 'ms' },
      { metric: 'search p95 (50 newest hits + snippets)', value: p95, unit: 'ms', target: '< 20', pass: p95 < 20 },
    ];
  },
};
export default bench;
