/**
 * The emulator's own admin API under `/_emulator/` (health, faults, reset,
 * plus the routes modules add, e.g. `/_emulator/logs`). Loopback only,
 * unsigned: it exists for tests, demos and the console's "inject a fault"
 * switch, never for remote callers.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AdminError, type AdminRoute } from './types';

export interface AdminHooks {
  health(): unknown;
  getFaults(): unknown;
  setFaults(profile: unknown): void;
  reset(): void;
  /** Module routes, matched after the built-in ones. */
  routes?: readonly AdminRoute[];
}

/** Admin bodies carry test payloads such as a 1 MB log line, JSON-escaped; this leaves room for that and no more. */
export const ADMIN_BODY_LIMIT = 16 * 1024 * 1024;

/** The request body as read by the server: bytes, or how many bytes overflowed the cap. */
export type AdminBody = Buffer | { tooLarge: number };

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export function isLoopback(req: IncomingMessage): boolean {
  return LOOPBACK.has(req.socket.remoteAddress ?? '');
}

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);
const loopbackName = (hostAndPort: string): boolean => LOOPBACK_NAMES.has(hostAndPort.replace(/:\d+$/, '').toLowerCase());

/**
 * Why a loopback request to the admin API must still be refused: a web page can reach loopback through DNS
 * rebinding (its own name, so a foreign Host header) or send a no-cors POST from its own origin (an Origin
 * header, or Sec-Fetch-Site, that is not this machine). Tools (curl, the SDKs, tests) send neither.
 */
export function browserAttack(req: IncomingMessage): string | undefined {
  const host = req.headers.host ?? '';
  if (!loopbackName(host)) return `Host ${host.slice(0, 100) || '(none)'} is not this machine`;
  const origin = req.headers.origin;
  if (origin !== undefined) {
    let originHost = '';
    try {
      originHost = new URL(origin).host;
    } catch {
      // an unparsable Origin is as foreign as any
    }
    if (!loopbackName(originHost)) return `cross-site request from ${origin.slice(0, 100)}`;
  }
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return `cross-site request (Sec-Fetch-Site: ${site})`;
  return undefined;
}

export function handleAdmin(req: IncomingMessage, res: ServerResponse, path: string, raw: AdminBody, hooks: AdminHooks): void {
  const send = (status: number, payload: unknown): void => {
    const json = JSON.stringify(payload);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(json)) });
    res.end(json);
  };
  if (!isLoopback(req)) return send(403, { message: 'admin API is loopback-only' });
  const attack = browserAttack(req);
  if (attack) return send(403, { message: `admin API refused: ${attack}` });
  const key = `${req.method} ${path}`;
  if (!Buffer.isBuffer(raw)) return send(413, { message: `admin request body of ${raw.tooLarge} bytes exceeds the ${ADMIN_BODY_LIMIT} byte limit` });
  const body = raw;
  try {
    switch (key) {
      case 'GET /_emulator/health':
        return send(200, hooks.health());
      case 'GET /_emulator/faults':
        return send(200, hooks.getFaults());
      case 'PUT /_emulator/faults': {
        let profile: unknown;
        try {
          profile = JSON.parse(body.toString('utf8') || '{}');
        } catch {
          return send(400, { message: 'body must be a JSON fault profile' });
        }
        hooks.setFaults(profile);
        return send(200, hooks.getFaults());
      }
      case 'POST /_emulator/reset':
        hooks.reset();
        return send(200, { reset: true });
      default: {
        const route = hooks.routes?.find((r) => `${r.method} ${r.path}` === key);
        if (!route) return send(404, { message: `no admin route ${key}` });
        const text = body.toString('utf8').trim();
        let parsed: unknown;
        try {
          parsed = text === '' ? undefined : JSON.parse(text);
        } catch {
          return send(400, { message: `body of ${key} must be JSON` });
        }
        return send(200, route.handle(parsed));
      }
    }
  } catch (err) {
    return send(err instanceof AdminError ? err.status : 400, { message: (err as Error).message });
  }
}
