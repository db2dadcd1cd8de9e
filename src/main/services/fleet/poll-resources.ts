/**
 * Re-reads individual resources (the ones in transitional states) between
 * full polls: a deploy's UPDATING → READY shows within seconds for the price
 * of one or two calls per changing resource, not a whole region's listing.
 */
import {
  GetAgentRuntimeCommand,
  GetGatewayCommand,
  GetHarnessCommand,
  GetMemoryCommand,
  ListAgentRuntimeEndpointsCommand,
  ListHarnessEndpointsCommand,
  ResourceNotFoundException,
  type BedrockAgentCoreControlClient,
} from '@aws-sdk/client-bedrock-agentcore-control';
import type { FleetResource } from '../../../shared/fleet';
import { fromGateway, fromHarness, fromMemory, fromRuntime } from './normalize';
import type { Run } from './poll-cell';

export interface RefreshOptions {
  client: BedrockAgentCoreControlClient;
  run: Run;
  signal?: AbortSignal;
}

/** The fresh state of each resource, or `null` where it no longer exists. */
export async function refreshResources(resources: FleetResource[], options: RefreshOptions): Promise<Array<FleetResource | null>> {
  return Promise.all(resources.map((resource) => refreshOne(resource, options).catch(goneAsNull)));
}

async function refreshOne(resource: FleetResource, { client, run, signal }: RefreshOptions): Promise<FleetResource> {
  const abort = signal ? { abortSignal: signal } : {};
  const cell = { profile: resource.profile, region: resource.region };
  switch (resource.kind) {
    case 'runtime': {
      const [runtime, endpoints] = await Promise.all([
        run(() => client.send(new GetAgentRuntimeCommand({ agentRuntimeId: resource.id }), abort)),
        run(() => client.send(new ListAgentRuntimeEndpointsCommand({ agentRuntimeId: resource.id, maxResults: 50 }), abort)),
      ]);
      return fromRuntime(cell, { ...runtime, description: runtime.description }, endpoints.runtimeEndpoints ?? [], runtime.failureReason);
    }
    case 'harness': {
      const [{ harness }, endpoints] = await Promise.all([
        run(() => client.send(new GetHarnessCommand({ harnessId: resource.id }), abort)),
        run(() => client.send(new ListHarnessEndpointsCommand({ harnessId: resource.id, maxResults: 50 }), abort)),
      ]);
      const summary = harness ?? {
        harnessId: resource.id,
        harnessName: resource.name,
        arn: resource.arn,
        status: undefined,
        createdAt: undefined,
        updatedAt: undefined,
      };
      return fromHarness(cell, summary, endpoints.endpoints ?? [], harness?.failureReason);
    }
    case 'memory': {
      const { memory } = await run(() => client.send(new GetMemoryCommand({ memoryId: resource.id }), abort));
      return fromMemory(
        cell,
        { arn: memory?.arn, id: memory?.id, status: memory?.status, createdAt: memory?.createdAt, updatedAt: memory?.updatedAt },
        memory?.name,
        memory?.failureReason,
      );
    }
    case 'gateway': {
      const gateway = await run(() => client.send(new GetGatewayCommand({ gatewayIdentifier: resource.id }), abort));
      const reasons = gateway.statusReasons?.join('; ') || undefined;
      return fromGateway(cell, gateway, resource.accountId, gateway.gatewayArn ?? resource.arn, reasons);
    }
  }
}

function goneAsNull(error: unknown): null {
  if (error instanceof ResourceNotFoundException) return null;
  throw error;
}
