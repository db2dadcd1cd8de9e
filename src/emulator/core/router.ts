/**
 * Route matching. REST routes match on method + path template; the raw path
 * is split before decoding so a percent-encoded runtime ARN (which contains
 * `%2F`) stays one label, and trailing slashes are significant because AWS
 * models `/runtimes/` and `/runtimes` as different operations.
 */
import type { Route } from './types';

interface CompiledRoute {
  route: Route;
  segments: Array<{ literal: string } | { label: string; greedy: boolean }>;
  literals: number;
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

export class Router {
  private readonly rest: CompiledRoute[] = [];
  private readonly targets = new Map<string, Route>();

  add(routes: Iterable<Route>): void {
    for (const route of routes) {
      if (route.target) {
        this.targets.set(route.target, route);
        continue;
      }
      if (!route.path) throw new Error(`route ${route.operation} has neither path nor target`);
      const segments = route.path.split('/').map((seg) => {
        const m = /^\{([^}+]+)(\+?)\}$/.exec(seg);
        return m ? { label: m[1]!, greedy: m[2] === '+' } : { literal: seg };
      });
      const literals = segments.filter((s) => 'literal' in s && s.literal !== '').length;
      this.rest.push({ route, segments, literals });
    }
    // Most specific first: `/memories/{id}/details` must beat `/memories/{id}/{x}`.
    this.rest.sort((a, b) => b.literals - a.literals || b.segments.length - a.segments.length);
  }

  matchTarget(target: string | undefined): Route | undefined {
    return target ? this.targets.get(target) : undefined;
  }

  matchPath(method: string, rawPath: string): RouteMatch | undefined {
    const parts = rawPath.split('/');
    for (const c of this.rest) {
      if (c.route.method !== method) continue;
      const params = matchSegments(c.segments, parts);
      if (params) return { route: c.route, params };
    }
    return undefined;
  }

  size(): number {
    return this.rest.length + this.targets.size;
  }
}

function matchSegments(segments: CompiledRoute['segments'], parts: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    if ('literal' in seg) {
      if (parts[i] !== seg.literal) return undefined;
      continue;
    }
    if (seg.greedy) {
      const rest = parts.slice(i).join('/');
      if (!rest) return undefined;
      params[seg.label] = safeDecode(rest);
      return params;
    }
    const part = parts[i];
    if (part === undefined || part === '') return undefined;
    params[seg.label] = safeDecode(part);
  }
  return parts.length === segments.length ? params : undefined;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
