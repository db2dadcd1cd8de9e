/**
 * Runtime sessions seen live in the last N minutes. AWS has no
 * ListRuntimeSessions, so the console pieces them together: one stats query
 * over `aws/spans` per (profile, region) of the fleet, and its own chat
 * sessions, merged by runtime session id, longest-lived first — a session
 * that has been busy for an hour is the runaway an SRE is looking for.
 */
import type { ChatSession } from '../../../shared/chat';
import type { FleetResource } from '../../../shared/fleet';
import type { LiveSession, LiveSessions, TraceNotice } from '../../../shared/traces';
import type { LogTargets } from '../logs/log-target';
import { NoSpansGroupError, type SpanReads } from './span-reads';
import { insightsTime } from './token-usage';

const QUERY =
  'filter ispresent(attributes.session.id) and not ispresent(parentSpanId)' +
  ' | stats count(*) as invocations, min(@timestamp) as firstSeen, max(@timestamp) as lastSeen by attributes.session.id, resource.attributes.cloud.resource_id' +
  ' | sort lastSeen desc | limit 1000';

export interface LiveSessionSources {
  reads: SpanReads;
  targets: LogTargets;
  runtimes: () => FleetResource[];
  chatSessions: () => ChatSession[];
  now: () => number;
}

/** A span's resource id is the runtime's ARN, sometimes with an endpoint suffix. */
function runtimeFor(resourceId: string, runtimes: readonly FleetResource[]): FleetResource | undefined {
  return runtimes.find((r) => resourceId === r.arn || resourceId.startsWith(`${r.arn}/`) || resourceId.includes(`runtime/${r.id}`));
}

export async function liveSessions(src: LiveSessionSources, minutes: number): Promise<LiveSessions> {
  const now = src.now();
  const since = now - minutes * 60_000;
  const runtimes = src.runtimes().filter((r) => r.kind === 'runtime');
  const cells = new Map<string, FleetResource>();
  for (const r of runtimes) if (!cells.has(`${r.profile}|${r.region}`)) cells.set(`${r.profile}|${r.region}`, r);
  const notices: TraceNotice[] = [];
  const sessions = new Map<string, LiveSession>();

  await Promise.all(
    [...cells.values()].map(async (first) => {
      const target = src.targets(first.key);
      try {
        const rows = await src.reads.query(target.client, first.region, { startMs: since, endMs: target.now() + 60_000 }, QUERY);
        for (const row of rows) {
          const id = row['attributes.session.id'];
          if (!id) continue;
          const runtime = runtimeFor(row['resource.attributes.cloud.resource_id'] ?? '', runtimes);
          sessions.set(id, {
            runtimeSessionId: id,
            ...(runtime ? { agentKey: runtime.key, agentName: runtime.name } : {}),
            firstSeen: insightsTime(row.firstSeen),
            lastSeen: insightsTime(row.lastSeen),
            invocations: Number(row.invocations) || 0,
            seenIn: ['spans'],
          });
        }
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        // One region without Transaction Search (or denied) must not hide the sessions of the others.
        notices.push({
          code: error instanceof NoSpansGroupError ? 'no_transaction_search' : 'insights_refused',
          message: `${first.profile} · ${first.region}: ${message}`,
        });
      }
    }),
  );

  for (const chat of src.chatSessions()) {
    if (chat.ended || chat.lastActivityAt < since) continue;
    const seen = sessions.get(chat.runtimeSessionId);
    if (seen) {
      seen.seenIn = ['spans', 'console'];
      seen.chatSessionId = chat.id;
      seen.firstSeen = Math.min(seen.firstSeen, chat.createdAt);
      seen.lastSeen = Math.max(seen.lastSeen, chat.lastActivityAt);
    } else
      sessions.set(chat.runtimeSessionId, {
        runtimeSessionId: chat.runtimeSessionId,
        agentKey: chat.agentKey,
        agentName: chat.agentName,
        firstSeen: chat.createdAt,
        lastSeen: chat.lastActivityAt,
        seenIn: ['console'],
        chatSessionId: chat.id,
      });
  }
  const list = [...sessions.values()].sort((a, b) => b.lastSeen - b.firstSeen - (a.lastSeen - a.firstSeen) || b.lastSeen - a.lastSeen);
  return { sessions: list, minutes, notices };
}
