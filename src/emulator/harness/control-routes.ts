/**
 * Harness control plane (bedrock-agentcore-control, restJson1). Unlike the
 * runtime operations these paths have no trailing slash, and every list pages
 * with `maxResults` / `nextToken` in the query string.
 */
import type { RequestContext, Route } from '../core/types';
import { errors } from '../core/protocol';
import { checkedMaxResults, paginate, queryInt } from '../core/pagination';
import type { HarnessFleet } from './fleet';
import type { HarnessSpec } from './model';
import { harnessDetail, harnessEndpointWire, harnessSummary, harnessVersionSummary } from './wire';

const svc = 'agentcore-control' as const;

export function harnessControlRoutes(fleet: HarnessFleet): Route[] {
  const harness = (ctx: RequestContext): HarnessSpec => {
    const id = ctx.params.harnessId ?? '';
    const h = fleet.find(ctx.region, id);
    if (!h) throw errors.notFound(`Harness not found for id: ${id}`);
    return h;
  };
  const page = (ctx: RequestContext, scope: string) => ({
    size: checkedMaxResults(queryInt(ctx.query, 'maxResults'), 10, 100),
    nextToken: ctx.query.get('nextToken') ?? undefined,
    scope: `${ctx.region}:${scope}`,
  });
  const withToken = <T>(key: string, p: { items: T[]; nextToken?: string }) => ({ [key]: p.items, ...(p.nextToken ? { nextToken: p.nextToken } : {}) });

  return [
    {
      service: svc,
      operation: 'ListHarnesses',
      method: 'GET',
      path: '/harnesses',
      handle: (ctx) => {
        const list = fleet.list(ctx.region);
        return {
          body: withToken(
            'harnesses',
            paginate(list.length, (i) => harnessSummary(list[i]!), page(ctx, 'harnesses')),
          ),
        };
      },
    },
    {
      service: svc,
      operation: 'GetHarness',
      method: 'GET',
      path: '/harnesses/{harnessId}',
      handle: (ctx) => {
        const h = harness(ctx);
        const wanted = ctx.query.get('harnessVersion');
        const v = wanted ? h.versions.find((x) => x.version === wanted) : undefined;
        if (wanted && !v) throw errors.notFound(`Harness version ${wanted} not found for id: ${h.id}`);
        return { body: { harness: harnessDetail(h, v) } };
      },
    },
    {
      service: svc,
      operation: 'DeleteHarness',
      method: 'DELETE',
      path: '/harnesses/{harnessId}',
      handle: (ctx) => {
        const h = harness(ctx);
        fleet.delete(h);
        return { body: { harness: harnessDetail(h, undefined, 'DELETING') } };
      },
    },
    {
      service: svc,
      operation: 'ListHarnessVersions',
      method: 'GET',
      path: '/harnesses/{harnessId}/versions',
      handle: (ctx) => {
        const h = harness(ctx);
        const newestFirst = [...h.versions].reverse();
        const p = paginate(newestFirst.length, (i) => harnessVersionSummary(h, newestFirst[i]!), page(ctx, `harness-versions:${h.id}`));
        return { body: withToken('harnessVersions', p) };
      },
    },
    {
      service: svc,
      operation: 'ListHarnessEndpoints',
      method: 'GET',
      path: '/harnesses/{harnessId}/endpoints',
      handle: (ctx) => {
        const h = harness(ctx);
        const p = paginate(h.endpoints.length, (i) => harnessEndpointWire(h, h.endpoints[i]!), page(ctx, `harness-endpoints:${h.id}`));
        return { body: withToken('endpoints', p) };
      },
    },
    {
      service: svc,
      operation: 'GetHarnessEndpoint',
      method: 'GET',
      path: '/harnesses/{harnessId}/endpoints/{endpointName}',
      handle: (ctx) => {
        const h = harness(ctx);
        const e = h.endpoints.find((x) => x.name === ctx.params.endpointName);
        if (!e) throw errors.notFound(`HarnessEndpoint ${ctx.params.endpointName} not found for harness: ${h.id}`);
        return { body: { endpoint: harnessEndpointWire(h, e) } };
      },
    },
  ];
}
