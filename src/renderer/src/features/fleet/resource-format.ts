/** How fleet fields read in the UI. */
import type { StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import type { EndpointSummary, Health, ResourceKind } from '../../../../shared/fleet';

export const kindLabel: Record<ResourceKind, string> = { runtime: 'Runtime', memory: 'Memory', gateway: 'Gateway' };
export const kindPlural: Record<ResourceKind, string> = { runtime: 'runtimes', memory: 'memories', gateway: 'gateways' };

export const healthIndicator: Record<Health, StatusIndicatorProps.Type> = {
  ok: 'success',
  pending: 'in-progress',
  failed: 'error',
  unknown: 'stopped',
};

/** AgentCore versions are bare numbers ("3"); they read better as "v3". */
export const versionLabel = (version: string): string => (/^\d+$/.test(version) ? `v${version}` : version);

/** "prod · v3" or, mid-rollout, "prod · v2 → v3". */
export function formatEndpoint(endpoint: EndpointSummary): string {
  const { liveVersion: live, targetVersion: target } = endpoint;
  if (live && target && live !== target) return `${endpoint.name} · ${versionLabel(live)} → ${versionLabel(target)}`;
  const version = live ?? target;
  return version ? `${endpoint.name} · ${versionLabel(version)}` : endpoint.name;
}
