/**
 * Opaque pagination tokens. AWS tokens are opaque blobs; ours encode an offset
 * plus a scope tag so a token from one listing is rejected by another instead
 * of silently returning the wrong page.
 */

export function encodeToken(scope: string, offset: number): string {
  return Buffer.from(JSON.stringify({ s: scope, o: offset }), 'utf8').toString('base64url');
}

/** Returns the offset, or undefined when the token is malformed or from another listing. */
export function decodeToken(scope: string, token: string): number | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { s?: unknown; o?: unknown };
    if (parsed.s !== scope || typeof parsed.o !== 'number' || !Number.isInteger(parsed.o) || parsed.o < 0) return undefined;
    return parsed.o;
  } catch {
    return undefined;
  }
}

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

/** Slice `items` at the token's offset; `onBadToken` lets each API throw its own error type. */
export function paginate<T>(items: readonly T[], scope: string, limit: number, token: string | undefined, onBadToken: () => never): Page<T> {
  let start = 0;
  if (token !== undefined && token !== '') {
    const decoded = decodeToken(scope, token);
    if (decoded === undefined) onBadToken();
    start = decoded;
  }
  const end = Math.min(items.length, start + Math.max(1, limit));
  const page: Page<T> = { items: items.slice(start, end) };
  if (end < items.length) page.nextToken = encodeToken(scope, end);
  return page;
}
