import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FleetCell, FleetResource } from '../../../shared/fleet';
import { silentLogger } from '../log/logger';
import { openDatabase, type Db } from '../store/database';
import { lastKnownName, statusChanges, StatusHistory } from './status-history';

let db: Db;
let dir: string;
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const DAY = 86_400_000;
const open = (now = () => 10_000) => {
  dir = mkdtempSync(join(tmpdir(), 'status-history-'));
  db = openDatabase(dir, silentLogger).db;
  return new StatusHistory(db, now);
};
const runtime = (name: string, status: string, region = 'us-east-1', failureReason?: string): FleetResource => ({
  key: `p|${region}|runtime|${name}-0123456789`,
  kind: 'runtime',
  id: `${name}-0123456789`,
  arn: `arn:aws:bedrock-agentcore:${region}:123456789012:runtime/${name}-0123456789`,
  name,
  profile: 'p',
  accountId: '123456789012',
  region,
  status,
  health: 'ok',
  ...(failureReason ? { failureReason } : {}),
});
const cell = (region: string, state: FleetCell['state'] = 'ok'): FleetCell => ({ profile: 'p', region, state });
const all = (keys: string[]) => statusChanges(db, keys, 0, Number.MAX_SAFE_INTEGER);

describe('StatusHistory', () => {
  it('does not record what a cell’s first poll finds, then records changes, new resources and deletions with names and reasons', () => {
    const history = open();
    const a = runtime('alpha', 'READY');
    const b = runtime('beta', 'READY');
    history.observe({ upserted: [a, b], removed: [], cells: [cell('us-east-1')], asOf: 1000 });
    expect(all([a.key, b.key])).toEqual([]);

    const c = runtime('gamma', 'CREATING');
    history.observe({
      upserted: [runtime('alpha', 'UPDATE_FAILED', 'us-east-1', 'image pull denied'), c],
      removed: [b.key],
      cells: [cell('us-east-1')],
      asOf: 2000,
    });
    expect(all([a.key, b.key, c.key]).map(({ id: _id, ...rest }) => rest)).toEqual([
      { resourceKey: a.key, name: 'alpha', from: 'READY', to: 'UPDATE_FAILED', reason: 'image pull denied', at: 2000 },
      { resourceKey: c.key, name: 'gamma', from: null, to: 'CREATING', reason: null, at: 2000 },
      { resourceKey: b.key, name: 'beta', from: 'READY', to: 'DELETED', reason: 'No longer listed by AgentCore', at: 2000 },
    ]);
    expect(lastKnownName(db, b.key)).toBe('beta');
    // A resource upserted for another field (a new version) with the same status is not a status change.
    history.observe({ upserted: [{ ...c, version: '2' }], removed: [], cells: [cell('us-east-1')], asOf: 3000 });
    expect(all([c.key])).toHaveLength(1);
    expect(statusChanges(db, [a.key], 2001, 5000)).toEqual([]);
  });

  it('does not call a resource deleted when its cell is no longer watched', () => {
    const history = open();
    const west = runtime('west', 'READY', 'us-west-2');
    history.seed([west]);
    history.observe({ upserted: [], removed: [west.key], cells: [cell('us-east-1')], asOf: 1000 });
    expect(all([west.key])).toEqual([]);
  });

  it('compares against the cached fleet after a restart', () => {
    const history = open();
    history.seed([runtime('alpha', 'READY')]);
    history.observe({ upserted: [runtime('alpha', 'UPDATING')], removed: [], cells: [cell('us-east-1')], asOf: 1000 });
    expect(all([runtime('alpha', 'READY').key]).map((c) => [c.from, c.to])).toEqual([['READY', 'UPDATING']]);
  });

  it('keeps 30 days', () => {
    let now = 100 * DAY;
    const history = open(() => now);
    history.seed([runtime('alpha', 'READY')]);
    history.observe({ upserted: [runtime('alpha', 'UPDATING')], removed: [], cells: [cell('us-east-1')], asOf: now - 31 * DAY });
    history.observe({ upserted: [runtime('alpha', 'READY')], removed: [], cells: [cell('us-east-1')], asOf: now - 29 * DAY });
    expect(all([runtime('alpha', 'READY').key]).map((c) => c.to)).toEqual(['READY']);
    now += 2 * 3_600_000;
    history.observe({ upserted: [runtime('alpha', 'UPDATING')], removed: [], cells: [cell('us-east-1')], asOf: now - 31 * DAY + 1 });
    expect(all([runtime('alpha', 'READY').key]).map((c) => c.to)).toEqual(['READY']);
  });
});
