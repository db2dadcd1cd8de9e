import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../shared/settings';
import { silentLogger } from '../services/log/logger';
import { createDispatcher } from './dispatch';
import { EventBus } from './events';
import { StreamHub, type StreamImplementation } from './stream-hub';
import { stubImplementation } from './stub-implementation';
import { startWebHost, type WebHost } from './web';

interface Response {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(host: WebHost, path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = request(`${host.url}${path}`, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Sends a request line as written, without a client that would normalise or refuse it first. */
function raw(host: WebHost, target: string, headers: Record<string, string> = {}): Promise<{ status: number; head: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(host.port, '127.0.0.1', () => {
      const lines = [`GET ${target} HTTP/1.1`, `Host: 127.0.0.1:${host.port}`, 'Connection: close', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
      socket.write(lines.join('\r\n') + '\r\n\r\n');
    });
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
    socket.on('end', () => resolve({ status: Number(/^HTTP\/1\.1 (\d+)/.exec(text)?.[1] ?? 0), head: text.split('\r\n\r\n')[0] ?? '' }));
    socket.on('error', reject);
  });
}

describe('web host', () => {
  let host: WebHost;
  let staticDir: string;
  const events = new EventBus();

  beforeEach(async () => {
    staticDir = join(mkdtempSync(join(tmpdir(), 'web-static-')), 'renderer');
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>console</title>');
    const dispatch = createDispatcher(
      stubImplementation({
        'settings.get': async () => defaultSettings,
        'settings.set': async (patch) => ({ ...defaultSettings, ...patch }),
        'fleet.list': async () => ({ resources: [], cells: [], asOf: null, fromCache: false }),
      }),
      silentLogger,
    );
    const hub = new StreamHub({} as StreamImplementation, silentLogger);
    host = await startWebHost({ dispatch, hub, events, staticDir, logger: silentLogger, token: 'test-token', maxBodyBytes: 1024 });
  });
  afterEach(() => host.close());

  const auth = { authorization: 'Bearer test-token', 'content-type': 'application/json' };

  it('listens on loopback on a random port', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.port).toBeGreaterThan(0);
  });

  it('answers a contract call with an envelope', async () => {
    const res = await send(host, '/api/settings.get', { method: 'POST', headers: auth, body: '{}' });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true, result: defaultSettings });
  });

  it.each([
    ['missing', {}],
    ['wrong', { authorization: 'Bearer nope' }],
  ])('rejects API calls with a %s token: 401', async (_label, headers) => {
    const res = await send(host, '/api/settings.get', { method: 'POST', headers, body: '{}' });
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('rejects the event stream and static files without a token', async () => {
    expect((await send(host, '/api/events')).status).toBe(401);
    expect((await send(host, '/')).status).toBe(401);
  });

  it('swaps the URL token for an HttpOnly cookie and strips it from the address', async () => {
    const res = await send(host, '/?token=test-token');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const page = await send(host, '/', { headers: { cookie: cookie.split(';')[0] as string } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('answers an unknown method with 404 unknown_method', async () => {
    const res = await send(host, '/api/shell.exec', { method: 'POST', headers: auth, body: '{}' });
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('rejects a body over the cap with 413', async () => {
    const res = await send(host, '/api/settings.set', { method: 'POST', headers: auth, body: JSON.stringify({ watchedProfiles: ['x'.repeat(2000)] }) });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'payload_too_large' } });
  });

  it('rejects a body that is not JSON with a specific message', async () => {
    const res = await send(host, '/api/settings.set', { method: 'POST', headers: auth, body: '{theme: dark' });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.message).toMatch(/not valid JSON/);
  });

  it('refuses a foreign Host header (DNS rebinding) and a cross-site Origin', async () => {
    expect((await send(host, '/api/settings.get', { method: 'POST', headers: { ...auth, host: 'evil.example:80' }, body: '{}' })).status).toBe(421);
    const cross = await send(host, '/api/settings.get', { method: 'POST', headers: { ...auth, origin: 'https://evil.example' }, body: '{}' });
    expect(cross.status).toBe(401);
  });

  it('does not serve files outside the renderer directory', async () => {
    writeFileSync(join(staticDir, '..', 'outside-secret.txt'), 'TOP SECRET');
    for (const path of ['/..%2foutside-secret.txt', '/%2e%2e/outside-secret.txt', '/..%5coutside-secret.txt']) {
      const res = await send(host, path, { headers: auth });
      expect(res.body).not.toContain('TOP SECRET');
    }
  });

  it('streams pushed events to an authorised SSE client', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = request(`${host.url}/api/events`, { headers: { authorization: 'Bearer test-token' } }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          if (text.includes('event: settings.changed')) {
            resolve(text);
            req.destroy();
          }
        });
        // Emit once the stream is open.
        setImmediate(() => events.emit('settings.changed', { ...defaultSettings, theme: 'light' }));
      });
      req.on('error', reject);
      req.end();
    });
    const text = await received;
    expect(text).toContain('data: {"theme":"light"');
  });

  it.each(['/.//evil.example?token=test-token', '/.\\/evil.example?token=test-token', '//evil.example/?token=test-token'])(
    'never redirects off the origin when swapping the token for a cookie (%s)',
    async (target) => {
      const res = await raw(host, target);
      expect(res.status).toBe(303);
      const location = /^location: (.*)$/im.exec(res.head)?.[1] ?? '';
      expect(location).toMatch(/^\/(?![/\\])/);
      expect(location).not.toContain('token');
    },
  );

  it.each([
    ['before auth', {}],
    ['after auth', { authorization: 'Bearer test-token' }],
  ])('answers malformed targets and percent-encodings with 400, not 500 (%s)', async (_when, headers) => {
    for (const target of ['/api/%E0%A4%A', '/%', '/..%c0%af..%c0%afetc', '//[']) {
      const res = await raw(host, target, headers);
      expect(res.status, target).toBe(400);
    }
  });

  it('logs refused requests at a bounded rate: 500 without a token write 20 lines, not 500', async () => {
    const lines: Array<Record<string, unknown> | undefined> = [];
    const logger = { ...silentLogger, warn: (_message: string, fields?: Record<string, unknown>) => void lines.push(fields) };
    const noisy = await startWebHost({
      dispatch: createDispatcher(stubImplementation(), silentLogger),
      hub: new StreamHub({} as StreamImplementation, silentLogger),
      events,
      staticDir,
      logger,
      token: 'test-token',
    });
    try {
      for (let i = 0; i < 500; i++) expect((await send(noisy, `/api/settings.get?n=${i}`, { method: 'POST', body: '{}' })).status).toBe(401);
      expect(lines).toHaveLength(20);
    } finally {
      await noisy.close();
    }
  });

  it('lets the printed URL in even when the browser still holds an earlier console’s cookie', async () => {
    const res = await send(host, '/?token=test-token', { headers: { cookie: 'agentcore_ops_token=token-of-a-console-that-restarted' } });
    expect(res.status).toBe(303);
    expect(String(res.headers['set-cookie'])).toContain('agentcore_ops_token=test-token');
  });
});
