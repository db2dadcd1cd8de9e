/**
 * Long-term memory lives under namespaces that each strategy declares as a
 * template (`/users/{actorId}/preferences`, `/summaries/{actorId}/{sessionId}`).
 * Resolving a template for an actor (and session) gives the path to list or
 * search; AgentCore matches namespaces by prefix, so a template whose session
 * is not chosen yet resolves to the part before `{sessionId}`.
 */
export interface StrategyLike {
  id: string;
  name: string;
  type: string;
  namespaces: string[];
}

export interface ResolvedNamespace {
  strategyId: string;
  strategyName: string;
  strategyType: string;
  template: string;
  /** The path to query. */
  namespace: string;
  /** False when the template needed a session id and none was given (the path is then a prefix). */
  complete: boolean;
}

const PLACEHOLDER = /\{(actorId|sessionId|memoryStrategyId|strategyId)\}/g;

export function resolveTemplate(template: string, vars: { actorId: string; sessionId?: string; strategyId: string }): { namespace: string; complete: boolean } {
  let complete = true;
  let cut = template.length;
  const namespace = template.replace(PLACEHOLDER, (whole, name: string, offset: number) => {
    if (name === 'actorId') return vars.actorId;
    if (name === 'sessionId') {
      if (vars.sessionId) return vars.sessionId;
      complete = false;
      cut = Math.min(cut, offset);
      return whole;
    }
    return vars.strategyId;
  });
  if (complete) return { namespace, complete };
  // Keep everything before the first unresolved {sessionId}: the prefix AgentCore matches.
  const prefixEnd = template.slice(0, cut).replace(PLACEHOLDER, (_w, name: string) => (name === 'actorId' ? vars.actorId : vars.strategyId)).length;
  return { namespace: namespace.slice(0, prefixEnd) || '/', complete };
}

export function resolveNamespaces(strategies: readonly StrategyLike[], actorId: string, sessionId?: string): ResolvedNamespace[] {
  return strategies.flatMap((s) =>
    s.namespaces.map((template) => ({
      strategyId: s.id,
      strategyName: s.name,
      strategyType: s.type,
      template,
      ...resolveTemplate(template, { actorId, strategyId: s.id, ...(sessionId ? { sessionId } : {}) }),
    })),
  );
}

function templatePattern(template: string): RegExp {
  const parts = template.split(PLACEHOLDER);
  // split() with a capture group alternates literal text and placeholder names.
  const source = parts.map((part, i) => (i % 2 === 1 ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${source}`);
}

/**
 * The strategy whose template a typed namespace belongs to: the namespace is
 * that template resolved, or a prefix of it (`/users/alice` of
 * `/users/{actorId}/preferences`). Undefined means no strategy writes there.
 */
export function strategyForNamespace<S extends StrategyLike>(strategies: readonly S[], namespace: string): S | undefined {
  const path = namespace.trim();
  if (!path) return undefined;
  return strategies.find((s) =>
    s.namespaces.some((template) => {
      if (templatePattern(template).test(path)) return true;
      // A prefix of the template: compare segment by segment, placeholders match anything.
      const want = template.split('/');
      const got = path.replace(/\/$/, '').split('/');
      return got.length <= want.length && got.every((seg, i) => seg === want[i] || (/^\{\w+\}$/.test(want[i] ?? '') && seg !== ''));
    }),
  );
}
