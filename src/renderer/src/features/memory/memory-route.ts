/**
 * The memory browser's place in the URL: memory › actor › session › event and
 * memory › namespace › record, plus the open tab and the search. Every view
 * is a link the command palette, the fleet and the chat can open.
 */
import type { Query } from '../../routing/hash-route';

export const memoryTabs = ['short', 'long', 'jobs', 'audit'] as const;
export type MemoryTab = (typeof memoryTabs)[number];

export interface MemoryView {
  memory: string | null;
  tab: MemoryTab;
  actor: string | null;
  session: string | null;
  event: string | null;
  namespace: string | null;
  record: string | null;
  /** A chat session's runtime session id whose actor is not known yet (found on arrival). */
  findSession: string | null;
}

const isTab = (value: string | undefined): value is MemoryTab => (memoryTabs as readonly string[]).includes(value ?? '');

export function parseMemoryQuery(query: Query): MemoryView {
  const namespace = query.ns ?? null;
  return {
    memory: query.memory ?? null,
    // A namespace or record link opens the long-term tab even when the link does not say so.
    tab: isTab(query.tab) ? query.tab : namespace || query.record ? 'long' : 'short',
    actor: query.actor ?? null,
    session: query.actor ? (query.session ?? null) : null,
    event: query.actor && query.session ? (query.event ?? null) : null,
    namespace,
    record: query.record ?? null,
    findSession: query.actor ? null : (query.findSession ?? null),
  };
}

/** The query of a memory view; a parent change clears its children (a new actor has none of the old sessions). */
export function memoryQuery(view: Partial<MemoryView> & { memory: string }): Record<string, string> {
  const q: Record<string, string> = { memory: view.memory };
  if (view.tab && view.tab !== 'short') q.tab = view.tab;
  if (view.actor) q.actor = view.actor;
  if (view.actor && view.session) q.session = view.session;
  if (view.actor && view.session && view.event) q.event = view.event;
  if (view.namespace) q.ns = view.namespace;
  if (view.record) q.record = view.record;
  if (view.findSession && !view.actor) q.findSession = view.findSession;
  return q;
}
