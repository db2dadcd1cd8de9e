/** AWS-shaped identifiers, all derived from the seed so the fleet is reproducible. */
import { Rng } from '../kit/rng';

export const DEMO_REGIONS = ['us-east-1', 'us-west-2', 'eu-central-1'] as const;

const DAY = 86_400_000;
const HOUR = 3_600_000;

export function accountIdFor(seed: number): string {
  const rng = Rng.for(seed, 'account');
  return String(rng.int(1, 9)) + rng.chars(11, '0123456789');
}

/** `sre_supervisor-W7MyNnE0HE`: the runtime/memory id format AgentCore uses (name + 10 chars). */
export function resourceId(seed: number, region: string, name: string, alphabet?: string): string {
  return `${name}-${Rng.for(seed, region, 'id', name).chars(10, alphabet)}`;
}

export const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export function runtimeArn(region: string, account: string, id: string): string {
  return `arn:aws:bedrock-agentcore:${region}:${account}:runtime/${id}`;
}
export function memoryArn(region: string, account: string, id: string): string {
  return `arn:aws:bedrock-agentcore:${region}:${account}:memory/${id}`;
}
export function gatewayArn(region: string, account: string, id: string): string {
  return `arn:aws:bedrock-agentcore:${region}:${account}:gateway/${id}`;
}

/** Parses `arn:aws:bedrock-agentcore:<region>:<account>:runtime/<id>`. */
export function parseRuntimeArn(arn: string): { region: string; accountId: string; id: string } | undefined {
  const m = /^arn:aws[a-z-]*:bedrock-agentcore:([a-z0-9-]+):(\d{12}):runtime\/([A-Za-z0-9_-]+)$/.exec(arn);
  return m ? { region: m[1]!, accountId: m[2]!, id: m[3]! } : undefined;
}

/** Timestamps are offsets from an anchor (default: the start of the current hour), so ages read naturally. */
export function ago(anchor: number, days: number, hours = 0): number {
  return anchor - days * DAY - hours * HOUR;
}

export function defaultAnchor(now: number): number {
  return Math.floor(now / HOUR) * HOUR;
}
