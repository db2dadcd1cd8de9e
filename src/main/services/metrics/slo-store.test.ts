import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../log/logger';
import { openDatabase, type Db } from '../store/database';
import { SloStore } from './slo-store';

let db: Db;
let dir: string;
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});
const open = () => {
  dir = mkdtempSync(join(tmpdir(), 'slo-'));
  db = openDatabase(dir, silentLogger).db;
  return new SloStore(db);
};

describe('SloStore', () => {
  it('keeps thresholds per agent, null restoring the defaults', () => {
    const s = open();
    expect(s.get('a')).toEqual({ errorRatePct: 5, p99Ms: 10_000 });
    expect(s.set('a', { errorRatePct: 1, p99Ms: 500 })).toEqual({ errorRatePct: 1, p99Ms: 500 });
    expect(s.get('b')).toEqual({ errorRatePct: 5, p99Ms: 10_000 });
    expect(s.set('a', null)).toEqual({ errorRatePct: 5, p99Ms: 10_000 });
  });

  it('merges the same breach seen through other ranges, and closes it only from a live view', () => {
    const s = open();
    s.record('a', [{ kind: 'p99', startedAt: 600, endedAt: 1200, worst: 12_000, threshold: 10_000 }], 0, false);
    // Seen at a coarser period: starts earlier, ends later, worse.
    s.record('a', [{ kind: 'p99', startedAt: 0, endedAt: 1800, worst: 15_000, threshold: 10_000 }], 0, false);
    expect(s.list({ agentKey: 'a' })).toEqual([{ agentKey: 'a', kind: 'p99', startedAt: 0, endedAt: 1800, worst: 15_000, threshold: 10_000 }]);
    // Still going now: open; a past view does not close it; the live view that sees it end does.
    s.record('a', [{ kind: 'p99', startedAt: 1800, worst: 11_000, threshold: 10_000 }], 1200, true);
    expect(s.list({ agentKey: 'a' })[0]!.endedAt).toBeUndefined();
    expect([...s.openAgents()]).toEqual(['a']);
    s.record('a', [{ kind: 'p99', startedAt: 0, endedAt: 2400, worst: 11_000, threshold: 10_000 }], 0, false);
    expect(s.list({ agentKey: 'a' })[0]!.endedAt).toBeUndefined();
    s.record('a', [{ kind: 'p99', startedAt: 1800, endedAt: 3000, worst: 11_000, threshold: 10_000 }], 1800, true);
    expect(s.list({ agentKey: 'a' })).toEqual([{ agentKey: 'a', kind: 'p99', startedAt: 0, endedAt: 3000, worst: 15_000, threshold: 10_000 }]);
    expect(s.list({ since: 4000 })).toEqual([]);
  });
});
