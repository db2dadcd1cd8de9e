/**
 * Memory data plane (restJson1, SigV4 service `bedrock-agentcore`): events,
 * sessions, actors, long-term records and failed extraction jobs of the
 * world's memories. Agent invocations against a memory-backed runtime feed it
 * like a real agent does.
 */
import type { EmulatorModule, InvocationRecord, ModuleDeps } from '../core/types';
import { batchCreateRoute } from './batch-create-route';
import { eventRoutes } from './event-routes';
import { extractionRoutes } from './extraction-routes';
import { recordRoutes } from './record-routes';
import { MemoryStore } from './store';
import { toActorId, toSessionId } from '../../shared/memory';

export { MEMORY_THROTTLING_ERROR } from './validate';

export function createMemoryModule(deps: ModuleDeps): EmulatorModule {
  const store = new MemoryStore(deps.seed, deps.now);
  return {
    routes: [...eventRoutes(deps, store), ...recordRoutes(deps, store), batchCreateRoute(deps, store), ...extractionRoutes(deps, store)],
    reset: () => store.clear(),
    onInvocation(record: InvocationRecord) {
      if (!record.memoryId) return;
      const memory = deps.world.memories(record.region).find((m) => m.id === record.memoryId);
      if (!memory) return;
      // Throttled calls never reached the agent, so it stored nothing.
      if (record.outcome === 'throttled') return;
      const replied = record.outcome === 'ok' && record.replyText.trim() !== '';
      store.recordTurn(memory, {
        actorId: toActorId(record.userId),
        sessionId: toSessionId(record.sessionId),
        prompt: record.prompt,
        reply: replied ? record.replyText : undefined,
        at: record.startedAt,
        replyAt: record.startedAt + Math.max(1, record.latencyMs),
      });
    },
  };
}
