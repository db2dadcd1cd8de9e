/**
 * Which memory a call is about, resolved from its fleet key: the resource as
 * the fleet last saw it (name, account, status) and the data-plane client for
 * its profile and region. A memory that is not ACTIVE is refused up front
 * with what it is doing, instead of a data-plane error the user must decode.
 */
import type { BedrockAgentCoreClient } from '@aws-sdk/client-bedrock-agentcore';
import { ApiError } from '../../../shared/errors';
import type { FleetResource } from '../../../shared/fleet';
import type { ClientFactory } from '../aws/clients';
import type { FleetService } from '../fleet/fleet-service';

export interface MemoryTarget {
  resource: FleetResource;
  memoryId: string;
  client: BedrockAgentCoreClient;
}

export type MemoryTargets = (key: string) => MemoryTarget;

const NOT_USABLE: Record<string, string> = {
  CREATING: 'is still being created; its events and records can be browsed once it is ACTIVE',
  DELETING: 'is being deleted',
  FAILED: 'failed to create, so it holds no events or records',
};

export function memoryTargets(fleet: Pick<FleetService, 'find'>, clients: Pick<ClientFactory, 'dataClient'>): MemoryTargets {
  return (key) => {
    const resource = fleet.find(key);
    if (!resource || resource.kind !== 'memory') throw new ApiError('not_found', `No memory ${key} in the fleet. It may have been deleted; refresh the fleet.`);
    const why = NOT_USABLE[resource.status];
    if (why) {
      const reason = resource.failureReason ? ` Reason: ${resource.failureReason}` : '';
      throw new ApiError('invalid_input', `Memory ${resource.name} ${why}.${reason}`, { memoryStatus: resource.status });
    }
    return { resource, memoryId: resource.id, client: clients.dataClient(resource.profile, resource.region) };
  };
}
