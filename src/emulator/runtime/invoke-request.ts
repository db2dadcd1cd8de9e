/**
 * Validation of an InvokeAgentRuntime / StopRuntimeSession request, in the
 * order AWS applies it: resolve the runtime, check the auth method against
 * its authorizer, then validate the session id and qualifier.
 */
import { randomUUID } from 'node:crypto';
import { AwsError, type RequestContext } from '../core/types';
import { errors } from '../core/protocol';
import type { World } from '../fleet/world';
import type { RuntimeEndpoint, RuntimeSpec } from '../fleet/model';
import { parseRuntimeArn } from '../fleet/ids';

export const SESSION_HEADER = 'x-amzn-bedrock-agentcore-runtime-session-id';
export const USER_HEADER = 'x-amzn-bedrock-agentcore-runtime-user-id';

export function resolveRuntime(world: World, ctx: RequestContext): RuntimeSpec {
  const raw = ctx.params.agentRuntimeArn ?? '';
  const arn = parseRuntimeArn(raw);
  // Bearer calls carry no SigV4 scope: the region comes from the ARN (the real URL's host names it).
  const region = ctx.auth === 'bearer' && arn ? arn.region : ctx.region;
  if (!arn && !/^[A-Za-z][A-Za-z0-9_]{0,47}-[A-Za-z0-9]{10}$/.test(raw)) {
    throw errors.validation(
      `1 validation error detected: Value at 'agentRuntimeArn' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:aws(-[^:]+)?:bedrock-agentcore:[a-z0-9-]+:[0-9]{12}:runtime/[a-zA-Z][a-zA-Z0-9_]{0,99}-[a-zA-Z0-9]{10}`,
    );
  }
  const runtime = world.findRuntime(region, raw);
  if (!runtime) throw errors.notFound(`No agent runtime found for ${raw} in ${region}. Check the ARN and the region of your client.`);
  return runtime;
}

/** OAuth-configured runtimes reject SigV4 and vice versa — with the message AWS returns. */
export function checkAuthMethod(runtime: RuntimeSpec, ctx: RequestContext): void {
  const wantsBearer = Boolean(runtime.authorizer);
  if (wantsBearer === (ctx.auth === 'bearer')) {
    if (wantsBearer && !looksLikeJwt(ctx.bearerToken ?? '')) {
      throw new AwsError(401, 'UnauthorizedException', 'Invalid bearer token: the token is not a valid JWT issued by the configured discovery URL.');
    }
    return;
  }
  throw errors.accessDenied(
    "Authorization method mismatch. The agent is configured for a different authorization method than what was used in your request. Check the agent's authorization configuration and ensure your request uses the matching method (OAuth or SigV4)",
  );
}

function looksLikeJwt(token: string): boolean {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token);
}

/** The SDK always sends one (it generates a UUID); raw HTTP callers may not, and then the service assigns one. */
export function sessionIdOf(ctx: RequestContext, required: boolean): string {
  const raw = ctx.headers[SESSION_HEADER];
  const id = Array.isArray(raw) ? raw[0] : raw;
  if (id === undefined || id === '') {
    if (required)
      throw errors.validation("1 validation error detected: Value null at 'runtimeSessionId' failed to satisfy constraint: Member must not be null");
    return randomUUID();
  }
  if (id.length < 33) {
    throw errors.validation(
      "1 validation error detected: Value at 'runtimeSessionId' failed to satisfy constraint: Member must have length greater than or equal to 33",
      [{ name: 'runtimeSessionId', message: 'Member must have length greater than or equal to 33' }],
    );
  }
  if (id.length > 256) {
    throw errors.validation(
      "1 validation error detected: Value at 'runtimeSessionId' failed to satisfy constraint: Member must have length less than or equal to 256",
      [{ name: 'runtimeSessionId', message: 'Member must have length less than or equal to 256' }],
    );
  }
  return id;
}

/** `qualifier` names an endpoint (default DEFAULT) or a version number. */
export function resolveEndpoint(runtime: RuntimeSpec, ctx: RequestContext): { endpoint: RuntimeEndpoint; version: string } {
  const q = ctx.query.get('qualifier') || 'DEFAULT';
  const endpoint = runtime.endpoints.find((e) => e.name === q);
  if (endpoint) return { endpoint, version: endpoint.liveVersion };
  const version = runtime.versions.find((v) => v.version === q);
  if (version && version.status === 'READY') return { endpoint: runtime.endpoints[0]!, version: version.version };
  throw errors.notFound(`No endpoint or version '${q}' found for agent runtime ${runtime.arn}`);
}

export function traceIdFor(ctx: RequestContext, now: number): string {
  const incoming = ctx.headers['x-amzn-trace-id'];
  const root = typeof incoming === 'string' ? /Root=([^;]+)/.exec(incoming)?.[1] : undefined;
  return root ?? `1-${Math.floor(now / 1000).toString(16)}-${randomUUID().replace(/-/g, '').slice(0, 24)}`;
}

export function header(ctx: RequestContext, name: string): string | undefined {
  const v = ctx.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
