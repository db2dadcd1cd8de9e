/**
 * For tests of the read-only share: the real share module and listener over a
 * stub contract whose answers carry raw account ids, ARNs and session ids, a
 * settable clock, and raw HTTP/SSE clients that keep every byte a viewer got.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Implementation } from './dispatch';
import { createDispatcher } from './dispatch';
import { EventBus } from './events';
import { silentLogger, type Logger } from '../services/log/logger';
import { createShareModule, type ShareModule } from '../services/share/share-module';
import { shareListenerFactory } from './share-listener';
import { StreamHub, type StreamImplementation } from './stream-hub';
import { stubImplementation } from './stub-implementation';

export const ACCOUNT = '123456789012';
export const SESSION = '5f2b3c4d-1111-4222-8333-444455556666';
export const RUNTIME_ARN = `arn:aws:bedrock-agentcore:us-east-1:${ACCOUNT}:runtime/payments-Xy12`;

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export function http(url: string, options: { method?: string; headers?: Record<string, string>; body?: unknown; setHost?: string } = {}): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const headers = { 'content-type': 'application/json', ...(options.setHost ? { host: options.setHost } : {}), ...options.headers };
    const req = request(url, { agent: false, method: options.method ?? (options.body === undefined ? 'GET' : 'POST'), headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body === undefined ? undefined : JSON.stringify(options.body));
  });
}

export interface RawSse {
  status: number;
  connection: string;
  /** Every byte received so far. */
  text(): string;
  /** Resolves once the received text matches. */
  until(pattern: RegExp): Promise<string>;
  ended: Promise<void>;
  close(): void;
}

/** An event-stream client that keeps the raw text; resolves after the hello frame, or at once when refused. A cookie header replaces the bearer token. */
export function openRawSse(base: string, token: string, cookie?: string): Promise<RawSse> {
  return new Promise((resolve, reject) => {
    let text = '';
    const waiters: Array<() => void> = [];
    let endedResolve: () => void = () => undefined;
    const ended = new Promise<void>((r) => (endedResolve = r));
    const headers = cookie ? { cookie } : { authorization: `Bearer ${token}` };
    const req = request(`${base}/api/events`, { agent: false, headers }, (res) => {
      const sse = (connection: string): RawSse => ({
        status: res.statusCode ?? 0,
        connection,
        text: () => text,
        until: (pattern) =>
          new Promise((done) => {
            const check = (): boolean => (pattern.test(text) ? (done(text), true) : false);
            if (!check()) waiters.push(() => void check());
          }),
        ended,
        close: () => req.destroy(),
      });
      res.on('end', endedResolve);
      res.on('close', endedResolve);
      res.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        for (const waiter of waiters) waiter();
        const hello = /event: hello\ndata: (.+)\n/.exec(text)?.[1];
        if (hello && res.statusCode === 200) resolve(sse((JSON.parse(hello) as { connection: string }).connection));
      });
      if (res.statusCode !== 200) res.on('end', () => resolve(sse('')));
    });
    req.on('error', reject);
    req.end();
  });
}

export interface ShareRig {
  share: ShareModule;
  events: EventBus;
  owner: ReturnType<typeof createDispatcher>;
  /** What the stub handlers were called with (after the viewer's input was un-mapped). */
  inputs: Array<{ method: string; input: unknown }>;
  clock: { now: number };
  logs: Array<{ message: string; fields?: Record<string, unknown> }>;
  hub: StreamHub;
  close(): Promise<void>;
}

export function startShareRig(options: { interfaces?: Array<{ name: string; address: string }>; streams?: Partial<StreamImplementation> } = {}): ShareRig {
  const staticDir = join(mkdtempSync(join(tmpdir(), 'share-static-')), 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>console</title>');
  const events = new EventBus();
  const clock = { now: Date.UTC(2026, 11, 1, 22, 0) };
  const logs: ShareRig['logs'] = [];
  const logger: Logger = {
    ...silentLogger,
    info: (message, fields) => void logs.push({ message, ...(fields ? { fields } : {}) }),
    warn: (message, fields) => void logs.push({ message, ...(fields ? { fields } : {}) }),
    child: () => logger,
  };
  const inputs: ShareRig['inputs'] = [];
  const share = createShareModule({
    logger,
    emit: events.emit.bind(events),
    interfaces: () => options.interfaces ?? [],
    now: () => clock.now,
    tombstoneMs: 60_000,
  });
  const implementation: Implementation = stubImplementation({
    ...share.methods,
    'fleet.list': async () =>
      ({
        resources: [{ key: `demo|us-east-1|runtime|${RUNTIME_ARN}`, arn: RUNTIME_ARN, accountId: ACCOUNT, name: 'payments', note: `owner ${ACCOUNT}` }],
        cells: [],
        asOf: null,
        fromCache: false,
      }) as never,
    'traces.session': async (input) => {
      inputs.push({ method: 'traces.session', input });
      return { runtimeSessionId: input.runtimeSessionId } as never;
    },
    'settings.get': async () => ({}) as never,
  });
  const hub = new StreamHub({ ...options.streams } as StreamImplementation, silentLogger);
  const dispatch = createDispatcher(implementation, silentLogger);
  share.attach(shareListenerFactory({ dispatch, hub, events, staticDir, logger, heartbeatMs: 60_000 }));
  return { share, events, owner: dispatch, inputs, clock, logs, hub, close: () => share.service.close() };
}

export const OWNER = { connection: 'ipc:1.1', role: 'owner' } as const;

/** Starts a share as the owner would and returns its link's parts. */
export async function startShare(rig: ShareRig, input: Record<string, unknown> = {}): Promise<{ base: string; token: string; url: string }> {
  const envelope = await rig.owner(OWNER, 'share.start', input);
  if (!envelope.ok) throw new Error(envelope.error.message);
  const url = (envelope.result as { url: string }).url;
  const parsed = new URL(url);
  return { base: parsed.origin, token: parsed.searchParams.get('token') ?? '', url };
}
