/**
 * The logs page's place in the URL: which agent (and up to two more side by
 * side), which endpoint, live or history and over which range, the filter
 * pattern sent to CloudWatch, the client-side highlight and level filter, and
 * the runtime session and moment a jump from chat landed on. Every view is a
 * link the chat, the fleet and the command palette can open.
 */
import { logLevels, type LogLevel } from '../../../../shared/logs';
import type { Query } from '../../routing/hash-route';

export const MAX_PANES = 3;
export const DEFAULT_ENDPOINT = 'DEFAULT';

export const relativeRanges = { '5m': 5 * 60_000, '1h': 60 * 60_000, '24h': 24 * 60 * 60_000 } as const;
export type RelativeRange = keyof typeof relativeRanges;
export type HistoryRange = { kind: 'relative'; range: RelativeRange } | { kind: 'absolute'; from: number; to: number };
export type LogsMode = 'live' | 'history';

export interface PaneRef {
  agent: string;
  endpoint: string;
}

export interface LogsView {
  agent: string | null;
  endpoint: string;
  mode: LogsMode;
  range: HistoryRange;
  /** CloudWatch filter pattern, sent to AWS. */
  filter: string;
  /** Client-side: text, or `/regex/flags`. */
  highlight: string;
  /** Client-side level filter; null shows every level. */
  levels: readonly LogLevel[] | null;
  /** Hide lines the highlight does not match. */
  onlyMatching: boolean;
  /** A runtime session id whose lines are marked. */
  session: string | null;
  /** The moment a jump landed on (epoch ms): history opens scrolled there. */
  at: number | null;
  /** More agents side by side, at most MAX_PANES - 1. */
  also: readonly PaneRef[];
}

/** A jump with only `at` (an error's minute) opens this much either side of it. */
const AROUND_AT_MS = 5 * 60_000;
const ENDPOINT = /^[A-Za-z0-9_-]{1,100}$/;
/** A runtime's fleet key, as chat's agentKeySchema has it. */
const AGENT_KEY = /^[^|]+\|[a-z0-9-]+\|runtime\|[^|]+$/;

const epoch = (value: string | undefined): number | null => {
  if (value === undefined || !/^\d{1,16}$/.test(value)) return null;
  return Number(value);
};

const isRelative = (value: string | undefined): value is RelativeRange => value !== undefined && Object.hasOwn(relativeRanges, value);

export function parseLevels(value: string | undefined): readonly LogLevel[] | null {
  if (!value) return null;
  const wanted = new Set(value.split(','));
  const levels = logLevels.filter((level) => wanted.has(level));
  // None known, or all of them, is the same as no filter.
  return levels.length === 0 || levels.length === logLevels.length ? null : levels;
}

/** Pressing a level shows it, releasing hides it; all of them is no filter, and the last one shown cannot be released. */
export function toggleLevel(levels: readonly LogLevel[] | null, level: LogLevel, pressed: boolean): readonly LogLevel[] | null {
  const current = new Set(levels ?? logLevels);
  if (pressed) current.add(level);
  else current.delete(level);
  const next = logLevels.filter((l) => current.has(l));
  if (next.length === 0) return levels;
  return next.length === logLevels.length ? null : next;
}

/** `key` or `key@ENDPOINT`: a qualifier never holds `@` or `|`, and a runtime id ends the key. */
function parsePaneRef(value: string): PaneRef | null {
  const at = value.lastIndexOf('@');
  const hasEndpoint = at > value.lastIndexOf('|') && ENDPOINT.test(value.slice(at + 1));
  const agent = hasEndpoint ? value.slice(0, at) : value;
  return AGENT_KEY.test(agent) ? { agent, endpoint: hasEndpoint ? value.slice(at + 1) : DEFAULT_ENDPOINT } : null;
}

/** The extra panes; the same agent may appear twice (another endpoint, or history beside live). */
export function parseAlso(value: string | undefined): PaneRef[] {
  if (!value) return [];
  // A profile name may hold a comma: a piece that is no key yet joins the next one.
  const pieces: string[] = [];
  let pending = '';
  for (const piece of value.split(',')) {
    pending = pending ? `${pending},${piece}` : piece;
    if (parsePaneRef(pending)) {
      pieces.push(pending);
      pending = '';
    }
  }
  const refs: PaneRef[] = [];
  for (const piece of pieces) {
    const ref = parsePaneRef(piece);
    if (ref) refs.push(ref);
  }
  return refs.slice(0, MAX_PANES - 1);
}

const formatPaneRef = (ref: PaneRef): string => (ref.endpoint === DEFAULT_ENDPOINT ? ref.agent : `${ref.agent}@${ref.endpoint}`);

export function parseLogsQuery(query: Query): LogsView {
  const agent = query.agent && AGENT_KEY.test(query.agent) ? query.agent : null;
  const at = epoch(query.at);
  const from = epoch(query.from);
  const to = epoch(query.to);
  let range: HistoryRange;
  if (from !== null && to !== null && to >= from) range = { kind: 'absolute', from, to };
  else if (isRelative(query.range)) range = { kind: 'relative', range: query.range };
  else if (at !== null) range = { kind: 'absolute', from: Math.max(0, at - AROUND_AT_MS), to: at + AROUND_AT_MS };
  else range = { kind: 'relative', range: '1h' };
  const explicitMode = query.mode === 'live' || query.mode === 'history' ? query.mode : null;
  // A link that names a moment or a range wants history; a bare agent link wants the live tail.
  const mode: LogsMode = explicitMode ?? (at !== null || range.kind === 'absolute' || query.range ? 'history' : 'live');
  return {
    agent,
    endpoint: query.endpoint && ENDPOINT.test(query.endpoint) ? query.endpoint : DEFAULT_ENDPOINT,
    mode,
    range,
    filter: query.filter ?? '',
    highlight: query.highlight ?? '',
    levels: parseLevels(query.levels),
    onlyMatching: query.only === '1',
    session: query.session ?? null,
    at,
    also: parseAlso(query.also),
  };
}

/** The query of a logs view, defaults left out; relative ranges stay relative so a shared link means "the last hour" when opened. */
export function logsQuery(view: Partial<LogsView> & { agent: string }): Record<string, string> {
  const q: Record<string, string> = { agent: view.agent };
  if (view.endpoint && view.endpoint !== DEFAULT_ENDPOINT) q.endpoint = view.endpoint;
  if (view.mode) q.mode = view.mode;
  if (view.mode === 'history' && view.range) {
    if (view.range.kind === 'absolute') {
      q.from = String(view.range.from);
      q.to = String(view.range.to);
    } else q.range = view.range.range;
  }
  if (view.filter) q.filter = view.filter;
  if (view.highlight) q.highlight = view.highlight;
  if (view.levels) q.levels = view.levels.join(',');
  if (view.onlyMatching) q.only = '1';
  if (view.session) q.session = view.session;
  if (view.at !== undefined && view.at !== null) q.at = String(view.at);
  if (view.also && view.also.length > 0)
    q.also = view.also
      .slice(0, MAX_PANES - 1)
      .map(formatPaneRef)
      .join(',');
  return q;
}

/** Before a moment, the window starts this early (clock skew, the request's first lines). */
const BEFORE_MS = 30_000;
/** After the reply ended, the window runs this long (late flushes, OTEL exports). */
const AFTER_MS = 60_000;

/**
 * The history window around one invocation, with its session marked: what
 * chat's "Logs" action and an error's "Open logs at this time" both open.
 */
export function logsAround(target: { agent: string; endpoint?: string; session?: string; at: number; durationMs?: number }): Record<string, string> {
  const from = Math.max(0, target.at - BEFORE_MS);
  const to = target.at + Math.max(0, target.durationMs ?? 0) + AFTER_MS;
  return logsQuery({
    agent: target.agent,
    endpoint: target.endpoint ?? DEFAULT_ENDPOINT,
    mode: 'history',
    range: { kind: 'absolute', from, to },
    at: target.at,
    ...(target.session ? { session: target.session } : {}),
  });
}

/** The absolute bounds of a range, relative ones ending at `now`. */
export function resolveRange(range: HistoryRange, now: number): { startTime: number; endTime: number } {
  if (range.kind === 'absolute') return { startTime: range.from, endTime: range.to };
  return { startTime: Math.max(0, now - relativeRanges[range.range]), endTime: now };
}
