/**
 * The emulator's HTTP front door: admin API, route dispatch, SigV4 presence
 * check, payload cap, request-level faults (latency, throttling, 5xx), then
 * the handler. Everything AWS-shaped about errors lives in protocol.ts.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { AwsError, type CredentialRegistry, type Delivery, type EmulatedService, type RequestContext, type Route } from './types';
import { Router } from './router';
import { errors, toAwsError, writeError } from './protocol';
import { parseAuthorization, bearerToken, scopeProblem, type SigV4Scope } from './sigv4';
import { signatureMatches } from './verify-signature';
import { readCappedBody } from '../../lib/read-capped-body';
import { ADMIN_BODY_LIMIT, handleAdmin, type AdminHooks } from './admin';
import { NO_FAULT, type FaultEngine } from './faults';
import { writeReply } from './reply-writer';

export interface ServerOptions {
  routes: Route[];
  credentials: CredentialRegistry;
  faults: FaultEngine;
  admin: AdminHooks;
  defaultRegion: string;
  /** The demo account: AWS names the caller's role ARN, account included, in an AccessDenied message. */
  accountId: string;
  maxPayloadBytes: number;
  /** Accept only the demo key and issued keys (otherwise any well-formed SigV4 key works). */
  strictCredentials?: boolean;
  /** The emulator's clock (epoch ms): every response's `Date` header reads it. Default Date.now. */
  now?: () => number;
  log?: (line: string) => void;
}

/** As IAM words an explicit deny: the caller's assumed-role ARN and the resource, both naming the account. */
function deniedMessage(service: EmulatedService, operation: string, region: string, accountId: string): string {
  const prefix = service === 'logs' ? 'logs' : service === 'monitoring' ? 'cloudwatch' : 'bedrock-agentcore';
  return `User: arn:aws:sts::${accountId}:assumed-role/AgentCoreOperator/console is not authorized to perform: ${prefix}:${operation} on resource: arn:aws:${prefix}:${region}:${accountId}:* with an explicit deny in a service control policy`;
}

const UNSIGNED: ReadonlySet<EmulatedService> = new Set(['sso-oidc', 'sso']);

export class EmulatorServer {
  readonly router = new Router();
  private readonly http: Server;

  constructor(private readonly opts: ServerOptions) {
    this.router.add(opts.routes);
    this.http = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        opts.log?.(`emulator: unhandled ${(err as Error).stack ?? String(err)}`);
        if (!res.headersSent) writeError(res, 'agentcore', toAwsError(err));
        else res.destroy();
      });
    });
    // Long SSE streams and keep-alive SDK agents: never time a request out on our side.
    this.http.requestTimeout = 0;
    // An idle connection closed after a few seconds races a keep-alive client reusing it (ECONNRESET on a request
    // that never arrived): a load test's hundreds of pooled sockets hit that window. A minute keeps the race rare.
    this.http.keepAliveTimeout = 60_000;
  }

  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const onError = (err: Error): void => reject(err);
      this.http.once('error', onError);
      this.http.listen(port, host, () => {
        this.http.off('error', onError);
        resolve((this.http.address() as AddressInfo).port);
      });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.http.close(() => resolve());
      this.http.closeAllConnections();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // The SDKs correct their clock skew from this header, so it must read the emulator's clock (a test's skewed `now`),
    // not the host's; writeHead merges it into every response below, errors and admin answers included.
    res.setHeader('date', httpDate(this.opts.now?.() ?? Date.now()));
    const url = new URL(req.url ?? '/', 'http://emulator.local');
    const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
    const method = req.method ?? 'GET';
    const requestId = randomUUID();

    // Emulator-only routes (e.g. SSO's approve page) win over the admin API, which takes the rest of /_emulator/.
    if (rawPath.startsWith('/_emulator/') && !this.router.matchPath(method, rawPath)) {
      const read = await readCappedBody(req, ADMIN_BODY_LIMIT);
      handleAdmin(req, res, rawPath, read.ok ? read.body : { tooLarge: read.size }, this.opts.admin);
      return;
    }

    const target = header(req, 'x-amz-target');
    const route = target && rawPath === '/' && method === 'POST' ? this.router.matchTarget(target) : undefined;
    const match = route ? { route, params: {} } : this.router.matchPath(method, rawPath);
    if (!match) {
      await readCappedBody(req, 0); // drain so keep-alive stays usable
      writeError(res, serviceGuess(target), new AwsError(404, 'UnknownOperationException', `Unknown operation: ${method} ${rawPath}`), requestId);
      return;
    }
    const service = match.route.service;

    const auth = this.authenticate(req, match.route);
    if (auth instanceof AwsError) {
      await readCappedBody(req, 0);
      writeError(res, service, auth, requestId);
      return;
    }

    const read = await readCappedBody(req, this.opts.maxPayloadBytes);
    if (!read.ok) {
      const mb = Math.round(this.opts.maxPayloadBytes / (1024 * 1024));
      writeError(
        res,
        service,
        new AwsError(413, 'ValidationException', `Request payload size ${read.size} bytes exceeds the maximum allowed payload size of ${mb} MB.`),
        requestId,
      );
      return;
    }

    // Strict mode checks the signature too; it needs the body, so it runs once the body is in.
    if (this.opts.strictCredentials && auth.scope && !(await this.signatureValid(req, read.body, auth.scope))) {
      writeError(
        res,
        service,
        new AwsError(
          403,
          'InvalidSignatureException',
          'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
        ),
        requestId,
      );
      return;
    }

    const abort = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) abort.abort();
    });
    const ctx: RequestContext = {
      operation: match.route.operation,
      method,
      params: match.params,
      query: url.searchParams,
      headers: req.headers,
      body: read.body,
      region: auth.region ?? this.opts.defaultRegion,
      signal: abort.signal,
      auth: auth.kind,
      requestId,
      ...(auth.accessKeyId ? { accessKeyId: auth.accessKeyId } : {}),
      ...(auth.bearerToken ? { bearerToken: auth.bearerToken } : {}),
    };

    const fault = this.opts.faults.decide(match.route.operation, ctx.region);
    if (fault.latencyMs > 0) await delay(fault.latencyMs, abort.signal);
    if (fault.throttle || fault.error || fault.accessDenied || fault.notFound) {
      // The memory data plane names its throttle differently (docs/WIRE.md).
      const throttleType = service === 'agentcore' && rawPath.startsWith('/memories/') ? 'ThrottledException' : 'ThrottlingException';
      const err = fault.notFound
        ? errors.notFound(`The resource was not found (it may have been deleted): ${match.route.operation} ${decodeURIComponent(rawPath)}`)
        : fault.accessDenied
          ? // The usual cause of "denied in one region only": an organization SCP restricting regions.
            errors.accessDenied(deniedMessage(service, match.route.operation, ctx.region, this.opts.accountId))
          : fault.throttle
            ? errors.throttling(throttleType)
            : errors.internal();
      match.route.onFault?.(ctx, err);
      writeError(res, service, err, requestId);
      return;
    }

    let reply;
    try {
      reply = await match.route.handle(ctx);
    } catch (err) {
      writeError(res, service, toAwsError(err), requestId);
      return;
    }
    this.opts.log?.(`${method} ${rawPath} ${match.route.operation} ${reply.status ?? 200}`);
    let delivery: Delivery = { kind: 'dropped', chunks: 0, bytes: 0 };
    try {
      delivery = await writeReply(res, service, reply, fault === NO_FAULT ? NO_FAULT : fault, requestId);
    } finally {
      reply.onDelivered?.(delivery);
    }
  }

  private authenticate(
    req: IncomingMessage,
    route: Route,
  ): AwsError | { kind: 'sigv4' | 'bearer' | 'none'; region?: string; accessKeyId?: string; bearerToken?: string; scope?: SigV4Scope } {
    if (UNSIGNED.has(route.service)) return { kind: 'none' };
    const header = req.headers.authorization;
    const parsed = parseAuthorization(header);
    if (parsed === 'bearer') {
      if (route.allowBearer) return { kind: 'bearer', bearerToken: bearerToken(header) ?? '' };
      return new AwsError(
        403,
        'IncompleteSignatureException',
        `Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization=${header?.slice(0, 20)}...`,
      );
    }
    if (parsed === 'missing') return new AwsError(403, 'MissingAuthenticationTokenException', 'Missing Authentication Token');
    if (parsed === 'malformed')
      return new AwsError(403, 'IncompleteSignatureException', "Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters.");
    const problem = scopeProblem(parsed, route.service);
    if (problem) return new AwsError(403, 'InvalidSignatureException', problem);
    if (this.opts.faults.expiredCredentials) return new AwsError(403, 'ExpiredTokenException', 'The security token included in the request is expired');
    const status = this.opts.credentials.check(parsed.accessKeyId);
    // Issued keys still expire in either mode: that is what exercises the console's refresh path.
    if (status === 'unknown' && this.opts.strictCredentials)
      return new AwsError(403, 'UnrecognizedClientException', 'The security token included in the request is invalid.');
    if (status === 'expired') return new AwsError(403, 'ExpiredTokenException', 'The security token included in the request is expired');
    return { kind: 'sigv4', region: parsed.region, accessKeyId: parsed.accessKeyId, scope: parsed };
  }

  private async signatureValid(req: IncomingMessage, body: Buffer, scope: SigV4Scope): Promise<boolean> {
    const secret = this.opts.credentials.secretFor(scope.accessKeyId);
    return secret !== undefined && (await signatureMatches(req, body, scope, secret));
  }
}

/** IMF-fixdate (RFC 9110 §5.6.7), e.g. `Tue, 01 Dec 2026 15:27:06 GMT`; a clock that returns garbage falls back to the host's. */
export function httpDate(ms: number): string {
  return new Date(Number.isFinite(ms) ? ms : Date.now()).toUTCString();
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function serviceGuess(target: string | undefined): EmulatedService {
  if (target?.startsWith('Logs_')) return 'logs';
  if (target?.startsWith('GraniteServiceVersion')) return 'monitoring';
  return 'agentcore';
}

export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
