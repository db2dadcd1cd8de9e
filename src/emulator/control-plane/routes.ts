/**
 * Control plane routes (bedrock-agentcore-control, restJson1). Paths and
 * trailing slashes are exactly the SDK's; list operations page with
 * `maxResults` (query or body, per operation) and opaque `nextToken`.
 */
import type { RequestContext, Route } from '../core/types';
import { errors } from '../core/protocol';
import { checkedMaxResults, paginate, queryInt } from '../core/pagination';
import { readJsonBody } from '../kit/json-body';
import type { World } from '../fleet/world';
import type { RuntimeSpec } from '../fleet/model';
import {
  endpointWire,
  gatewayDetail,
  gatewaySummary,
  latestVersion,
  memoryDetail,
  memorySummary,
  runtimeDetail,
  runtimeSummary,
  targetDetail,
  targetSummary,
} from './wire';

const svc = 'agentcore-control' as const;

export function controlPlaneRoutes(world: World): Route[] {
  const runtime = (ctx: RequestContext): RuntimeSpec => {
    const id = ctx.params.agentRuntimeId ?? '';
    const r = world.findRuntime(ctx.region, id);
    if (!r) throw errors.notFound(`AgentRuntime not found for id: ${id}`);
    return r;
  };
  const gateway = (ctx: RequestContext) => {
    const id = ctx.params.gatewayIdentifier ?? '';
    const g = world.findGateway(ctx.region, id);
    if (!g) throw errors.notFound(`Gateway not found: ${id}`);
    return g;
  };
  const queryPage = (ctx: RequestContext, scope: string, defaultMax: number, limit: number) => ({
    size: checkedMaxResults(queryInt(ctx.query, 'maxResults'), defaultMax, limit),
    nextToken: ctx.query.get('nextToken') ?? undefined,
    scope: `${ctx.region}:${scope}`,
  });

  return [
    {
      service: svc,
      operation: 'ListAgentRuntimes',
      method: 'POST',
      path: '/runtimes/',
      handle: (ctx) => {
        const listing = world.runtimeListing(ctx.region);
        const page = paginate(listing.length, (i) => runtimeSummary(listing.at(i)), queryPage(ctx, 'runtimes', 10, 100));
        return { body: { agentRuntimes: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) } };
      },
    },
    {
      service: svc,
      operation: 'GetAgentRuntime',
      method: 'GET',
      path: '/runtimes/{agentRuntimeId}/',
      handle: (ctx) => {
        const r = runtime(ctx);
        const wanted = ctx.query.get('version');
        const v = wanted ? r.versions.find((x) => x.version === wanted) : latestVersion(r);
        if (!v) throw errors.notFound(`AgentRuntime version ${wanted} not found for id: ${r.id}`);
        return { body: runtimeDetail(r, v) };
      },
    },
    {
      service: svc,
      operation: 'ListAgentRuntimeVersions',
      method: 'POST',
      path: '/runtimes/{agentRuntimeId}/versions/',
      handle: (ctx) => {
        const r = runtime(ctx);
        const newestFirst = [...r.versions].reverse();
        const page = paginate(newestFirst.length, (i) => runtimeSummary(r, newestFirst[i]), queryPage(ctx, `versions:${r.id}`, 10, 100));
        return { body: { agentRuntimes: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) } };
      },
    },
    {
      service: svc,
      operation: 'ListAgentRuntimeEndpoints',
      method: 'POST',
      path: '/runtimes/{agentRuntimeId}/runtime-endpoints/',
      handle: (ctx) => {
        const r = runtime(ctx);
        const page = paginate(r.endpoints.length, (i) => endpointWire(r, r.endpoints[i]!), queryPage(ctx, `endpoints:${r.id}`, 10, 100));
        return { body: { runtimeEndpoints: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) } };
      },
    },
    {
      service: svc,
      operation: 'GetAgentRuntimeEndpoint',
      method: 'GET',
      path: '/runtimes/{agentRuntimeId}/runtime-endpoints/{endpointName}/',
      handle: (ctx) => {
        const r = runtime(ctx);
        const e = r.endpoints.find((x) => x.name === ctx.params.endpointName);
        if (!e) throw errors.notFound(`AgentRuntimeEndpoint ${ctx.params.endpointName} not found for agent runtime: ${r.id}`);
        return { body: endpointWire(r, e) };
      },
    },
    {
      service: svc,
      operation: 'ListMemories',
      method: 'POST',
      path: '/memories/',
      handle: (ctx) => {
        const input = readJsonBody(ctx);
        const listing = world.memoryListing(ctx.region);
        const page = paginate(listing.length, (i) => memorySummary(listing.at(i)), {
          size: checkedMaxResults(input.maxResults as number | undefined, 10, 100),
          nextToken: input.nextToken as string | undefined,
          scope: `${ctx.region}:memories`,
        });
        return { body: { memories: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) } };
      },
    },
    {
      service: svc,
      operation: 'GetMemory',
      method: 'GET',
      path: '/memories/{memoryId}/details',
      handle: (ctx) => {
        const m = world.findMemory(ctx.region, ctx.params.memoryId ?? '');
        if (!m) throw errors.notFound(`Memory not found: ${ctx.params.memoryId}`);
        return { body: { memory: memoryDetail(m) } };
      },
    },
    {
      service: svc,
      operation: 'ListGateways',
      method: 'GET',
      path: '/gateways/',
      handle: (ctx) => {
        const listing = world.gatewayListing(ctx.region);
        const page = paginate(listing.length, (i) => gatewaySummary(listing.at(i)), queryPage(ctx, 'gateways', 50, 1000));
        return { body: { items: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) } };
      },
    },
    {
      service: svc,
      operation: 'GetGateway',
      method: 'GET',
      path: '/gateways/{gatewayIdentifier}/',
      handle: (ctx) => ({ body: gatewayDetail(gateway(ctx)) }),
    },
    {
      service: svc,
      operation: 'ListGatewayTargets',
      method: 'GET',
      path: '/gateways/{gatewayIdentifier}/targets/',
      handle: (ctx) => {
        const g = gateway(ctx);
        const page = paginate(g.targets.length, (i) => targetSummary(g.targets[i]!), queryPage(ctx, `targets:${g.id}`, 50, 1000));
        return { body: { items: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) } };
      },
    },
    {
      service: svc,
      operation: 'GetGatewayTarget',
      method: 'GET',
      path: '/gateways/{gatewayIdentifier}/targets/{targetId}/',
      handle: (ctx) => {
        const g = gateway(ctx);
        const t = g.targets.find((x) => x.targetId === ctx.params.targetId);
        if (!t) throw errors.notFound(`Target ${ctx.params.targetId} not found in gateway ${g.id}`);
        return { body: targetDetail(g, t) };
      },
    },
  ];
}
