/** A small fixed world for protocol-module tests: two runtimes, the SRE memory, one gateway. */
import type { CredentialRegistry, IssuedCredentials, MemoryDefinition, ModuleDeps, RuntimeView, WorldView } from '../../../src/emulator/core/types';

export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';
const DAY = 86_400_000;

export function fakeDeps(start = Date.UTC(2026, 10, 28, 12, 0, 0)): ModuleDeps & { clock: { t: number } } {
  const clock = { t: start };
  const runtimes: RuntimeView[] = [
    { id: 'sre_supervisor-Ab12Cd34Ef', arn: `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:runtime/sre_supervisor-Ab12Cd34Ef`, name: 'sre_supervisor', region: REGION, accountId: ACCOUNT, status: 'READY', endpointNames: ['DEFAULT', 'prod'], memoryId: 'sre_agent_memory-W7MyNnE0HE', createdAt: start - 30 * DAY },
    { id: 'coach_companion-Zy98Xw76Vu', arn: `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:runtime/coach_companion-Zy98Xw76Vu`, name: 'coach_companion', region: REGION, accountId: ACCOUNT, status: 'READY', endpointNames: ['DEFAULT'], createdAt: start - 10 * DAY },
  ];
  const memories: MemoryDefinition[] = [
    {
      id: 'sre_agent_memory-W7MyNnE0HE', arn: `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:memory/sre_agent_memory-W7MyNnE0HE`, name: 'sre_agent_memory', region: REGION, accountId: ACCOUNT,
      strategies: [
        { strategyId: 'preferences-a1', name: 'user_preferences', type: 'USER_PREFERENCE', namespaces: ['/sre/users/{actorId}/preferences'] },
        { strategyId: 'infrastructure-b2', name: 'infrastructure_knowledge', type: 'SEMANTIC', namespaces: ['/sre/infrastructure/{actorId}'] },
        { strategyId: 'investigations-c3', name: 'investigation_summaries', type: 'SUMMARIZATION', namespaces: ['/sre/investigations/{actorId}/{sessionId}'] },
      ],
    },
  ];
  const world: WorldView = {
    regions: () => [REGION, 'eu-west-1'],
    runtimes: (region) => runtimes.filter((r) => !region || r.region === region),
    memories: (region) => memories.filter((m) => !region || m.region === region),
    gateways: (region) => (region && region !== REGION ? [] : [{ id: 'sre-gateway-i7ge1zayhw', arn: `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:gateway/sre-gateway-i7ge1zayhw`, name: 'sre-gateway', region: REGION, accountId: ACCOUNT, status: 'READY' }]),
  };
  const issued = new Map<string, number>();
  let n = 0;
  const credentials: CredentialRegistry = {
    issue(ttlMs): IssuedCredentials {
      const accessKeyId = `ASIAEMULATOR${String(n++).padStart(8, '0')}`;
      issued.set(accessKeyId, clock.t + ttlMs);
      return { accessKeyId, secretAccessKey: `secret-${accessKeyId}`, sessionToken: `token-${accessKeyId}`, expiration: clock.t + ttlMs };
    },
    check(id) {
      const exp = issued.get(id);
      return exp === undefined ? 'unknown' : exp > clock.t ? 'valid' : 'expired';
    },
  };
  return { world, credentials, now: () => clock.t, seed: 42, clock };
}
