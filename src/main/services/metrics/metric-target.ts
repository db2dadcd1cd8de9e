/**
 * Which CloudWatch to ask about a fleet resource: the metrics client of its
 * profile and region, and AWS's clock as that client last saw it (the SDK
 * learns the offset from every response's Date header), so "the last hour"
 * is AWS's last hour, not the laptop's.
 */
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { ApiError } from '../../../shared/errors';
import type { FleetResource, ResourceKind } from '../../../shared/fleet';
import type { ClientFactory } from '../aws/clients';
import type { FleetService } from '../fleet/fleet-service';

export interface MetricTarget {
  resource: FleetResource;
  client: CloudWatchClient;
  now(): number;
}

/** The Date header has one-second resolution: only a real skew is worth applying (as for logs). */
const SKEW_WORTH_CORRECTING_MS = 5000;

export type MetricTargets = {
  of(key: string, kinds: ResourceKind[]): MetricTarget;
  forCell(profile: string, region: string): Omit<MetricTarget, 'resource'>;
  runtimes(): FleetResource[];
};

export function metricTargets(
  fleet: Pick<FleetService, 'find' | 'snapshot'>,
  clients: Pick<ClientFactory, 'metricsClient'>,
  clock: () => number = Date.now,
): MetricTargets {
  const forCell = (profile: string, region: string) => {
    const client = clients.metricsClient(profile, region);
    return {
      client,
      now: () => {
        const offset = client.config.systemClockOffset;
        return clock() + (offset !== undefined && Math.abs(offset) >= SKEW_WORTH_CORRECTING_MS ? offset : 0);
      },
    };
  };
  return {
    of(key, kinds) {
      const resource = fleet.find(key);
      if (!resource) throw new ApiError('not_found', `No resource ${key} in the fleet. It may have been deleted; refresh the fleet.`);
      if (!kinds.includes(resource.kind))
        throw new ApiError('invalid_input', `${resource.name} is a ${resource.kind}; this view charts a ${kinds.join(' or ')}.`, { field: 'key' });
      return { resource, ...forCell(resource.profile, resource.region) };
    },
    forCell,
    runtimes: () => fleet.snapshot().resources.filter((r) => r.kind === 'runtime'),
  };
}
