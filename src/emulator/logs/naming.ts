/** Log group, stream and ARN names exactly as AgentCore writes them. */
import { Rng } from '../kit/rng';

export const SPANS_GROUP = 'aws/spans';
export const RUNTIME_GROUP_PREFIX = '/aws/bedrock-agentcore/runtimes/';
/** AgentCore writes OTEL-structured application logs to this fixed stream beside the per-instance stdout streams. */
export const OTEL_STREAM = 'otel-rt-logs';
export const SPANS_STREAM = 'default';

export function runtimeGroupName(runtimeId: string, endpointName: string): string {
  return `${RUNTIME_GROUP_PREFIX}${runtimeId}-${endpointName}`;
}

export function logGroupArn(region: string, accountId: string, name: string): string {
  return `arn:aws:logs:${region}:${accountId}:log-group:${name}`;
}

/** `logGroupIdentifier` may be a name or an ARN (with or without the trailing `:*`). */
export function groupNameFromIdentifier(identifier: string): string {
  const m = /^arn:aws[a-z-]*:logs:[^:]*:[^:]*:log-group:(.+?)(?::\*)?$/.exec(identifier);
  return m ? m[1]! : identifier;
}

/** `2026/11/28/[runtime-logs]<uuid>`: one stream per container instance per UTC day. */
export function runtimeStreamName(seed: number, groupName: string, timestampMs: number, instanceSlot: number): string {
  const d = new Date(timestampMs);
  const day = `${d.getUTCFullYear()}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${String(d.getUTCDate()).padStart(2, '0')}`;
  return `${day}/[runtime-logs]${Rng.for(seed, 'stream', groupName, day, instanceSlot).uuid()}`;
}
