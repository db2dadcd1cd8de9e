/** Agents the chat can invoke, looked up in the fleet snapshot by key: the ARN always comes from AWS, never from the renderer. */
import type { FleetResource } from '../../../shared/fleet';
import type { AgentDirectory } from './chat-service';

export function fleetDirectory(fleet: { snapshot(): { resources: FleetResource[] } }): AgentDirectory {
  return {
    find(agentKey) {
      const r = fleet.snapshot().resources.find((resource) => resource.key === agentKey && (resource.kind === 'runtime' || resource.kind === 'harness'));
      return r && r.arn
        ? { agentKey, kind: r.kind === 'harness' ? 'harness' : 'runtime', name: r.name, arn: r.arn, profile: r.profile, region: r.region }
        : undefined;
    },
  };
}
