/** Filters over the events loaded so far (text, time range, branch), and the branches they show. */
import type { MemoryEvent } from '../../../../shared/memory';

export interface EventFilter {
  text: string;
  /** Epoch ms bounds, inclusive; null is open. */
  from: number | null;
  to: number | null;
  /** null: every branch; 'main': events on no named branch. */
  branch: string | null;
}

export const MAIN_BRANCH = 'main';

export function eventText(event: MemoryEvent): string {
  return event.parts.map((p) => (p.kind === 'turn' ? p.text : p.json)).join('\n');
}

export function filterEvents(events: readonly MemoryEvent[], filter: EventFilter): MemoryEvent[] {
  const needle = filter.text.trim().toLowerCase();
  return events.filter((e) => {
    if (filter.from !== null && e.at < filter.from) return false;
    if (filter.to !== null && e.at > filter.to) return false;
    if (filter.branch !== null && (e.branch?.name ?? MAIN_BRANCH) !== filter.branch) return false;
    if (!needle) return true;
    return eventText(e).toLowerCase().includes(needle) || Object.values(e.metadata).some((v) => v.toLowerCase().includes(needle));
  });
}

export interface BranchInfo {
  name: string;
  events: number;
  /** The event the branch forked from, when AgentCore says. */
  rootEventId?: string;
}

export function branchesOf(events: readonly MemoryEvent[]): BranchInfo[] {
  const byName = new Map<string, BranchInfo>();
  for (const e of events) {
    const name = e.branch?.name ?? MAIN_BRANCH;
    const info = byName.get(name) ?? { name, events: 0 };
    info.events++;
    if (e.branch?.rootEventId && !info.rootEventId) info.rootEventId = e.branch.rootEventId;
    byName.set(name, info);
  }
  return [...byName.values()].sort((a, b) => (a.name === MAIN_BRANCH ? -1 : b.name === MAIN_BRANCH ? 1 : a.name.localeCompare(b.name)));
}

/** Event ids other branches fork from: shown as branch points in the list. */
export function branchPoints(events: readonly MemoryEvent[]): Map<string, string[]> {
  const points = new Map<string, string[]>();
  for (const b of branchesOf(events)) if (b.rootEventId) points.set(b.rootEventId, [...(points.get(b.rootEventId) ?? []), b.name]);
  return points;
}
