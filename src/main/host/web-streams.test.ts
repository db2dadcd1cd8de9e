/** Owned streams over the web host: each SSE client is one connection, and its streams are its own. */
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StreamFrame } from '../../shared/contract';
import { silentLogger } from '../services/log/logger';
import { createDispatcher } from './dispatch';
import { EventBus } from './events';
import { StreamHub, type StreamImplementation, type StreamSink } from './stream-hub';
import { stubImplementation } from './stub-implementation';
import { openSseClient } from './sse-client';
import { startWebHost, type WebHost } from './web';

const TOKEN = 'test-token';

interface SseClient {
  connection: string;
  frames: StreamFrame[];
  close(): void;
}

async function openSse(host: WebHost): Promise<SseClient> {
  const frames: StreamFrame[] = [];
  const client = await openSseClient(host.url, TOKEN, (batch) => frames.push(...batch));
  return { ...client, frames };
}

function post(
  host: WebHost,
  path: string,
  body: unknown,
  connection?: string,
): Promise<{ status: number; body: { ok: boolean; result?: unknown; error?: { code: string } } }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
    if (connection) headers['x-agentcore-connection'] = connection;
    const req = request(`${host.url}${path}`, { method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

describe('web host streams', () => {
  let host: WebHost;
  const sinks: StreamSink<unknown>[] = [];
  const callers: string[] = [];

  beforeEach(async () => {
    sinks.length = 0;
    callers.length = 0;
    const hub = new StreamHub(
      { 'chat.watch': (_input: unknown, sink: StreamSink<unknown>) => void sinks.push(sink) } as unknown as StreamImplementation,
      silentLogger,
    );
    const dispatch = createDispatcher(
      stubImplementation({
        'app.visibility': async (_input, caller) => {
          callers.push(caller.connection);
          return { polling: 'active' };
        },
      }),
      silentLogger,
    );
    host = await startWebHost({ dispatch, hub, events: new EventBus(), staticDir: mkdtempSync(`${tmpdir()}/static-`), logger: silentLogger, token: TOKEN });
  });
  afterEach(() => host.close());

  it('names each SSE client as its own connection, and calls carry it', async () => {
    const a = await openSse(host);
    const b = await openSse(host);
    expect(a.connection).not.toBe(b.connection);
    await post(host, '/api/app.visibility', { visible: true }, a.connection);
    await post(host, '/api/app.visibility', { visible: true }, 'web:made-up');
    expect(callers).toEqual([a.connection, 'web:anonymous']);
    a.close();
    b.close();
  });

  it('delivers a stream only to the client that opened it; another cannot close it', async () => {
    const a = await openSse(host);
    const b = await openSse(host);
    expect((await post(host, '/api/stream/open', { id: 's1', name: 'chat.watch', input: { sessionId: 'x' } }, a.connection)).body).toEqual({
      ok: true,
      result: { opened: true },
    });
    const refused = await post(host, '/api/stream/close', { id: 's1' }, b.connection);
    expect(refused.status).toBe(404);
    expect(refused.body.error?.code).toBe('unknown_stream');
    sinks[0]?.push({ kind: 'delta', text: 'for a only' });
    await expect.poll(() => a.frames.length).toBe(1);
    expect(a.frames[0]).toEqual({ id: 's1', type: 'item', item: { kind: 'delta', text: 'for a only' } });
    expect(b.frames).toEqual([]);
    a.close();
    b.close();
  });

  it('refuses to open a stream without a live connection', async () => {
    const res = await post(host, '/api/stream/open', { id: 's1', name: 'chat.watch', input: { sessionId: 'x' } });
    expect(res.body.error?.code).toBe('unknown_stream');
    expect(sinks).toHaveLength(0);
  });

  it('stops the producer within a second when the browser drops the connection', async () => {
    const a = await openSse(host);
    await post(host, '/api/stream/open', { id: 's1', name: 'chat.watch', input: { sessionId: 'x' } }, a.connection);
    const sink = sinks[0] as StreamSink<unknown>;
    a.close();
    await expect.poll(() => sink.signal.aborted, { timeout: 1_000, interval: 10 }).toBe(true);
  });
});
