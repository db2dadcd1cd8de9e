/**
 * Real pagination for every emulator listing: a page is a window of a
 * sequence and `nextToken` is opaque (base64url of an offset bound to the
 * listing it came from), so a token replayed against another list is rejected
 * the way AWS rejects it instead of silently returning the wrong page.
 * Sequences are read by index, so scaled fleets page without being built whole.
 */
import { errors } from './protocol';

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

export interface PageRequest {
  /** Identifies the listing (operation, parent and filters) so tokens can't cross lists. */
  scope: string;
  /** Page size, already checked against the API's own bounds (services differ). */
  size: number;
  nextToken?: string;
  /** Each API rejects a bad token with its own error type; the default is AgentCore's ValidationException. */
  onBadToken?: () => never;
}

export function paginate<T>(length: number, at: (index: number) => T, req: PageRequest): Page<T> {
  let start = 0;
  if (req.nextToken) start = decodeToken(req.nextToken, req.scope) ?? (req.onBadToken ?? invalidToken)();
  const end = Math.min(length, start + Math.max(1, req.size));
  const items: T[] = [];
  for (let i = start; i < end; i++) items.push(at(i));
  return end < length ? { items, nextToken: encodeToken(end, req.scope) } : { items };
}

export function paginateList<T>(items: readonly T[], req: PageRequest): Page<T> {
  return paginate(items.length, (i) => items[i] as T, req);
}

/** AgentCore's bounds on `maxResults`: absent means the default, out of range is its validation error. */
export function checkedMaxResults(maxResults: number | undefined, defaultMax: number, limit: number): number {
  const max = maxResults ?? defaultMax;
  if (!Number.isInteger(max) || max < 1 || max > limit) {
    throw errors.validation(
      `1 validation error detected: Value '${max}' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and ${limit}`,
      [{ name: 'maxResults', message: `Member must have value between 1 and ${limit}` }],
    );
  }
  return max;
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

function encodeToken(offset: number, scope: string): string {
  return Buffer.from(JSON.stringify({ s: scope, o: offset }), 'utf8').toString('base64url');
}

/** The offset, or undefined when the token is malformed or from another listing. */
function decodeToken(token: string, scope: string): number | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { s?: unknown; o?: unknown };
    if (parsed.s === scope && typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0) return parsed.o;
  } catch {
    // not JSON: rejected below like any other foreign token
  }
  return undefined;
}

function invalidToken(): never {
  throw errors.validation('Invalid nextToken provided.', [{ name: 'nextToken', message: 'Invalid pagination token' }]);
}
