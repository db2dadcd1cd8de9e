/**
 * Serves protocol modules over HTTP for tests, with the same dispatch rules
 * and AWS error envelope as the emulator server (path templates or
 * x-amz-target, `x-amzn-errortype` + JSON body). Used until/unless the real
 * server is available to a test.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AwsError, type EmulatorModule, type RequestContext, type Route } from '../../../src/emulator/core/types';

export interface Harness {
  endpoint: string;
  close(): Promise<void>;
}

function compile(path: string): { re: RegExp; names: string[] } {
  const names: string[] = [];
  const re = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_, n: string) => {
    names.push(n);
    return '([^/]+)';
  });
  return { re: new RegExp(`^${re}$`), names };
}

export async function serveModules(modules: EmulatorModule[], region = 'us-east-1'): Promise<Harness> {
  const routes: Route[] = modules.flatMap((m) => m.routes);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const url = new URL(req.url ?? '/', 'http://x');
        const target = req.headers['x-amz-target'] as string | undefined;
        let route: Route | undefined;
        let params: Record<string, string> = {};
        if (target) route = routes.find((r) => r.target === target);
        else
          for (const r of routes) {
            if (!r.path || r.method !== req.method) continue;
            const { re, names } = compile(r.path);
            const m = re.exec(url.pathname);
            if (m) {
              route = r;
              params = Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)]));
              break;
            }
          }
        const service = route?.service ?? 'agentcore';
        const ctype = service === 'logs' ? 'application/x-amz-json-1.1' : service === 'monitoring' ? 'application/x-amz-json-1.0' : 'application/json';
        const abort = new AbortController();
        res.on('close', () => abort.abort());
        const regionMatch = /Credential=[^/]+\/\d+\/([^/]+)\//.exec(req.headers.authorization ?? '');
        const ctx: RequestContext = { operation: route?.operation ?? '', method: req.method ?? 'GET', params, query: url.searchParams, headers: req.headers, body: Buffer.concat(chunks), region: regionMatch?.[1] ?? region, signal: abort.signal };
        try {
          if (!route) throw new AwsError(404, 'UnknownOperationException', `no route ${req.method} ${url.pathname}`);
          const reply = await route.handle(ctx);
          const headers = { ...(reply.headers ?? {}) };
          if (reply.stream) {
            res.writeHead(reply.status ?? 200, { 'content-type': ctype, ...headers });
            res.flushHeaders();
            for await (const chunk of reply.stream) if (!res.destroyed) res.write(chunk);
            res.end();
            return;
          }
          const isRaw = typeof reply.body === 'string' && headers['content-type'];
          const payload = reply.body === undefined ? '' : isRaw ? (reply.body as string) : JSON.stringify(reply.body);
          res.writeHead(reply.status ?? 200, { 'content-type': ctype, ...headers });
          res.end(payload);
        } catch (e) {
          const err = e instanceof AwsError ? e : new AwsError(500, 'InternalServerException', String(e));
          const body: Record<string, unknown> = { message: err.message, ...err.extra };
          if (service === 'logs') body.__type = `com.amazonaws.logs#${err.type}`;
          res.writeHead(err.status, { 'content-type': ctype, 'x-amzn-errortype': err.type });
          res.end(JSON.stringify(body));
        }
      })();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
