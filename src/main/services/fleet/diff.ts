/** Computes what changed between two polls of the same cell, so only diffs cross to the renderer. */
import { isDeepStrictEqual } from 'node:util';
import type { FleetResource } from '../../../shared/fleet';
import type { StatusTransition } from './fleet-cache';

export interface CellDiff {
  upserted: FleetResource[];
  removed: string[];
  transitions: StatusTransition[];
}

export function diffCell(previous: Iterable<FleetResource>, next: FleetResource[], at: number): CellDiff {
  const before = new Map<string, FleetResource>();
  for (const r of previous) before.set(r.key, r);
  const upserted: FleetResource[] = [];
  const transitions: StatusTransition[] = [];
  for (const r of next) {
    const old = before.get(r.key);
    before.delete(r.key);
    if (!old) {
      upserted.push(r);
      transitions.push({ resourceKey: r.key, from: null, to: r.status, at });
    } else if (!isDeepStrictEqual(old, r)) {
      // Field by field: the same resource read back from the cache may list its keys in another order.
      upserted.push(r);
      if (old.status !== r.status) transitions.push({ resourceKey: r.key, from: old.status, to: r.status, at });
    }
  }
  return { upserted, removed: [...before.keys()], transitions };
}
