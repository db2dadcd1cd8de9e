/**
 * Notices that explain an empty or still-moving chart in terms an SRE can
 * act on: which of the usual reasons applies to this agent and range.
 */
import type { FleetResource } from '../../../shared/fleet';
import type { MetricsNotice } from '../../../shared/metrics';

/** AgentCore publishes in one-minute batches, a few minutes behind. */
const PUBLISH_DELAY_MS = 5 * 60_000;

export function noDataNotice(resource: FleetResource, endpoint: string, range: { startTime: number; endTime: number }, now: number): MetricsNotice {
  const name = `${resource.name}::${endpoint}`;
  const reasons: string[] = [];
  const endpoints = resource.endpoints?.map((e) => e.name) ?? [];
  if (endpoints.length > 0 && endpoint !== 'DEFAULT' && !endpoints.includes(endpoint))
    reasons.push(`${resource.name} has no endpoint ${endpoint} (it has ${endpoints.join(', ')})`);
  if (resource.status !== 'READY' && resource.status !== 'UPDATING') reasons.push(`the runtime is ${resource.status}, so it may never have served traffic`);
  if (resource.updatedAt !== undefined && resource.updatedAt > range.startTime)
    reasons.push('the agent is new or was updated during this range: metrics start with its first invocation');
  if (now - range.startTime < PUBLISH_DELAY_MS) reasons.push('AgentCore has not published this range yet: metrics arrive a few minutes late');
  reasons.push(`the agent runs in another region than ${resource.region} (metrics are per region)`);
  reasons.push('nobody invoked it in this range');
  return {
    code: 'no_data',
    message: `CloudWatch has no AgentCore metrics for ${name} in ${resource.region} over this range. Likely: ${reasons.join('; or ')}.`,
  };
}

export function laggingNotice(): MetricsNotice {
  return {
    code: 'lagging',
    message: 'CPUUsed-vCPUHours and MemoryUsed-GBHours can trail real usage by up to an hour: the last hour of cost may still grow.',
  };
}
