/**
 * The war room: a big-screen board of chosen agents' health, refreshed live
 * over a stream, and an incident — a title, a start time, the board's figures
 * then, and a chronological timeline across the chosen agents (status
 * changes, SLO breaches, error bursts in logs, failed chat and load-test
 * invocations, and the notes people type), exported as a Markdown report.
 */
import { z } from 'zod';
import { agentKeySchema } from './chat';
import { command, query, stream } from './contract-kit';

/** Which agents a board shows: named ones, every failing one (re-evaluated each refresh), or a saved set. */
export const boardSelectionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('agents'), agentKeys: z.array(agentKeySchema).min(1).max(100) }).strict(),
  z.object({ kind: z.literal('failing') }).strict(),
  z.object({ kind: z.literal('all') }).strict(),
]);
export type BoardSelection = z.infer<typeof boardSelectionSchema>;

export const NOTE_MAX_CHARS = 2000;
const setName = z.string().trim().min(1, 'Name the set').max(80, 'Set names are at most 80 characters');
const epochMs = z.number().int().min(0).max(8_640_000_000_000_000);

export const warroomInputs = {
  board: z.object({ selection: boardSelectionSchema, refreshSeconds: z.number().int().min(5).max(300).default(5) }).strict(),
  sets: z.object({}).strict(),
  saveSet: z.object({ name: setName, agentKeys: z.array(agentKeySchema).min(1).max(100) }).strict(),
  deleteSet: z.object({ name: setName }).strict(),
  incident: z.object({}).strict(),
  startIncident: z.object({ title: z.string().trim().min(1, 'Give the incident a title').max(200), selection: boardSelectionSchema }).strict(),
  endIncident: z.object({}).strict(),
  timeline: z.object({ incidentId: z.number().int().min(1).optional(), since: epochMs.optional() }).strict(),
  addNote: z
    .object({
      text: z.string().trim().min(1, 'A note needs some text').max(NOTE_MAX_CHARS, `Notes are at most ${NOTE_MAX_CHARS} characters`),
      author: z.string().trim().min(1).max(80).optional(),
    })
    .strict(),
  deleteNote: z.object({ id: z.number().int().min(1) }).strict(),
  report: z.object({ incidentId: z.number().int().min(1).optional() }).strict(),
};

/** One agent's tile. Null figures mean "no data" (not zero), said in the tile. */
export interface BoardTile {
  agentKey: string;
  name: string;
  profile: string;
  region: string;
  /** The poller's status, e.g. READY, UPDATE_FAILED; `DELETED` once the agent left the fleet while on the board. */
  status: string;
  /** ok: healthy; warn: SLO breached or errors; failing: failed status or open breach with errors; unknown: no data. */
  health: 'ok' | 'warn' | 'failing' | 'unknown';
  /** Why health is what it is, in words for the room: "Error rate 12.5 % > SLO 5 %". */
  reasons: string[];
  invocationsPerMin: number | null;
  errorRatePct: number | null;
  p99Ms: number | null;
  /** p99 per minute over the board's window, oldest first (null: no invocations that minute). */
  p99Sparkline: Array<number | null>;
  throttles: number | null;
  /** Cold starts this console saw in its chats and load tests over the window. */
  coldStarts: number | null;
  slo: { errorRatePct: number; p99Ms: number };
  breach: { kind: 'errorRate' | 'p99'; since: number; worst: number; threshold: number } | null;
  lastError: { at: number; message: string } | null;
}

export interface BoardFrame {
  at: number;
  /** The window the figures cover, in minutes (the sparkline has one point per minute). */
  windowMinutes: number;
  /** Failing first, then warn, then by name. */
  tiles: BoardTile[];
  /** One (profile, region) could not be read, a log group is missing, …: shown above the tiles. */
  notices: Array<{ code: string; message: string }>;
  nextRefreshAt: number;
}

export interface AgentSet {
  name: string;
  agentKeys: string[];
  updatedAt: number;
}

export interface Incident {
  id: number;
  title: string;
  startedAt: number;
  endedAt: number | null;
  selection: BoardSelection;
  /** The tiles as they were when the incident started (the first frame after), for the report. */
  startTiles: BoardTile[] | null;
}

export interface IncidentNote {
  id: number;
  incidentId: number;
  at: number;
  author: string;
  text: string;
}

export type TimelineSource = 'status' | 'slo' | 'logs' | 'chat' | 'loadtest' | 'note' | 'incident';

export interface TimelineEvent {
  /** Stable across refreshes, for list keys. */
  id: string;
  at: number;
  source: TimelineSource;
  severity: 'info' | 'warning' | 'error';
  agentKey?: string;
  agentName?: string;
  title: string;
  detail?: string;
  /** A note's id, so it can be deleted from the timeline. */
  noteId?: number;
}

export interface Timeline {
  incident: Incident | null;
  events: TimelineEvent[];
  /** A source that could not be read (logs denied in one region…): the rest still shows. */
  notices: Array<{ code: string; message: string }>;
}

export interface IncidentReport {
  fileName: string;
  markdown: string;
}

export const warroomContract = {
  methods: {
    'warroom.sets': query<AgentSet[]>()(warroomInputs.sets),
    'warroom.saveSet': command<AgentSet>()(warroomInputs.saveSet),
    'warroom.deleteSet': command<{ deleted: boolean }>()(warroomInputs.deleteSet),
    'warroom.incident': query<Incident | null>()(warroomInputs.incident),
    'warroom.startIncident': command<Incident>()(warroomInputs.startIncident),
    'warroom.endIncident': command<Incident | null>()(warroomInputs.endIncident),
    'warroom.timeline': query<Timeline>()(warroomInputs.timeline),
    'warroom.addNote': command<IncidentNote>()(warroomInputs.addNote),
    'warroom.deleteNote': command<{ deleted: boolean }>()(warroomInputs.deleteNote),
    'warroom.report': query<IncidentReport>()(warroomInputs.report),
  },
  streams: {
    /** Each refresh replaces the last: a slow consumer only needs the newest frame. */
    'warroom.board': stream<BoardFrame>()({ input: warroomInputs.board, mutates: false, overflow: { kind: 'drop-oldest', capacity: 1 } }),
  },
} as const;
