/**
 * The web host's connections: each `GET /api/events` is one connection to
 * the stream hub. Its first frame names the connection (`event: hello`), and
 * the client sends that id with its calls (`x-agentcore-connection`) so every
 * call and stream knows its caller. Broadcast events go to every client;
 * stream frames go only to the client that opened the stream.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventName, Events, Role } from '../../shared/contract';
import type { Caller } from './caller';
import type { StreamHub } from './stream-hub';
import { securityHeaders } from './web-static';

export const CONNECTION_HEADER = 'x-agentcore-connection';

export class WebConnections {
  private readonly clients = new Map<string, { res: ServerResponse; role: Role }>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly hub: StreamHub,
    heartbeatMs: number,
  ) {
    // Comments keep proxies and idle timeouts from closing a quiet stream, and reveal a dead peer.
    this.heartbeat = setInterval(() => {
      for (const { res } of this.clients.values()) res.write(': heartbeat\n\n');
    }, heartbeatMs);
    this.heartbeat.unref();
  }

  open(req: IncomingMessage, res: ServerResponse, role: Role): void {
    const connection = `web:${randomBytes(12).toString('base64url')}`;
    res.writeHead(200, { ...securityHeaders, 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    const hubConnection = this.hub.connect({ connection, role }, { send: (frames) => res.write(`event: stream\ndata: ${JSON.stringify(frames)}\n\n`) });
    res.on('drain', () => hubConnection.drained());
    res.write(`event: hello\ndata: ${JSON.stringify({ connection })}\n\n`);
    this.clients.set(connection, { res, role });
    req.on('close', () => {
      this.clients.delete(connection);
      this.hub.disconnect(connection);
    });
  }

  /** The caller of a request: its live connection when it names one it may use, else an anonymous caller. */
  callerOf(req: IncomingMessage, role: Role): Caller {
    const named = req.headers[CONNECTION_HEADER];
    const client = typeof named === 'string' ? this.clients.get(named) : undefined;
    // A connection id is only honoured with the credentials that opened it: a viewer cannot borrow an owner's.
    if (client && client.role === role && typeof named === 'string') return { connection: named, role };
    return { connection: 'web:anonymous', role };
  }

  broadcast<E extends EventName>(event: E, payload: Events[E]): void {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const { res } of this.clients.values()) res.write(frame);
  }

  get size(): number {
    return this.clients.size;
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const { res } of this.clients.values()) res.end();
  }
}
