/** The current hash route as React state, plus navigation that never leaves the page. */
import { useCallback, useSyncExternalStore } from 'react';
import { pageSet, type PageId } from '../app/page-registry';
import { formatHash, parseHash, patchQuery, type Query, type Route } from './hash-route';
import { createHashStore, type ScheduleWrite } from './hash-store';

/** A route whose page is one of the registry's (parseHash never yields any other). */
export type AppRoute = Route<PageId>;

/**
 * The URL write (see hash-store.ts): at most one per 250 ms of typing, and then
 * only once the main thread is idle, so it never delays a keystroke's frame.
 */
const WRITE_AFTER_MS = 250;
const IDLE_DEADLINE_MS = 500;
const scheduleWrite: ScheduleWrite = (callback) => {
  let idle: number | undefined;
  const timer = window.setTimeout(() => {
    if (typeof window.requestIdleCallback === 'function') idle = window.requestIdleCallback(callback, { timeout: IDLE_DEADLINE_MS });
    else callback();
  }, WRITE_AFTER_MS);
  return () => {
    window.clearTimeout(timer);
    if (idle !== undefined) window.cancelIdleCallback(idle);
  };
};
// A getter: the registry imports the pages, which import this module, so it is not loaded yet here.
const store = createHashStore(window, scheduleWrite, () => pageSet);

/** Parses a hash against the page registry. */
export const parseRoute = (hash: string): AppRoute => parseHash(hash, pageSet) as AppRoute;

/** The route the console shows, which may be ahead of the address bar by one pending query edit. */
export const currentRoute = store.current as () => AppRoute;

/** Pushes a history entry for page changes; replaces it for query edits (typing in a filter). */
export function navigate(route: AppRoute, mode: 'push' | 'replace' = 'push'): void {
  store.navigate(route, mode);
}

export const hrefFor = (page: PageId, query: Query = {}): string => formatHash({ page, query });

/**
 * Re-renders only when `key(route)` changes (compared as a string): for
 * components that need part of the route, such as the shell, which must not
 * re-render on every keystroke of a filter kept in the query.
 */
export function useRouteKey(key: (route: AppRoute) => string): string {
  return useSyncExternalStore(store.subscribe, () => key(currentRoute()));
}

/** Patches the current query in place (no history entry), from anywhere. */
export function replaceQuery(patch: Readonly<Record<string, string | undefined>>): void {
  const latest = currentRoute();
  navigate({ page: latest.page, query: patchQuery(latest.query, patch) }, 'replace');
}

export function useHashRoute(): {
  route: AppRoute;
  go: (page: PageId, query?: Query) => void;
  setQuery: (patch: Readonly<Record<string, string | undefined>>) => void;
} {
  const route = useSyncExternalStore(store.subscribe, currentRoute);
  const go = useCallback((page: PageId, query: Query = {}) => navigate({ page, query }), []);
  return { route, go, setQuery: replaceQuery };
}
