/**
 * The web host: the same contract as Electron IPC, over HTTP + SSE on
 * loopback. It is how `npm start` runs where the Electron binary is missing,
 * how e2e tests drive the real renderer in Chromium, and the base of the
 * read-only war-room share.
 *
 *   POST /api/<method>   JSON input → JSON envelope
 *   GET  /api/events     server-sent events (`event: <name>`, `data: <json>`)
 *   GET  /*              the built renderer
 *
 * Every request needs the access token (cookie, bearer header, or `?token=`).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError, type Envelope, type ErrorCode } from '../../shared/errors';
import type { Logger } from '../services/log/logger';
import type { Dispatch } from './dispatch';
import type { EventBus } from './events';
import { hostAllowed, newAccessToken, originAllowed, presentedToken, sessionCookie, tokensEqual } from './web-auth';
import { securityHeaders, serveStatic } from './web-static';

export interface WebHostOptions {
  dispatch: Dispatch;
  events: EventBus;
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
  not_found: 404,
  aws_error: 502,
  internal: 500,
};

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? newAccessToken();
  const maxBody = options.maxBodyBytes ?? 1024 * 1024;
  const host = options.host ?? '127.0.0.1';
  const sseClients = new Set<ServerResponse>();
  let port = 0;

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.logger.error('web host request failed', { error: error instanceof Error ? error.message : String(error) });
      if (!res.headersSent) sendEnvelope(res, { ok: false, error: new ApiError('internal', 'The web host failed to answer this request.').toShape() });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!hostAllowed(req, port)) {
      res.writeHead(421, securityHeaders).end('Misdirected request: this console only answers on its loopback address.');
      return;
    }
    const presented = presentedToken(req, url);
    if (!tokensEqual(presented.token, token)) {
      options.logger.warn('rejected request without a valid access token', { path: url.pathname, presented: presented.via ?? 'none' });
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
      res.writeHead(303, { ...securityHeaders, 'set-cookie': sessionCookie(token), location: url.pathname + url.search + url.hash }).end();
      return;
    }
    if (url.pathname === '/api/events' && req.method === 'GET') return openEventStream(req, res);
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') {
        res.writeHead(405, { ...securityHeaders, allow: 'POST' }).end();
        return;
      }
      if (!originAllowed(req, port)) {
        sendEnvelope(res, { ok: false, error: new ApiError('unauthorized', 'Cross-origin API calls are not allowed.').toShape() });
        return;
      }
      return callMethod(req, res, decodeURIComponent(url.pathname.slice('/api/'.length)));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, securityHeaders).end();
      return;
    }
    serveStatic(options.staticDir, url.pathname, res);
  }

  async function callMethod(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    const body = await readBody(req, maxBody);
    if (body === 'too_large') {
      sendEnvelope(res, { ok: false, error: new ApiError('payload_too_large', `Request body exceeds ${maxBody} bytes.`, { limit: maxBody }).toShape() });
      req.resume();
      return;
    }
    let input: unknown = {};
    if (body.length > 0) {
      try {
        input = JSON.parse(body.toString('utf8'));
      } catch (error) {
        sendEnvelope(res, { ok: false, error: new ApiError('invalid_input', `Request body is not valid JSON: ${(error as Error).message}`).toShape() });
        return;
      }
    }
    sendEnvelope(res, await options.dispatch(method, input));
  }

  function openEventStream(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { ...securityHeaders, 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    sseClients.add(res);
    req.on('close', () => sseClients.delete(res));
  }

  const unsubscribe = options.events.subscribe((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const client of sseClients) client.write(frame);
  });
  // Comments keep proxies and idle timeouts from closing a quiet stream.
  const heartbeat = setInterval(() => {
    for (const client of sseClients) client.write(': heartbeat\n\n');
  }, options.heartbeatMs ?? 15_000);
  heartbeat.unref();

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
        clearInterval(heartbeat);
        unsubscribe();
        for (const client of sseClients) client.end();
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

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too_large'> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) return Promise.resolve('too_large');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    req.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limit) {
        settled = true;
        resolve('too_large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!settled) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}
