/**
 * Hash routes: `#/<page>?<query>`. The query holds UI state worth sharing or
 * restoring (filters, selection), so a reload or a pasted link lands on the
 * same view. Pure functions; the hook lives in use-hash-route.ts.
 */
export type Query = Readonly<Record<string, string>>;

export interface Route<Page extends string = string> {
  page: Page;
  query: Query;
}

/** The pages a hash may name (the page registry's ids), and the one an unknown or empty hash shows. */
export interface PageSet {
  ids: readonly string[];
  fallback: string;
}

export function parseHash(hash: string, pages: PageSet): Route {
  const body = hash.replace(/^#/, '').replace(/^\/+/, '');
  const queryStart = body.indexOf('?');
  const path = queryStart === -1 ? body : body.slice(0, queryStart);
  const search = queryStart === -1 ? '' : body.slice(queryStart + 1);
  const page = decodeURIComponent(path.split('/')[0] ?? '');
  const query: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(search)) if (value !== '') query[key] = value;
  return { page: pages.ids.includes(page) ? page : pages.fallback, query };
}

export function formatHash(route: Route): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(route.query).sort()) {
    const value = route.query[key];
    if (value !== undefined && value !== '') params.set(key, value);
  }
  const search = params.toString();
  return `#/${route.page}${search ? `?${search}` : ''}`;
}

/** Merges a patch into a query; `undefined` or '' removes a key. */
export function patchQuery(query: Query, patch: Readonly<Record<string, string | undefined>>): Query {
  const next: Record<string, string> = { ...query };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || value === '') delete next[key];
    else next[key] = value;
  }
  return next;
}
