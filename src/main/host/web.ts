/**
 * The web host: the same contract as Electron IPC, over HTTP + SSE on
 * loopback. It is how `npm start` runs where the Electron binary is missing,
 * how e2e tests drive the real renderer in Chromium, and the base of the
 * read-only war-room share.
 *
 *   POST /api/<method>        JSON input → JSON envelope
 *   GET  /api/events          server-sent events: `hello` (this connection's id), broadcast events, `stream` frames
 *   POST /api/stream/open     `{id, name, input}` → envelope; the stream's frames arrive on this connection's events
 *   POST /api/stream/close    `{id}` → envelope
 *   GET  /*                   the built renderer
 *
 * Every request needs the access token (cookie, bearer header, or `?token=`).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError, type Envelope, type ErrorCode } from '../../shared/errors';
import type { Logger } from '../services/log/logger';
import type { Role } from '../../shared/contract';
import { readCappedBody } from '../../lib/read-capped-body';
import type { Dispatch } from './dispatch';
import type { EventBus } from './events';
import type { StreamHub } from './stream-hub';
import { createLogThrottle } from './log-throttle';
import { CONNECTION_HEADER, WebConnections } from './web-connections';
import { hostAllowed, newAccessToken, originAllowed, presentedToken, sessionCookie, tokensEqual } from './web-auth';
import { securityHeaders, serveStatic } from './web-static';

export interface WebHostOptions {
  dispatch: Dispatch;
  events: EventBus;
  hub: StreamHub;
  staticDir: string;
  logger: Logger;
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  token?: string;
  maxBodyBytes?: number;
  heartbeatMs?: number;
}

export interface WebHost {
  url: string;
  /** The URL to open: carries the access token once, then the host switches to a cookie. */
  openUrl: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const statusFor: Record<ErrorCode, number> = {
  invalid_input: 400,
  unknown_method: 404,
  payload_too_large: 413,
  unauthorized: 401,
  forbidden: 403,
  unknown_stream: 404,
  stream_lost: 503,
  not_found: 404,
  aws_error: 502,
  internal: 500,
};

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? newAccessToken();
  const maxBody = options.maxBodyBytes ?? 1024 * 1024;
  const host = options.host ?? '127.0.0.1';
  const connections = new WebConnections(options.hub, options.heartbeatMs ?? 15_000);
  // The access token's holder owns the console; read-only shares will present tokens of their own.
  const role: Role = 'owner';
  const rejectedLog = createLogThrottle(20);
  let port = 0;

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.logger.error('web host request failed', { error: error instanceof Error ? error.message : String(error) });
      if (!res.headersSent) sendEnvelope(res, { ok: false, error: new ApiError('internal', 'The web host failed to answer this request.').toShape() });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = parseTarget(req.url);
    if (!url) {
      res.writeHead(400, { ...securityHeaders, 'content-type': 'text/plain; charset=utf-8' }).end('400 Bad Request: malformed URL or percent-encoding.');
      return;
    }
    if (!hostAllowed(req, port)) {
      res.writeHead(421, securityHeaders).end('Misdirected request: this console only answers on its loopback address.');
      return;
    }
    const presented = presentedToken(req, url);
    if (!tokensEqual(presented.token, token)) {
      rejectedLog((suppressed) =>
        options.logger.warn('rejected request without a valid access token', {
          path: url.pathname.slice(0, 200),
          presented: presented.via ?? 'none',
          ...(suppressed ? { suppressedSinceLastLine: suppressed } : {}),
        }),
      );
      if (url.pathname.startsWith('/api/')) {
        sendEnvelope(res, {
          ok: false,
          error: new ApiError('unauthorized', 'Missing or wrong access token. Open the URL that `npm start` printed (it carries the token).').toShape(),
        });
      } else {
        res
          .writeHead(401, { ...securityHeaders, 'content-type': 'text/plain; charset=utf-8' })
          .end('401 Unauthorized: open the URL that `npm start` printed; it carries the access token.');
      }
      return;
    }
    if (presented.via === 'query' && req.method === 'GET' && !url.pathname.startsWith('/api/')) {
      url.searchParams.delete('token');
      // `//evil.example` would be a protocol-relative redirect off the origin: one leading slash only.
      const location = '/' + url.pathname.replace(/^[/\\]+/, '') + url.search + url.hash;
      res.writeHead(303, { ...securityHeaders, 'set-cookie': sessionCookie(token), location }).end();
      return;
    }
    if (url.pathname === '/api/events' && req.method === 'GET') return connections.open(req, res, role);
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') {
        res.writeHead(405, { ...securityHeaders, allow: 'POST' }).end();
        return;
      }
      if (!originAllowed(req, port)) {
        sendEnvelope(res, { ok: false, error: new ApiError('unauthorized', 'Cross-origin API calls are not allowed.').toShape() });
        return;
      }
      const input = await readJsonInput(req, res);
      if (input === undefined) return;
      const caller = connections.callerOf(req, role);
      if (url.pathname === '/api/stream/open' || url.pathname === '/api/stream/close') {
        if (caller.connection === 'web:anonymous') {
          sendEnvelope(res, {
            ok: false,
            error: new ApiError('unknown_stream', `Streams need a live connection: open /api/events and send its id as ${CONNECTION_HEADER}.`).toShape(),
          });
          return;
        }
        const body = (input ?? {}) as { id?: unknown; name?: unknown; input?: unknown };
        if (url.pathname === '/api/stream/close') return sendEnvelope(res, options.hub.close(caller.connection, body.id));
        return sendEnvelope(res, await options.hub.open(caller.connection, body.id, body.name, body.input));
      }
      sendEnvelope(res, await options.dispatch(caller, decodeURIComponent(url.pathname.slice('/api/'.length)), input));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, securityHeaders).end();
      return;
    }
    serveStatic(options.staticDir, url.pathname, res);
  }

  /** The request's JSON body, or undefined once an error has been answered. */
  async function readJsonInput(req: IncomingMessage, res: ServerResponse): Promise<unknown> {
    const read = await readCappedBody(req, maxBody);
    if (!read.ok) {
      sendEnvelope(res, { ok: false, error: new ApiError('payload_too_large', `Request body exceeds ${maxBody} bytes.`, { limit: maxBody }).toShape() });
      return undefined;
    }
    if (read.body.length === 0) return {};
    try {
      return JSON.parse(read.body.toString('utf8')) as unknown;
    } catch (error) {
      sendEnvelope(res, { ok: false, error: new ApiError('invalid_input', `Request body is not valid JSON: ${(error as Error).message}`).toShape() });
      return undefined;
    }
  }

  const unsubscribe = options.events.subscribe((event, payload) => connections.broadcast(event, payload));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const base = `http://${host}:${port}`;

  return {
    url: base,
    openUrl: `${base}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        connections.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function sendEnvelope(res: ServerResponse, envelope: Envelope<unknown>): void {
  const status = envelope.ok ? 200 : statusFor[envelope.error.code];
  res.writeHead(status, { ...securityHeaders, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(envelope));
}

/** The request target as a URL whose path decodes, or null: malformed targets and encodings are the client's error (400), never ours. */
function parseTarget(target: string | undefined): URL | null {
  try {
    const url = new URL(target ?? '/', 'http://127.0.0.1');
    decodeURIComponent(url.pathname);
    return url;
  } catch {
    return null;
  }
}
