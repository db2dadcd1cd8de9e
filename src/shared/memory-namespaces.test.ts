import { describe, expect, it } from 'vitest';
import { resolveNamespaces, resolveTemplate, strategyForNamespace } from './memory-namespaces';

const strategies = [
  { id: 'prefs-1', name: 'preferences', type: 'USER_PREFERENCE', namespaces: ['/users/{actorId}/preferences'] },
  { id: 'infra-2', name: 'infrastructure', type: 'SEMANTIC', namespaces: ['/sre/infrastructure/{actorId}/{sessionId}'] },
  { id: 'custom-3', name: 'custom', type: 'CUSTOM', namespaces: ['/strategies/{memoryStrategyId}/actors/{actorId}'] },
];

describe('memory namespaces', () => {
  it('resolves every placeholder for an actor and session', () => {
    expect(resolveTemplate('/sre/infrastructure/{actorId}/{sessionId}', { actorId: 'alice', sessionId: 's-1', strategyId: 'x' })).toEqual({
      namespace: '/sre/infrastructure/alice/s-1',
      complete: true,
    });
    expect(resolveTemplate('/strategies/{memoryStrategyId}/actors/{actorId}', { actorId: 'alice', strategyId: 'custom-3' }).namespace).toBe(
      '/strategies/custom-3/actors/alice',
    );
  });

  it('cuts a template at an unchosen session to the prefix AgentCore matches', () => {
    expect(resolveTemplate('/sre/infrastructure/{actorId}/{sessionId}', { actorId: 'alice', strategyId: 'x' })).toEqual({
      namespace: '/sre/infrastructure/alice/',
      complete: false,
    });
  });

  it('lists one resolved path per strategy template', () => {
    expect(resolveNamespaces(strategies, 'carol').map((n) => [n.strategyName, n.namespace, n.complete])).toEqual([
      ['preferences', '/users/carol/preferences', true],
      ['infrastructure', '/sre/infrastructure/carol/', false],
      ['custom', '/strategies/custom-3/actors/carol', true],
    ]);
  });

  it('finds the strategy a typed namespace belongs to, or none', () => {
    expect(strategyForNamespace(strategies, '/users/alice/preferences')?.id).toBe('prefs-1');
    expect(strategyForNamespace(strategies, '/users/alice')?.id).toBe('prefs-1');
    expect(strategyForNamespace(strategies, '/sre/infrastructure/alice/s-1')?.id).toBe('infra-2');
    expect(strategyForNamespace(strategies, '/billing/alice')).toBeUndefined();
    expect(strategyForNamespace(strategies, '  ')).toBeUndefined();
  });
});
