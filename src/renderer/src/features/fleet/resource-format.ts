/** How fleet fields read in the UI. */
import type { StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import type { EndpointSummary, Health, ResourceKind } from '../../../../shared/fleet';
import { healthOf } from '../../../../shared/health';

export const kindLabel: Record<ResourceKind, string> = { runtime: 'Runtime', harness: 'Harness', memory: 'Memory', gateway: 'Gateway' };
export const kindPlural: Record<ResourceKind, string> = { runtime: 'runtimes', harness: 'harnesses', memory: 'memories', gateway: 'gateways' };
export const kindTitlePlural: Record<ResourceKind, string> = { runtime: 'Runtimes', harness: 'Harnesses', memory: 'Memories', gateway: 'Gateways' };

export const healthIndicator: Record<Health, StatusIndicatorProps.Type> = {
  ok: 'success',
  pending: 'in-progress',
  failed: 'error',
  unknown: 'stopped',
};

/** AgentCore versions are bare numbers ("3"); they read better as "v3". */
export const versionLabel = (version: string): string => (/^\d+$/.test(version) ? `v${version}` : version);

/** Mid-rollout: the endpoint serves one version while moving to another. */
export const isRollingOut = (endpoint: Pick<EndpointSummary, 'liveVersion' | 'targetVersion'>): boolean =>
  Boolean(endpoint.liveVersion && endpoint.targetVersion && endpoint.liveVersion !== endpoint.targetVersion);

/** "prod · v3" or, mid-rollout, "prod · v3 → v4". */
export function formatEndpoint(endpoint: EndpointSummary): string {
  const { liveVersion: live, targetVersion: target } = endpoint;
  if (live && target && live !== target) return `${endpoint.name} · ${versionLabel(live)} → ${versionLabel(target)}`;
  const version = live ?? target;
  return version ? `${endpoint.name} · ${versionLabel(version)}` : endpoint.name;
}

/** Lifecycle timeouts as people say them: 900 → "15 min", 28800 → "8 h", 5400 → "1 h 30 min". */
export function formatDuration(totalSeconds: number): string {
  if (!Number.isFinite(totalSeconds) || totalSeconds < 0) return '—';
  if (totalSeconds < 60) return `${Math.round(totalSeconds)} s`;
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = Math.round(totalSeconds % 60);
  const parts = [days && `${days} d`, hours && `${hours} h`, minutes && `${minutes} min`, seconds && `${seconds} s`].filter(Boolean);
  return parts.join(' ');
}

/** The indicator for a status; waiting on a person (OAuth consent) reads as "pending", not as a spinner. */
export function statusIndicatorType(status: string): StatusIndicatorProps.Type {
  if (status.endsWith('_PENDING_AUTH')) return 'pending';
  return healthIndicator[healthOf(status)];
}
