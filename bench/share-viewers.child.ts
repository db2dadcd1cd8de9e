/**
 * Child process for the share-viewers bench: N viewers of one share, each an
 * event stream plus a poll of fleet.list and metrics.fleet every PERIOD ms,
 * as the shared pages do. A separate process keeps the viewers' own CPU
 * (HTTP clients, JSON parsing) out of the main process's figure.
 * argv: <share link> <viewers> <period ms>. Prints "ready" once every stream is open.
 */
import { request } from 'node:http';
import { openSseClient } from '../src/main/host/sse-client';

const link = new URL(process.argv[2] ?? '');
const viewers = Number(process.argv[3] ?? 20);
const period = Number(process.argv[4] ?? 5000);
const token = link.searchParams.get('token') ?? '';

function call(method: string, body: unknown, connection: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${link.origin}/api/${method}`,
      { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-agentcore-connection': connection } },
      (res) => {
        res.on('data', () => undefined);
        res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`${method} answered ${res.statusCode}`))));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

const clients = await Promise.all(Array.from({ length: viewers }, () => openSseClient(link.origin, token, () => undefined)));
for (const [i, client] of clients.entries()) {
  await call('app.visibility', { visible: true }, client.connection);
  await call('share.session', {}, client.connection);
  // Staggered like independent browsers, not in lockstep.
  setTimeout(
    () =>
      setInterval(() => {
        void call('fleet.list', {}, client.connection).catch((error: Error) => process.stderr.write(`${error.message}\n`));
        void call('metrics.fleet', { range: { preset: '1h' } }, client.connection).catch((error: Error) => process.stderr.write(`${error.message}\n`));
      }, period),
    (i * period) / viewers,
  );
}
process.stdout.write('ready\n');
