import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { readCappedBody, type CappedBody } from './read-capped-body';

const CAP = 1024;
let server: Server | undefined;

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A server that reads each body with the cap and answers 413 on overflow, as the emulator does. */
async function serve(): Promise<{ port: number; reads: Array<Promise<CappedBody>> }> {
  const reads: Array<Promise<CappedBody>> = [];
  server = createServer((req, res) => {
    const read = readCappedBody(req, CAP);
    reads.push(read);
    read.then(
      (r) => res.writeHead(r.ok ? 200 : 413).end(r.ok ? r.body : String(r.size)),
      () => res.destroy(),
    );
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { port: (server!.address() as AddressInfo).port, reads };
}

/** Sends `chunks` (chunked transfer unless `contentLength` is given) and returns status and reply text. */
function send(port: number, chunks: Buffer[], contentLength?: number): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const headers = contentLength === undefined ? {} : { 'content-length': contentLength };
    const req = request({ port, host: '127.0.0.1', method: 'POST', headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(parts).toString('utf8') }));
    });
    req.on('error', reject);
    for (const c of chunks) req.write(c);
    req.end();
  });
}

describe('readCappedBody', () => {
  it('returns the whole body when it fits, and an empty buffer for no body', async () => {
    const { port } = await serve();
    expect(await send(port, [Buffer.from('{"a":'), Buffer.from('1}')])).toEqual({ status: 200, text: '{"a":1}' });
    expect(await send(port, [], 0)).toEqual({ status: 200, text: '' });
    expect(await send(port, [Buffer.alloc(CAP, 'x')])).toMatchObject({ status: 200 });
  });

  it('drains a body over the cap so the client still reads the 413, with the full size', async () => {
    const { port } = await serve();
    const chunks = Array.from({ length: 64 }, () => Buffer.alloc(4096, 'y'));
    expect(await send(port, chunks)).toEqual({ status: 413, text: String(64 * 4096) });
  });

  it('refuses a declared content-length over the cap', async () => {
    const { port, reads } = await serve();
    const body = Buffer.alloc(CAP + 1, 'z');
    expect(await send(port, [body], body.length)).toEqual({ status: 413, text: String(CAP + 1) });
    expect(await reads[0]).toEqual({ ok: false, size: CAP + 1 });
  });

  it('rejects when the client goes away mid-body', async () => {
    const { port, reads } = await serve();
    const req = request({ port, host: '127.0.0.1', method: 'POST', headers: { 'content-length': 100 } });
    req.on('error', () => undefined);
    req.write('partial');
    await new Promise((resolve) => setTimeout(resolve, 50));
    req.destroy();
    await expect(reads[0]).rejects.toThrow();
  });
});
