/**
 * Where an agent's logs are: its fleet resource, the CloudWatch Logs client
 * of its profile and region, and the log group AgentCore writes for each
 * runtime endpoint (`/aws/bedrock-agentcore/runtimes/<runtimeId>-<endpoint>`).
 * Live tail names groups by ARN, built from the runtime's own ARN so the
 * partition (aws, aws-cn, aws-us-gov) and account are the runtime's.
 */
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { ApiError } from '../../../shared/errors';
import type { FleetResource } from '../../../shared/fleet';
import type { ClientFactory } from '../aws/clients';
import type { FleetService } from '../fleet/fleet-service';

export const RUNTIME_GROUP_PREFIX = '/aws/bedrock-agentcore/runtimes/';
export const SPANS_GROUP = 'aws/spans';

export interface LogTarget {
  resource: FleetResource;
  client: CloudWatchLogsClient;
  /** AWS's clock as the SDK last saw it (it reads every response's Date header): windows are cut on AWS time, not the laptop's. */
  now(): number;
  groupName(endpoint: string): string;
  groupArn(groupName: string): string;
}

export type LogTargets = (agentKey: string) => LogTarget;

export function runtimeGroupName(runtimeId: string, endpoint: string): string {
  return `${RUNTIME_GROUP_PREFIX}${runtimeId}-${endpoint}`;
}

/**
 * The Date header has one-second resolution, so the SDK's offset is up to a
 * second off even when both clocks agree; applying that would cut the newest
 * lines out of "the last 5 minutes". Only a real skew is worth correcting.
 */
const SKEW_WORTH_CORRECTING_MS = 5000;
function meaningfulOffset(offset: number | undefined): number {
  return offset !== undefined && Math.abs(offset) >= SKEW_WORTH_CORRECTING_MS ? offset : 0;
}

export function logTargets(fleet: Pick<FleetService, 'find'>, clients: Pick<ClientFactory, 'logsClient'>, clock: () => number = Date.now): LogTargets {
  return (agentKey) => {
    const resource = fleet.find(agentKey);
    if (!resource || resource.kind !== 'runtime')
      throw new ApiError('not_found', `No agent ${agentKey} in the fleet. It may have been deleted; refresh the fleet.`);
    const client = clients.logsClient(resource.profile, resource.region);
    const partition = /^arn:([^:]+):/.exec(resource.arn)?.[1] ?? 'aws';
    return {
      resource,
      client,
      now: () => clock() + meaningfulOffset(client.config.systemClockOffset),
      groupName: (endpoint) => runtimeGroupName(resource.id, endpoint),
      groupArn: (name) => `arn:${partition}:logs:${resource.region}:${resource.accountId}:log-group:${name}`,
    };
  };
}
