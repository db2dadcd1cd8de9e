/**
 * Strategy namespaces are templates (`/users/{actorId}/preferences`,
 * `/summaries/{actorId}/{sessionId}`); records live under the resolved form.
 */
import type { MemoryDefinition } from '../core/types';

export type Strategy = MemoryDefinition['strategies'][number];

export function resolveNamespace(template: string, vars: { actorId: string; sessionId?: string; strategyId: string }): string {
  return template
    .replaceAll('{actorId}', vars.actorId)
    .replaceAll('{sessionId}', vars.sessionId ?? 'default')
    .replaceAll('{memoryStrategyId}', vars.strategyId)
    .replaceAll('{strategyId}', vars.strategyId);
}

/** A strategy's first namespace, or a conventional default when it declares none. */
export function strategyNamespace(strategy: Strategy, actorId: string, sessionId: string | undefined): string {
  const fallback: Record<Strategy['type'], string> = {
    SEMANTIC: '/facts/{actorId}',
    SUMMARIZATION: '/summaries/{actorId}/{sessionId}',
    USER_PREFERENCE: '/users/{actorId}/preferences',
    CUSTOM: '/custom/{actorId}',
  };
  return resolveNamespace(strategy.namespaces[0] ?? fallback[strategy.type], { actorId, sessionId, strategyId: strategy.strategyId });
}

/** AWS matches `namespace` as a prefix of the record's namespaces. */
export function inNamespace(recordNamespaces: readonly string[], prefix: string | undefined): boolean {
  if (prefix === undefined || prefix === '' || prefix === '/') return true;
  return recordNamespaces.some((ns) => ns.startsWith(prefix));
}
