/** The current hash route as React state, plus navigation that never leaves the page. */
import { useCallback, useSyncExternalStore } from 'react';
import { formatHash, parseHash, patchQuery, type PageId, type Query, type Route } from './hash-route';

const listeners = new Set<() => void>();
let cachedHash: string | null = null;
let cachedRoute: Route = parseHash('');

const notify = (): void => listeners.forEach((listener) => listener());
window.addEventListener('hashchange', notify);

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function currentRoute(): Route {
  if (window.location.hash !== cachedHash) {
    cachedHash = window.location.hash;
    cachedRoute = parseHash(cachedHash);
  }
  return cachedRoute;
}

/** Pushes a history entry for page changes; replaces it for query edits (typing in a filter). */
export function navigate(route: Route, mode: 'push' | 'replace' = 'push'): void {
  const hash = formatHash(route);
  if (hash === window.location.hash) return;
  if (mode === 'push') window.location.hash = hash;
  else {
    window.history.replaceState(window.history.state, '', hash);
    notify();
  }
}

export const hrefFor = (page: PageId, query: Query = {}): string => formatHash({ page, query });

/**
 * Re-renders only when `key(route)` changes (compared as a string): for
 * components that need part of the route, such as the shell, which must not
 * re-render on every keystroke of a filter kept in the query.
 */
export function useRouteKey(key: (route: Route) => string): string {
  return useSyncExternalStore(subscribe, () => key(currentRoute()));
}

/** Patches the current query in place (no history entry), from anywhere. */
export function replaceQuery(patch: Readonly<Record<string, string | undefined>>): void {
  const latest = currentRoute();
  navigate({ page: latest.page, query: patchQuery(latest.query, patch) }, 'replace');
}

export function useHashRoute(): {
  route: Route;
  go: (page: PageId, query?: Query) => void;
  setQuery: (patch: Readonly<Record<string, string | undefined>>) => void;
} {
  const route = useSyncExternalStore(subscribe, currentRoute);
  const go = useCallback((page: PageId, query: Query = {}) => navigate({ page, query }), []);
  const setQuery = useCallback(
    (patch: Readonly<Record<string, string | undefined>>) => {
      const latest = currentRoute();
      navigate({ page: latest.page, query: patchQuery(latest.query, patch) }, 'replace');
    },
    [],
  );
  return { route, go, setQuery };
}
