/**
 * The war room as a feature module: the live board (a read-only stream),
 * saved agent sets, the incident with its notes, its timeline and its
 * Markdown report. It reads CloudWatch through the metrics feature's batched
 * fetch and SLO store, logs through the logs feature's history reads, and
 * the chats and fleet status history from SQLite.
 */
import { ApiError } from '../../../shared/errors';
import type { FeatureModule } from '../../app/feature-module';
import type { ClientFactory } from '../aws/clients';
import { DEFAULT_BACKOFF, type Backoff } from '../aws/throttle-retry';
import type { FleetService } from '../fleet/fleet-service';
import type { Logger } from '../log/logger';
import { FullLines } from '../logs/full-lines';
import { LogReads } from '../logs/log-reads';
import { logTargets } from '../logs/log-target';
import { metricTargets } from '../metrics/metric-target';
import { SloStore } from '../metrics/slo-store';
import type { Db } from '../store/database';
import { Limiter } from '../util/limiter';
import { computeBoard } from './board';
import { openBoardStream, SharedBoards } from './board-stream';
import { ChatActivity } from './chat-activity';
import { errorLineReader } from './error-lines';
import { Incidents } from './incidents';
import { LastErrors } from './last-errors';
import { renderReport } from './report';
import { TimelineBuilder } from './timeline';
import type { LoadActivity, WarRoomDeps } from './warroom-deps';
import { WarRoomStore } from './warroom-store';

export interface WarRoomModuleDeps {
  db: Db;
  clients: Pick<ClientFactory, 'metricsClient' | 'logsClient'>;
  fleet: Pick<FleetService, 'find' | 'snapshot'>;
  logger: Logger;
  /** The load-test module's activity; absent, load tests add nothing. */
  loadActivity: LoadActivity | undefined;
  backoff?: Backoff;
  clock?: () => number;
  /** Log reads in flight at once across boards and timelines (default 4). */
  logConcurrency?: number;
  /** How long a board frame waits for due last-error reads (default 2 s). */
  logWaitMs?: number;
  /** Boards of one selection refreshing within this share one computation (default 4 s). */
  shareMs?: number;
}

export type WarRoomModule = FeatureModule<
  | 'warroom.sets'
  | 'warroom.saveSet'
  | 'warroom.deleteSet'
  | 'warroom.incident'
  | 'warroom.startIncident'
  | 'warroom.endIncident'
  | 'warroom.timeline'
  | 'warroom.addNote'
  | 'warroom.deleteNote'
  | 'warroom.report',
  'warroom.board'
>;

/** Log lines the war room reads are glanced at, not opened: a small budget for full texts. */
const FULL_LINES_CHARS = 1024 * 1024;

export function buildWarRoomDeps(deps: WarRoomModuleDeps): WarRoomDeps {
  const clock = deps.clock ?? Date.now;
  const backoff = deps.backoff ?? DEFAULT_BACKOFF;
  const logLimiter = new Limiter(deps.logConcurrency ?? 4);
  const errorLines = errorLineReader(new LogReads(logTargets(deps.fleet, deps.clients, clock), new FullLines(FULL_LINES_CHARS), backoff));
  return {
    db: deps.db,
    fleet: deps.fleet,
    targets: metricTargets(deps.fleet, deps.clients, clock),
    slo: new SloStore(deps.db),
    backoff,
    chat: new ChatActivity(deps.db),
    errorLines,
    lastErrors: new LastErrors(errorLines, logLimiter, clock),
    logLimiter,
    ...(deps.loadActivity ? { loadActivity: deps.loadActivity } : {}),
    clock,
    logWaitMs: deps.logWaitMs ?? 2000,
  };
}

export function createWarRoomModule(moduleDeps: WarRoomModuleDeps): WarRoomModule {
  const deps = buildWarRoomDeps(moduleDeps);
  const logger = moduleDeps.logger.child({ service: 'warroom' });
  const store = new WarRoomStore(deps.db);
  const compute = (selection: Parameters<typeof computeBoard>[1]) => computeBoard(deps, selection);
  const boards = new SharedBoards(compute, deps.clock, moduleDeps.shareMs);
  const incidents = new Incidents(store, compute, deps.clock, logger);
  const timeline = new TimelineBuilder(deps, store);

  const checkSetKeys = (agentKeys: string[]) => {
    const snapshot = deps.fleet.snapshot();
    const polled = new Set(snapshot.cells.filter((c) => c.state === 'ok').map((c) => `${c.profile}|${c.region}`));
    const unknown = agentKeys.filter((k) => !deps.fleet.find(k) && polled.has(k.split('|').slice(0, 2).join('|')));
    if (unknown.length > 0)
      throw new ApiError('invalid_input', `Not in the fleet: ${unknown.join(', ')}. They may have been deleted; refresh the fleet and pick again.`, {
        field: 'agentKeys',
      });
  };

  return {
    methods: {
      'warroom.sets': async () => store.sets(),
      'warroom.saveSet': async ({ name, agentKeys }) => {
        checkSetKeys(agentKeys);
        return store.saveSet(name, agentKeys, deps.clock());
      },
      'warroom.deleteSet': async ({ name }) => ({ deleted: store.deleteSet(name) }),
      'warroom.incident': async () => incidents.open(),
      'warroom.startIncident': async ({ title, selection }) => incidents.start(title, selection),
      'warroom.endIncident': async () => incidents.end(),
      'warroom.timeline': async ({ incidentId, since }) => timeline.build(incidentId === undefined ? incidents.open() : incidents.byId(incidentId), since),
      'warroom.addNote': async ({ text, author }) => incidents.addNote(text, author),
      'warroom.deleteNote': async ({ id }) => ({ deleted: store.deleteNote(id) }),
      'warroom.report': async ({ incidentId }) => {
        const incident = incidents.byId(incidentId);
        const open = incident.endedAt === null;
        const [startTiles, kept, feed] = await Promise.all([
          incidents.startTiles(incident.id),
          open ? Promise.resolve(null) : incidents.endTiles(incident.id),
          timeline.build(incident, undefined),
        ]);
        const endTiles = kept ?? (await compute(incident.selection)).frame.tiles;
        const to = incident.endedAt ?? deps.clock();
        const agents = new Set(timeline.agentsOf(incident, incident.startedAt, to));
        return renderReport({
          incident: { ...incident, startTiles },
          startTiles,
          endTiles,
          endLabel: open ? 'Now (still open)' : kept ? 'At end' : 'Now (the end was not captured)',
          breaches: deps.slo
            .list({ since: incident.startedAt })
            .filter((b) => agents.has(b.agentKey) && b.startedAt < to)
            .reverse(),
          events: feed.events,
          notes: store.notes(incident.id),
          generatedAt: deps.clock(),
        });
      },
    },
    streams: {
      'warroom.board': (input, sink) => openBoardStream({ boards, onFrame: (s, f) => incidents.onFrame(s, f), logger, clock: deps.clock }, input, sink),
    },
    close: async () => {
      await incidents.idle();
      await deps.lastErrors.idle();
    },
  };
}
