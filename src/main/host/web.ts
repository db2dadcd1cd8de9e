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
 * Every request needs the listener's token (cookie, bearer header, or
 * `?token=`). The owner's host and each read-only share are the same
 * listener with a different `ListenerAccess` (role, token check, viewer cap,
 * what goes out and what comes in).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError, type Envelope, type ErrorCode } from '../../shared/errors';
import type { Logger } from '../services/log/logger';
import { readCappedBody } from '../../lib/read-capped-body';
import type { Dispatch } from './dispatch';
import type { EventBus } from './events';
import type { StreamHub } from './stream-hub';
import { createLogThrottle } from './log-throttle';
import { CONNECTION_HEADER, WebConnections } from './web-connections';
import { ownerAccess, type ListenerAccess, type Refusal } from './web-access';
import { authoritiesFor, cookieValue, hostAllowed, LOOPBACK_ADDRESS, newAccessToken, originAllowed, presentedToken, sessionCookie } from './web-auth';
import { securityHeaders, serveStatic } from './web-static';

export interface WebListenerOptions {
  dispatch: Dispatch;
  events: EventBus;
  hub: StreamHub;
  staticDir: string;
  logger: Logger;
  access: ListenerAccess;
  /** Default loopback; any other address is answered only under that address. */
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  maxBodyBytes?: number;
  heartbeatMs?: number;
}

export interface WebListener {
  url: string;
  port: number;
  /** Drops every client's event stream and idle socket at once; the listener keeps answering (a stopped share says so). */
  dropClients(): void;
  close(): Promise<void>;
}

export type WebHostOptions = Omit<WebListenerOptions, 'access'> & { token?: string };

export interface WebHost extends Omit<WebListener, 'dropClients'> {
  /** The URL to open: carries the access token once, then the host switches to a cookie. */
  openUrl: string;
  token: string;
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
  const { dropClients: _drop, ...listener } = await startWebListener({ ...options, access: ownerAccess(token) });
  return { ...listener, openUrl: `${listener.url}/?token=${token}`, token };
}

/** One HTTP listener of the contract; the owner's host and every share are built from it. */
export async function startWebListener(options: WebListenerOptions): Promise<WebListener> {
  const { access } = options;
  const maxBody = options.maxBodyBytes ?? 1024 * 1024;
  const host = options.host ?? LOOPBACK_ADDRESS;
  const connections = new WebConnections(options.hub, options.heartbeatMs ?? 15_000, access.delivery, access.onConnections);
  const rejectedLog = createLogThrottle(20);
  const seatCookie = `${access.cookie}_seat`;
  let authorities: readonly string[] = [];

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.logger.error('web host request failed', { error: error instanceof Error ? error.message : String(error) });
      if (!res.headersSent) sendEnvelope(res, { ok: false, error: new ApiError('internal', 'The web host failed to answer this request.').toShape() });
      else res.destroy();
    });
  });

  const send = (res: ServerResponse, envelope: Envelope<unknown>): void => sendEnvelope(res, access.delivery.outbound(envelope) as Envelope<unknown>);

  function refuse(res: ServerResponse, url: URL, refusal: Refusal, via: string): void {
    rejectedLog((suppressed) =>
      options.logger.warn('rejected web request', {
        role: access.role,
        reason: refusal.reason,
        path: url.pathname.slice(0, 200),
        presented: via,
        ...(suppressed ? { suppressedSinceLastLine: suppressed } : {}),
      }),
    );
    if (url.pathname.startsWith('/api/')) {
      sendEnvelope(res, { ok: false, error: new ApiError('unauthorized', refusal.message, { reason: refusal.reason }).toShape() });
    } else {
      res
        .writeHead(401, { ...securityHeaders, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' })
        .end(`401 Unauthorized: ${refusal.message}`);
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = parseTarget(req.url);
    if (!url) {
      res.writeHead(400, { ...securityHeaders, 'content-type': 'text/plain; charset=utf-8' }).end('400 Bad Request: malformed URL or percent-encoding.');
      return;
    }
    if (!hostAllowed(req, authorities)) {
      res.writeHead(421, securityHeaders).end(`Misdirected request: this listener only answers as ${authorities[0] ?? host}.`);
      return;
    }
    const presented = presentedToken(req, url, access.cookie);
    const seat = cookieValue(req, seatCookie);
    const refusal = access.admit(presented.token);
    if (refusal) return refuse(res, url, refusal, presented.via ?? 'none');
    if (presented.via === 'query' && req.method === 'GET' && !url.pathname.startsWith('/api/')) {
      url.searchParams.delete('token');
      // `//evil.example` would be a protocol-relative redirect off the origin: one leading slash only.
      const location = '/' + url.pathname.replace(/^[/\\]+/, '') + url.search + url.hash;
      const cookies = [sessionCookie(presented.token ?? '', access.cookie)];
      if (!seat) cookies.push(sessionCookie(newAccessToken(), seatCookie));
      res.writeHead(303, { ...securityHeaders, 'set-cookie': cookies, location }).end();
      return;
    }
    const isPage = req.method === 'GET' && !url.pathname.startsWith('/api/') && !/\.[A-Za-z0-9]+$/.test(url.pathname);
    if (url.pathname === '/api/events' || isPage) {
      // Checked on the page too, so a viewer past the cap reads why instead of a console that never connects.
      const seats = connections.seats();
      const full = seat && seats.has(seat) ? null : access.admitConnection(seats.size);
      if (full) return refuse(res, url, full, presented.via ?? 'none');
    }
    if (url.pathname === '/api/events' && req.method === 'GET') return connections.open(req, res, access.role, seat);
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') {
        res.writeHead(405, { ...securityHeaders, allow: 'POST' }).end();
        return;
      }
      if (!originAllowed(req, authorities)) {
        sendEnvelope(res, { ok: false, error: new ApiError('unauthorized', 'Cross-origin API calls are not allowed.').toShape() });
        return;
      }
      const input = await readJsonInput(req, res);
      if (input === undefined) return;
      const caller = connections.callerOf(req, access.role);
      if (url.pathname === '/api/stream/open' || url.pathname === '/api/stream/close') {
        if (caller.connection === 'web:anonymous') {
          sendEnvelope(res, {
            ok: false,
            error: new ApiError('unknown_stream', `Streams need a live connection: open /api/events and send its id as ${CONNECTION_HEADER}.`).toShape(),
          });
          return;
        }
        const body = (input ?? {}) as { id?: unknown; name?: unknown; input?: unknown };
        if (url.pathname === '/api/stream/close') return send(res, options.hub.close(caller.connection, body.id));
        return send(res, await options.hub.open(caller.connection, body.id, body.name, access.inbound(body.input)));
      }
      send(res, await options.dispatch(caller, decodeURIComponent(url.pathname.slice('/api/'.length)), access.inbound(input)));
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

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => resolve());
    });
  } catch (error) {
    unsubscribe();
    connections.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  authorities = authoritiesFor(host, port);
  let closed: Promise<void> | undefined;

  return {
    url: `http://${authorities[0]}`,
    port,
    dropClients: () => {
      connections.endAll();
      // Not closeAllConnections: the request that found the share expired is still to be answered.
      server.closeIdleConnections();
    },
    close: () =>
      (closed ??= new Promise<void>((resolve) => {
        unsubscribe();
        connections.close();
        server.closeAllConnections();
        server.close(() => resolve());
      })),
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
