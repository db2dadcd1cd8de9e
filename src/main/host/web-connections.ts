/**
 * The web host's connections: each `GET /api/events` is one connection to
 * the stream hub. Its first frame names the connection (`event: hello`), and
 * the client sends that id with its calls (`x-agentcore-connection`) so every
 * call and stream knows its caller. Broadcast events go to every client
 * that may hear them; stream frames go only to the client that opened the
 * stream. A share's listener passes what its viewers may hear and how what
 * they receive is rewritten (redaction).
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventName, Events, Role } from '../../shared/contract';
import type { Caller } from './caller';
import type { StreamHub } from './stream-hub';
import { securityHeaders } from './web-static';

export const CONNECTION_HEADER = 'x-agentcore-connection';

/** What a listener's clients receive, and which broadcast events reach them. */
export interface DeliveryPolicy {
  outbound(value: unknown): unknown;
  hears(event: EventName): boolean;
  /** The broadcast payload for this listener's clients, before `outbound`. */
  payload<E extends EventName>(event: E, payload: Events[E]): unknown;
}

export const ownerDelivery: DeliveryPolicy = { outbound: (value) => value, hears: () => true, payload: (_event, payload) => payload };

export class WebConnections {
  private readonly clients = new Map<string, { res: ServerResponse; role: Role; seat: string }>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly hub: StreamHub,
    heartbeatMs: number,
    private readonly delivery: DeliveryPolicy = ownerDelivery,
    private readonly onCount: (live: number) => void = () => undefined,
  ) {
    // Comments keep proxies and idle timeouts from closing a quiet stream, and reveal a dead peer.
    this.heartbeat = setInterval(() => {
      for (const { res } of this.clients.values()) res.write(': heartbeat\n\n');
    }, heartbeatMs);
    this.heartbeat.unref();
  }

  /** `seat` names the browser (a cookie): its tabs and a reload count as one viewer, not one per event stream. */
  open(req: IncomingMessage, res: ServerResponse, role: Role, seat?: string): void {
    const connection = `web:${randomBytes(12).toString('base64url')}`;
    res.writeHead(200, { ...securityHeaders, 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    const hubConnection = this.hub.connect(
      { connection, role },
      { send: (frames) => res.write(`event: stream\ndata: ${JSON.stringify(this.delivery.outbound(frames))}\n\n`) },
    );
    res.on('drain', () => hubConnection.drained());
    res.write(`event: hello\ndata: ${JSON.stringify({ connection })}\n\n`);
    this.clients.set(connection, { res, role, seat: seat ?? connection });
    this.onCount(this.seats().size);
    req.on('close', () => {
      if (!this.clients.delete(connection)) return;
      this.hub.disconnect(connection);
      this.onCount(this.seats().size);
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
    if (this.clients.size === 0 || !this.delivery.hears(event)) return;
    // Rewritten once per event, not per client: every viewer of a share sees the same pseudonyms anyway.
    const frame = `event: ${event}\ndata: ${JSON.stringify(this.delivery.outbound(this.delivery.payload(event, payload)))}\n\n`;
    for (const { res } of this.clients.values()) res.write(frame);
  }

  get size(): number {
    return this.clients.size;
  }

  /** The browsers with a live event stream. */
  seats(): Set<string> {
    return new Set([...this.clients.values()].map((client) => client.seat));
  }

  /** Ends every client's stream at once (a stopped share); each one's streams close with it. */
  endAll(): void {
    const ending = [...this.clients.entries()];
    this.clients.clear();
    for (const [connection, { res }] of ending) {
      this.hub.disconnect(connection);
      // The socket goes too: left in a keep-alive pool, it would carry the client's next request as if nothing ended.
      res.end(() => res.socket?.destroy());
    }
    if (ending.length > 0) this.onCount(0);
  }

  close(): void {
    clearInterval(this.heartbeat);
    this.endAll();
  }
}
