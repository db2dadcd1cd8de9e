/**
 * The war room's place in the URL, so a reload, a bookmark on the room's
 * screen or a link in the incident channel opens the same board: which agents
 * (`show=failing|all|agents` with `agents=`), how often it refreshes
 * (`every=`), and whether the incident panel is hidden (`panel=off`, for a
 * board that should fill the wall).
 */
import type { BoardSelection } from '../../../../shared/warroom';
import type { Query } from '../../routing/hash-route';

export const REFRESH_OPTIONS = [5, 10, 30, 60] as const;
export const DEFAULT_REFRESH = 5;
const RUNTIME_KEY = /^[^|]+\|[a-z0-9-]+\|runtime\|[^|]+$/;
const MAX_AGENTS = 100;

export interface WarRoomView {
  selection: BoardSelection;
  refreshSeconds: number;
  panel: boolean;
}

/** Agent keys contain `|` but never `,`: a comma-separated list reads back exactly. */
function parseAgents(value: string | undefined): string[] {
  const keys = (value ?? '').split(',').filter((k) => k.length <= 400 && RUNTIME_KEY.test(k));
  return [...new Set(keys)].slice(0, MAX_AGENTS);
}

export function parseWarRoomQuery(query: Query): WarRoomView {
  const agents = parseAgents(query.agents);
  let selection: BoardSelection;
  if (query.show === 'all') selection = { kind: 'all' };
  else if (query.show === 'agents' && agents.length > 0) selection = { kind: 'agents', agentKeys: agents };
  else selection = { kind: 'failing' };
  const every = Number(query.every);
  return {
    selection,
    refreshSeconds: (REFRESH_OPTIONS as readonly number[]).includes(every) ? every : DEFAULT_REFRESH,
    panel: query.panel !== 'off',
  };
}

/** The query of a war-room view, defaults left out. */
export function warRoomQuery(view: Partial<WarRoomView>): Record<string, string> {
  const q: Record<string, string> = {};
  if (view.selection?.kind === 'all') q.show = 'all';
  else if (view.selection?.kind === 'agents') {
    q.show = 'agents';
    q.agents = view.selection.agentKeys.join(',');
  }
  if (view.refreshSeconds && view.refreshSeconds !== DEFAULT_REFRESH) q.every = String(view.refreshSeconds);
  if (view.panel === false) q.panel = 'off';
  return q;
}
