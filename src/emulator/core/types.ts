/**
 * The seam between the emulator's HTTP server and its protocol modules.
 *
 * Every AWS operation the emulator speaks is a declarative `Route`: the server
 * matches it (by method + path template, or by `x-amz-target` for the awsJson
 * protocols), applies SigV4 and fault injection, calls `handle`, and writes the
 * `Reply`. Handlers never touch sockets, so they are unit-testable as plain
 * functions, and error shapes stay identical across modules.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { LogsControl } from '../logs/control';

/** AWS service a route belongs to (SigV4 signing name in brackets). */
export type EmulatedService =
  | 'agentcore-control' // [bedrock-agentcore] control plane
  | 'agentcore' // [bedrock-agentcore] runtime + memory data plane
  | 'logs' // [logs] awsJson1_1, x-amz-target Logs_20140328.*
  | 'monitoring' // [monitoring] awsJson1_0, x-amz-target GraniteServiceVersion20100801.*
  | 'sso-oidc' // [sso-oauth] unsigned
  | 'sso'; // [awsssoportal] unsigned, bearer header

export interface RequestContext {
  /** Operation name as AWS spells it, e.g. `ListAgentRuntimes`. */
  operation: string;
  method: string;
  /** Path labels from the template, already percent-decoded. */
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** Region from the SigV4 credential scope (or the server default when unsigned). */
  region: string;
  /** Access key id from the SigV4 Authorization header, when signed. */
  accessKeyId?: string;
  /** Aborted when the client disconnects; long streams must stop on it. */
  signal: AbortSignal;
  /** How the caller authenticated (added by the runtime work: OAuth agents reject SigV4). */
  auth?: 'sigv4' | 'bearer' | 'none';
  /** The bearer token, when `auth` is 'bearer'. */
  bearerToken?: string;
  /** The `x-amzn-requestid` the response carries, so what a handler records (log lines) names the id the client saw. */
  requestId?: string;
}

export interface Reply {
  status?: number; // default 200
  headers?: Record<string, string>;
  /** Objects are JSON-encoded with the route's protocol content type. */
  body?: unknown;
  /** Streaming body; the server writes chunks as they are yielded. */
  stream?: AsyncIterable<Uint8Array | string>;
  /** Called once the body is written, garbled or cut: what the client really got (faults apply after `handle`). */
  onDelivered?(delivery: Delivery): void;
}

/** How a reply's body reached the client. */
export interface Delivery {
  /** complete: ended normally; malformed: a garbled body replaced it; dropped: the connection was cut; client_closed: the client left first. */
  kind: 'complete' | 'malformed' | 'dropped' | 'client_closed';
  /** Stream chunks written whole (a plain body counts as one chunk once it is all written). */
  chunks: number;
  /** Body bytes written. */
  bytes: number;
}

export interface Route {
  service: EmulatedService;
  operation: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** REST path template with `{label}` segments, e.g. `/memories/{memoryId}/events`. Omit for target routes. */
  path?: string;
  /** awsJson protocols: the full `x-amz-target` value, e.g. `Logs_20140328.FilterLogEvents`. */
  target?: string;
  handle(ctx: RequestContext): Promise<Reply> | Reply;
  /** Accept `Authorization: Bearer` instead of SigV4 (runtimes with a JWT authorizer). */
  allowBearer?: boolean;
  /** Told when the server rejects a call by fault injection, so it can still be recorded (metrics count throttles). */
  onFault?(ctx: RequestContext, error: AwsError): void;
}

/** Thrown by handlers; the server turns it into the exact AWS error shape. */
export class AwsError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = type;
  }
}

/** A memory resource as the control plane defines it; the memory data plane serves its events/records. */
export interface MemoryDefinition {
  id: string;
  arn: string;
  name: string;
  region: string;
  accountId: string;
  strategies: Array<{
    strategyId: string;
    name: string;
    type: 'SEMANTIC' | 'SUMMARIZATION' | 'USER_PREFERENCE' | 'CUSTOM';
    namespaces: string[];
  }>;
}

/** Emitted by the runtime data plane after every invocation; memory, logs and metrics derive from it. */
export interface InvocationRecord {
  region: string;
  accountId: string;
  runtimeArn: string;
  runtimeId: string;
  runtimeName: string;
  endpointName: string;
  sessionId: string;
  userId?: string;
  memoryId?: string;
  prompt: string;
  replyText: string;
  startedAt: number; // epoch ms
  latencyMs: number;
  coldStart: boolean;
  outcome: 'ok' | 'user_error' | 'system_error' | 'throttled';
  /** How the reply body reached the client; absent when the call was answered with an AWS error. */
  delivery?: Delivery['kind'];
  errorMessage?: string;
  /** The `x-amzn-requestid` of the InvokeAgentRuntime response (or error) the client got; the runtime's log lines carry it. */
  requestId?: string;
  traceId: string;
  inputTokens: number;
  outputTokens: number;
}

export type InvocationListener = (record: InvocationRecord) => void;

/** A runtime as the protocol modules need to see it (logs groups, metric dimensions). */
export interface RuntimeView {
  id: string;
  arn: string;
  name: string;
  region: string;
  accountId: string;
  status: string;
  endpointNames: string[];
  memoryId?: string;
  createdAt: number; // epoch ms
}

export interface GatewayView {
  id: string;
  arn: string;
  name: string;
  region: string;
  accountId: string;
  status: string;
}

/** Read-only view of the emulated fleet, owned by the control plane. */
export interface WorldView {
  regions(): string[];
  runtimes(region?: string): RuntimeView[];
  memories(region?: string): MemoryDefinition[];
  gateways(region?: string): GatewayView[];
}

export interface IssuedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: number; // epoch ms
}

/** Which access key ids the emulator accepts (SigV4 check) and who issued them (SSO portal). */
export interface CredentialRegistry {
  issue(ttlMs: number): IssuedCredentials;
  check(accessKeyId: string): 'valid' | 'expired' | 'unknown';
  /** The secret of a known key, for strict mode's signature check. */
  secretFor(accessKeyId: string): string | undefined;
}

export interface ModuleDeps {
  world: WorldView;
  credentials: CredentialRegistry;
  /** Epoch ms; injectable so tests control time. */
  now: () => number;
  /** Demo-fleet seed: every generated value must be a pure function of it. */
  seed: number;
}

/**
 * A route of the loopback-only admin API (`/_emulator/…`) contributed by a
 * module. It gets the JSON body already parsed (undefined when empty) and
 * returns the JSON answer; it throws `AdminError` for a 4xx.
 */
export interface AdminRoute {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  /** Exact path, e.g. `/_emulator/logs`. */
  path: string;
  handle(body: unknown): unknown;
}

/** A refused admin call: the status and a message a human can act on. */
export class AdminError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A protocol module (memory, logs, metrics, sso…) plugged into the server. */
export interface EmulatorModule {
  routes: Route[];
  onInvocation?: InvocationListener;
  /** Drop mutable state (admin `POST /_emulator/reset`). */
  reset?(): void;
  /** Stop timers before the server closes. */
  close?(): void;
  /** Extra admin routes (loopback-only, unsigned, never fault-injected). */
  admin?: AdminRoute[];
  /** The logs module's test and load knobs, behind the handle's `appendLog` / `setLogRate` (type-only import: no runtime cycle). */
  logs?: LogsControl;
}
