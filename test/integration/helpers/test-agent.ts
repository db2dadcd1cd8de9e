/**
 * A tiny agent container (runtime contract: POST /invocations, GET /ping) for
 * replies the demo fleet does not produce: a 5 MB stream, a stream that never
 * ends, a container that fails. The emulator bridges it (`agents: [{name, url}]`),
 * so the console still goes through the real SDK and the emulator's wire.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const BIG_REPLY_BYTES = 5 * 1024 * 1024;

export interface TestAgent {
  url: string;
  close(): Promise<void>;
}

export async function startTestAgent(): Promise<TestAgent> {
  const open = new Set<ServerResponse>();
  const server: Server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/ping') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'Healthy', time_of_last_update: Math.floor(Date.now() / 1000) }));
      return;
    }
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const prompt = (JSON.parse(body || '{}') as { prompt?: string }).prompt ?? '';
      if (prompt === 'fail') {
        res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"KeyError: \'prompt\'"}');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      if (prompt === 'big') return void writeBig(res);
      // 'forever' and 'hang': a first token, then more forever (or nothing at all) until the client goes away.
      open.add(res);
      res.on('close', () => open.delete(res));
      res.write('data: {"data":"partial "}\n\n');
      if (prompt === 'forever') {
        const timer = setInterval(() => res.write('data: {"data":"."}\n\n'), 20);
        res.on('close', () => clearInterval(timer));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of open) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** 5 MB of SSE tokens in 1 KB frames (a long report), honouring backpressure. */
async function writeBig(res: ServerResponse): Promise<void> {
  const token = 'lorem ipsum dolor sit amet '.repeat(38).slice(0, 1000);
  const frame = `data: ${JSON.stringify({ data: token })}\n\n`;
  const frames = Math.ceil(BIG_REPLY_BYTES / token.length);
  for (let i = 0; i < frames; i++) {
    if (!res.write(frame)) await new Promise((resolve) => res.once('drain', resolve));
  }
  res.end();
}
