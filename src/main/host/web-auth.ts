/**
 * Access control for the web host. The token arrives once in the URL the
 * console prints; the host swaps it for an HttpOnly, SameSite=Strict cookie
 * and redirects, so the token leaves the address bar (screen shares!) and the
 * renderer never handles it. API clients may send `Authorization: Bearer`.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'agentcore_ops_token';

export const newAccessToken = (): string => randomBytes(24).toString('base64url');

export function tokensEqual(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function presentedToken(req: IncomingMessage, url: URL, cookieName = TOKEN_COOKIE): { token?: string; via?: 'header' | 'cookie' | 'query' } {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return { token: auth.slice(7).trim(), via: 'header' };
  // The printed URL's token wins over a cookie: a cookie left by an earlier console on this host (another port,
  // a restart) must not lock the person out of the one they just started.
  const query = url.searchParams.get('token');
  if (query) return { token: query, via: 'query' };
  const cookie = cookieValue(req, cookieName);
  if (cookie) return { token: cookie, via: 'cookie' };
  return {};
}

export const cookieValue = (req: IncomingMessage, name: string): string | undefined => parseCookies(req.headers.cookie)[name];

export const LOOPBACK_ADDRESS = '127.0.0.1';

/**
 * The `host:port` values a listener answers to: the loopback names for a loopback listener, else exactly the
 * address it is bound to. Anything else is a DNS-rebinding page or a request meant for another listener.
 */
export function authoritiesFor(address: string, port: number): readonly string[] {
  if (address === LOOPBACK_ADDRESS) return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
  return [address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`];
}

/** Rejects requests whose Host is not this listener: blocks DNS-rebinding pages. */
export function hostAllowed(req: IncomingMessage, authorities: readonly string[]): boolean {
  return req.headers.host !== undefined && authorities.includes(req.headers.host);
}

/** A cross-site page may not drive the API even with a stolen cookie: Origin must be ours when present. */
export function originAllowed(req: IncomingMessage, authorities: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  return authorities.some((authority) => origin === `http://${authority}`);
}

export const sessionCookie = (token: string, cookieName = TOKEN_COOKIE): string => `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`;

function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return out;
}
