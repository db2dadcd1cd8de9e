/** Session list ordering and labels. */
import type { ChatSession } from '../../../../shared/chat';
import { formatRelative } from '../../lib/relative-time';

/** Pinned first, then most recent activity first; ties by title so the order is stable. */
export function sortSessions(sessions: readonly ChatSession[]): ChatSession[] {
  return [...sessions].sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.lastActivityAt - a.lastActivityAt || a.title.localeCompare(b.title));
}

export function sessionMeta(session: ChatSession, now: number): string {
  const count = `${session.messageCount} message${session.messageCount === 1 ? '' : 's'}`;
  return `${formatRelative(session.lastActivityAt, now)} · ${count}${session.qualifier !== 'DEFAULT' ? ` · ${session.qualifier}` : ''}`;
}

/** Replaces (or adds) one session in a list, keeping the rest as they are. */
export function upsertSession(sessions: readonly ChatSession[], session: ChatSession): ChatSession[] {
  const index = sessions.findIndex((s) => s.id === session.id);
  if (index === -1) return [session, ...sessions];
  const next = [...sessions];
  next[index] = session;
  return next;
}

/** A session id split for display: the part people compare (the tail) is kept visible. */
export function describeRuntimeSessionId(id: string): { length: number; valid: boolean; head: string; tail: string } {
  return { length: id.length, valid: id.length >= 33 && id.length <= 256, head: id.slice(0, Math.max(0, id.length - 8)), tail: id.slice(-8) };
}
