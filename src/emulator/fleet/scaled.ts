/**
 * `--scale N`: N extra runtimes per region, with a memory for every second
 * runtime and a gateway for every fifth. Nothing is stored: item i is a pure
 * function of (seed, region, i), generated when a page or lookup needs it, so
 * large scales cost CPU per request rather than resident memory.
 */
import type { GatewayBlueprint, MemoryBlueprint, RuntimeBlueprint } from './blueprints';
import type { Behaviour } from './model';
import { Rng } from '../kit/rng';

const BEHAVIOURS: Behaviour[] = ['fitness-coach', 'result-json', 'token-stream', 'plain-text', 'strands-events', 'sre-supervisor'];
const TEAMS = ['payments', 'search', 'checkout', 'identity', 'catalog', 'logistics', 'support', 'billing', 'growth', 'platform'];
const ROLES = ['assistant', 'triage', 'analyst', 'planner', 'reviewer', 'copilot'];
const MODELS = ['us.anthropic.claude-3-5-haiku-20241022-v1:0', 'us.anthropic.claude-sonnet-4-20250514-v1:0', 'amazon.nova-pro-v1:0', 'amazon.nova-lite-v1:0'];

const pad = (i: number): string => String(i).padStart(4, '0');

export const scaledCounts = (scale: number): { runtimes: number; memories: number; gateways: number } => ({
  runtimes: scale,
  memories: Math.ceil(scale / 2),
  gateways: Math.ceil(scale / 5),
});

export function scaledRuntimeName(i: number): string {
  return `fleet_agent_${pad(i)}`;
}
export function scaledMemoryName(i: number): string {
  return `fleet_memory_${pad(i)}`;
}
export function scaledGatewayName(i: number): string {
  return `fleet-gateway-${pad(i)}`;
}

/** Index from a scaled resource id (`fleet_agent_0042-Ab3...`), so lookups don't scan. */
export function scaledIndex(id: string, prefix: 'fleet_agent_' | 'fleet_memory_' | 'fleet-gateway-'): number | undefined {
  if (!id.startsWith(prefix)) return undefined;
  const n = Number(id.slice(prefix.length, prefix.length + 4));
  return Number.isInteger(n) ? n : undefined;
}

export function scaledRuntimeBlueprint(seed: number, region: string, i: number): RuntimeBlueprint {
  const rng = Rng.for(seed, region, 'scaled-runtime', i);
  const team = rng.pick(TEAMS);
  const status = rng.chance(0.03) ? 'UPDATE_FAILED' : rng.chance(0.03) ? 'UPDATING' : 'READY';
  return {
    name: scaledRuntimeName(i),
    description: `${team} ${rng.pick(ROLES)} agent`,
    behaviour: BEHAVIOURS[i % BEHAVIOURS.length]!,
    modelId: rng.pick(MODELS),
    versions: rng.int(1, 5),
    ageDays: rng.int(2, 120),
    updatedHoursAgo: rng.int(1, 40),
    ...(i % 2 === 0 ? { memory: scaledMemoryName(i / 2) } : {}),
    ...(status === 'UPDATE_FAILED' ? { status, failureReason: 'Container failed health check: GET /ping did not return 200 within 120 seconds.' } : {}),
    ...(status === 'UPDATING' ? { status } : {}),
    ...(rng.chance(0.3) ? { endpoints: [{ name: 'prod', description: `${team} production` }] } : {}),
  };
}

export function scaledMemoryBlueprint(seed: number, region: string, i: number): MemoryBlueprint {
  const rng = Rng.for(seed, region, 'scaled-memory', i);
  return {
    name: scaledMemoryName(i),
    description: `Conversation memory for fleet_agent_${pad(i * 2)}`,
    ageDays: rng.int(2, 120),
    strategies: [
      { name: `prefs_${pad(i)}`, type: 'USER_PREFERENCE', namespace: '/users/{actorId}/preferences', description: 'User preferences' },
      { name: `facts_${pad(i)}`, type: 'SEMANTIC', namespace: '/facts/{actorId}', description: 'Facts' },
    ],
  };
}

export function scaledGatewayBlueprint(seed: number, region: string, i: number): GatewayBlueprint {
  const rng = Rng.for(seed, region, 'scaled-gateway', i);
  const team = rng.pick(TEAMS);
  return {
    name: scaledGatewayName(i),
    description: `${team} tools`,
    ageDays: rng.int(2, 120),
    authorizerType: rng.pick(['CUSTOM_JWT', 'AWS_IAM'] as const),
    targets: [
      { name: `${team}-api`, description: `${team} REST API`, kind: 'openApi', location: `s3://${team}-specs/openapi.yaml`, tools: ['list_items', 'get_item'] },
      {
        name: `${team}-lambda`,
        description: `${team} operations`,
        kind: 'lambda',
        location: `arn:aws:lambda:${region}:{account}:function:${team}-ops`,
        tools: ['run_job'],
      },
    ],
  };
}
