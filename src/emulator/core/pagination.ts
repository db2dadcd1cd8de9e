/**
 * Real pagination: `maxResults` bounds a page and `nextToken` is opaque base64
 * (an offset bound to the listing it came from), so a token replayed against
 * another list is rejected the way AWS rejects it.
 */
import { errors } from './protocol';

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

export interface PageRequest {
  maxResults?: number;
  nextToken?: string;
  /** Identifies the listing (operation + parent) so tokens can't cross lists. */
  scope: string;
  defaultMax: number;
  limit: number;
}

/** Pages over a sequence without materialising it (scaled fleets generate items on demand). */
export function paginate<T>(length: number, at: (index: number) => T, req: PageRequest): Page<T> {
  const max = req.maxResults ?? req.defaultMax;
  if (!Number.isInteger(max) || max < 1 || max > req.limit) {
    throw errors.validation(
      `1 validation error detected: Value '${max}' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and ${req.limit}`,
      [{ name: 'maxResults', message: `Member must have value between 1 and ${req.limit}` }],
    );
  }
  const start = req.nextToken ? decodeToken(req.nextToken, req.scope) : 0;
  const end = Math.min(length, start + max);
  const items: T[] = [];
  for (let i = start; i < end; i++) items.push(at(i));
  return end < length ? { items, nextToken: encodeToken(end, req.scope) } : { items };
}

function encodeToken(offset: number, scope: string): string {
  return Buffer.from(JSON.stringify({ o: offset, s: scope, v: 1 })).toString('base64');
}

function decodeToken(token: string, scope: string): number {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { o?: unknown; s?: unknown };
    if (typeof parsed.o === 'number' && parsed.o >= 0 && parsed.s === scope) return parsed.o;
  } catch {
    // fall through to the AWS-style rejection below
  }
  throw errors.validation('Invalid nextToken provided.', [{ name: 'nextToken', message: 'Invalid pagination token' }]);
}

/** maxResults from a query string (REST list ops put it there), validated as an integer. */
export function queryInt(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n)) {
    throw errors.validation(`1 validation error detected: Value '${raw}' at '${name}' failed to satisfy constraint: Member must be an integer`);
  }
  return n;
}
