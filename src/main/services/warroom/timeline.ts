/**
 * `warroom.timeline`: one chronological feed across an incident's agents —
 * status changes the poller recorded, SLO breaches starting and ending,
 * error bursts in their logs (one error-line read per agent over the
 * incident, reused for 30 s), failed chat invocations, failed load tests,
 * the incident's start and end, and the notes. Newest last. A source that
 * cannot be read is a notice; the others still show.
 */
import type { FleetResource } from '../../../shared/fleet';
import { healthOf } from '../../../shared/health';
import type { Incident, Timeline, TimelineEvent } from '../../../shared/warroom';
import { lastKnownName, statusChanges, DELETED_STATUS } from '../fleet/status-history';
import { burstTitle, errorBursts } from './error-bursts';
import { mergeReadNotices, type ErrorLineRead } from './error-lines';
import { deletedIdentity } from './selection';
import { duration, percent } from './tile-health';
import type { WarRoomDeps } from './warroom-deps';
import type { WarRoomStore } from './warroom-store';

const NO_INCIDENT_LOOKBACK_MS = 3_600_000;
const LOG_READ_REUSE_MS = 30_000;
const DETAIL_CHARS = 500;

type Notice = Timeline['notices'][number];
export type TimelineDeps = Pick<WarRoomDeps, 'db' | 'fleet' | 'slo' | 'chat' | 'errorLines' | 'logLimiter' | 'loadActivity' | 'clock'>;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
const cut = (s: string) => (s.length > DETAIL_CHARS ? `${s.slice(0, DETAIL_CHARS)}…` : s);

export class TimelineBuilder {
  private readonly logReads = new Map<string, { at: number; read: Promise<ErrorLineRead> }>();

  constructor(
    private readonly deps: TimelineDeps,
    private readonly store: WarRoomStore,
  ) {}

  /** The agents an incident is about: named ones, every runtime, or those that were failing during it. */
  agentsOf(incident: Incident | null, from: number, to: number): string[] {
    const runtimes = this.deps.fleet.snapshot().resources.filter((r) => r.kind === 'runtime');
    const selection = incident?.selection ?? { kind: 'all' as const };
    if (selection.kind === 'agents') return [...new Set(selection.agentKeys)];
    const keys = new Set(runtimes.map((r) => r.key));
    if (selection.kind === 'all') return [...keys];
    const failing = new Set<string>();
    for (const t of [...(incident?.startTiles ?? []), ...(incident ? (this.store.endTiles(incident.id) ?? []) : [])]) failing.add(t.agentKey);
    for (const r of runtimes) if (healthOf(r.status) === 'failed') failing.add(r.key);
    for (const b of this.deps.slo.list({ since: from })) if (b.startedAt < to && keys.has(b.agentKey)) failing.add(b.agentKey);
    return [...failing];
  }

  async build(incident: Incident | null, since: number | undefined): Promise<Timeline> {
    const now = this.deps.clock();
    const from = incident?.startedAt ?? since ?? now - NO_INCIDENT_LOOKBACK_MS;
    const to = incident?.endedAt ?? now;
    const keys = this.agentsOf(incident, from, to);
    const resources = keys.flatMap((k) => this.deps.fleet.find(k) ?? []);
    const nameOf = (key: string) => this.deps.fleet.find(key)?.name ?? deletedIdentity(key, lastKnownName(this.deps.db, key)).name;
    const notices: Notice[] = [];
    const events: TimelineEvent[] = [];
    const about = (key: string) => ({ agentKey: key, agentName: nameOf(key) });

    if (incident) {
      events.push({
        id: `incident:${incident.id}:start`,
        at: incident.startedAt,
        source: 'incident',
        severity: 'info',
        title: `Incident started: ${incident.title}`,
      });
      if (incident.endedAt !== null)
        events.push({
          id: `incident:${incident.id}:end`,
          at: incident.endedAt,
          source: 'incident',
          severity: 'info',
          title: `Incident ended: ${incident.title}`,
        });
      for (const n of this.store.notes(incident.id))
        events.push({ id: `note:${n.id}`, at: n.at, source: 'note', severity: 'info', title: `Note from ${n.author}`, detail: n.text, noteId: n.id });
    }
    for (const c of statusChanges(this.deps.db, keys, from, to + 1)) {
      const bad = c.to === DELETED_STATUS || healthOf(c.to) === 'failed';
      events.push({
        id: `status:${c.id}`,
        at: c.at,
        source: 'status',
        severity: bad ? 'error' : healthOf(c.to) === 'ok' ? 'info' : 'warning',
        ...about(c.resourceKey),
        title: `${nameOf(c.resourceKey)}: ${c.from ?? 'new'} → ${c.to}`,
        ...(c.reason ? { detail: cut(c.reason) } : {}),
      });
    }
    const wanted = new Set(keys);
    for (const b of this.deps.slo.list({ since: from })) {
      if (!wanted.has(b.agentKey) || b.startedAt >= to) continue;
      const what = b.kind === 'errorRate' ? `error rate above ${percent(b.threshold)}` : `p99 above ${duration(b.threshold)}`;
      const worst = b.kind === 'errorRate' ? percent(b.worst) : duration(b.worst);
      const id = `slo:${b.agentKey}:${b.kind}:${b.startedAt}`;
      events.push({
        id: `${id}:start`,
        at: b.startedAt,
        source: 'slo',
        severity: 'error',
        ...about(b.agentKey),
        title: `${nameOf(b.agentKey)}: SLO breach started — ${what}`,
        detail: `Worst ${worst}`,
      });
      if (b.endedAt !== undefined && b.endedAt <= to)
        events.push({
          id: `${id}:end`,
          at: b.endedAt,
          source: 'slo',
          severity: 'info',
          ...about(b.agentKey),
          title: `${nameOf(b.agentKey)}: SLO breach over — ${what}`,
          detail: `Lasted ${Math.round((b.endedAt - b.startedAt) / 60_000)} min, worst ${worst}`,
        });
    }
    try {
      for (const f of this.deps.chat.failedInvocations(keys, from, to + 1))
        events.push({
          id: `chat:${f.messageId}`,
          at: f.at,
          source: 'chat',
          severity: 'error',
          ...about(f.agentKey),
          title: `${nameOf(f.agentKey)}: chat invocation failed (${f.code})`,
          ...(f.message ? { detail: cut(f.message) } : {}),
        });
    } catch (error) {
      notices.push({ code: 'chat_error', message: `Failed chat invocations could not be read: ${message(error)}` });
    }
    if (this.deps.loadActivity)
      try {
        for (const run of await this.deps.loadActivity.failedRuns(from, to + 1))
          if (wanted.has(run.agentKey))
            events.push({
              id: `loadtest:${run.runId}`,
              at: run.at,
              source: 'loadtest',
              severity: 'error',
              ...about(run.agentKey),
              title: `${nameOf(run.agentKey)}: load test failed — ${run.title}`,
              ...(run.detail ? { detail: cut(run.detail) } : {}),
            });
      } catch (error) {
        notices.push({ code: 'loadtest_error', message: `Failed load tests could not be read: ${message(error)}` });
      }
    if (incident) events.push(...(await this.bursts(resources, from, to, incident.endedAt === null, notices)));
    else notices.push({ code: 'no_incident', message: 'No incident is open: error bursts from logs are read for an incident’s agents once one starts.' });

    const shown = since === undefined ? events : events.filter((e) => e.at >= since);
    shown.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
    return { incident, events: shown, notices };
  }

  private async bursts(resources: FleetResource[], from: number, to: number, open: boolean, notices: Notice[]): Promise<TimelineEvent[]> {
    const now = this.deps.clock();
    for (const [k, v] of this.logReads) if (now - v.at >= LOG_READ_REUSE_MS) this.logReads.delete(k);
    const reads = await Promise.all(
      resources.map(async (r) => {
        const key = `${r.key}|${from}|${open ? 'open' : to}`;
        let entry = this.logReads.get(key);
        if (!entry) {
          entry = { at: now, read: this.deps.logLimiter.run(() => this.deps.errorLines(r, { startTime: from, endTime: Math.max(from, to) })) };
          this.logReads.set(key, entry);
          entry.read.catch(() => this.logReads.delete(key));
        }
        return {
          r,
          read: await entry.read.catch((error: unknown): ErrorLineRead => ({
            lines: [],
            notices: [{ code: 'logs_error', subject: r.name, message: message(error) }],
          })),
        };
      }),
    );
    notices.push(...mergeReadNotices(reads.flatMap((x) => x.read.notices)));
    return reads.flatMap(({ r, read }) =>
      errorBursts(read.lines).map((b) => ({
        id: `logs:${r.key}:${b.start}`,
        at: b.at,
        source: 'logs' as const,
        severity: 'error' as const,
        agentKey: r.key,
        agentName: r.name,
        title: `${r.name}: ${burstTitle(b)}`,
        detail: cut(b.firstMessage),
      })),
    );
  }
}
