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
    } else if (!sameResource(old, r)) {
      upserted.push(r);
      if (old.status !== r.status) transitions.push({ resourceKey: r.key, from: old.status, to: r.status, at });
    }
  }
  return { upserted, removed: [...before.keys()], transitions };
}

/**
 * Field by field, whatever order the keys come in (a resource read back from the cache may list them in
 * another): a steady poll compares thousands of resources whose fields are mostly the very same values,
 * and the endpoints array a reused resource shares with its previous self, so `===` settles nearly all
 * of them before a deep comparison is needed.
 */
function sameResource(a: FleetResource, b: FleetResource): boolean {
  if (a === b) return true;
  const keys = Object.keys(a) as Array<keyof FleetResource>;
  if (keys.length !== Object.keys(b).length) return false;
  for (const k of keys) {
    if (!Object.hasOwn(b, k)) return false;
    const x = a[k];
    const y = b[k];
    if (x !== y && (typeof x !== 'object' || typeof y !== 'object' || !isDeepStrictEqual(x, y))) return false;
  }
  return true;
}
