/**
 * The lines a busy agent writes under load (the `linesPerSecond` knob): the
 * same dialects as line-gen.ts (uvicorn access lines, Python logging lines,
 * JSON application records with `requestId` / `sessionId`), mostly INFO with
 * some DEBUG, WARN and ERROR, so a tail under load looks like production and
 * exercises the console's level and JSON handling. Drawn from one seeded
 * stream per group: cheap enough for 5,000 lines a second.
 */
import { Rng } from '../kit/rng';
import { asctime, iso, modelFor, SYSTEM_ERRORS, TOOLS } from './line-gen';
import type { LogGroup } from './events';

/** Per group: the requests in flight, so consecutive lines share a request id and session as a real agent's do. */
export interface LoadLineState {
  rng: Rng;
  sessions: string[];
  sessionId: string;
  requestId: string;
  /** Lines left in the current request. */
  left: number;
  model: string;
  serial: number;
}

export function newLoadState(seed: number, group: Pick<LogGroup, 'name' | 'runtime'>): LoadLineState {
  const rng = Rng.for(seed, 'load-lines', group.name);
  const sessions = Array.from({ length: 6 }, (_, i) => Rng.for(seed, 'load-session', group.name, i).uuid());
  return { rng, sessions, sessionId: sessions[0]!, requestId: rng.uuid(), left: 0, model: modelFor(seed, group.runtime?.id ?? group.name), serial: 0 };
}

/** Timestamp text for one tick's lines (formatting a date per line would dominate the cost). */
export interface Stamp {
  ms: number;
  iso: string;
  asctime: string;
}

export function stampFor(ms: number): Stamp {
  return { ms, iso: iso(ms), asctime: asctime(ms) };
}

const DEBUG_LINES = [
  'botocore.hooks - DEBUG - Event before-call.bedrock-runtime.ConverseStream: calling handler <function add_recursion_detection_header>',
  'urllib3.connectionpool - DEBUG - https://bedrock-runtime.us-east-1.amazonaws.com:443 "POST /model/converse-stream HTTP/1.1" 200 None',
  'strands.event_loop.event_loop - DEBUG - event_loop_cycle: streaming model response',
  'bedrock_agentcore.memory - DEBUG - list_events returned 12 events for the session',
];
const WARN_LINES = [
  'urllib3.connectionpool - WARNING - Retrying (Retry(total=2, connect=None, read=None, redirect=None, status=None)) after connection broken by ReadTimeoutError',
  'strands.agent - WARNING - Context window 91% full; truncating the oldest messages',
  'bedrock_agentcore.memory - WARNING - Memory extraction skipped: event payload over 100 KB',
];

function pickLevel(rng: Rng): 'INFO' | 'WARN' | 'ERROR' | 'DEBUG' {
  const r = rng.next();
  return r < 0.8 ? 'INFO' : r < 0.9 ? 'WARN' : r < 0.95 ? 'DEBUG' : 'ERROR';
}

function appRecord(s: LoadLineState, t: Stamp): string {
  const level = pickLevel(s.rng);
  const message =
    level === 'INFO'
      ? s.rng.pick(['Streaming response chunk', 'Tool call completed', 'Model response received', 'Memory event stored'])
      : level === 'WARN'
        ? 'Slow tool call'
        : level === 'DEBUG'
          ? 'Converse request prepared'
          : 'Tool call failed';
  const extra =
    level === 'ERROR' ? { errorType: s.rng.pick(SYSTEM_ERRORS).split(':')[0] } : level === 'WARN' ? { durationMs: s.rng.int(5000, 30000) } : { seq: s.serial };
  return JSON.stringify({
    timestamp: t.iso,
    level,
    message,
    logger: 'bedrock_agentcore.app',
    requestId: s.requestId,
    sessionId: s.sessionId,
    ...extra,
  });
}

export function loadLine(s: LoadLineState, t: Stamp): string {
  if (s.left <= 0) {
    s.requestId = s.rng.uuid();
    s.sessionId = s.rng.pick(s.sessions);
    s.left = s.rng.int(6, 16);
  }
  s.left--;
  s.serial++;
  const rng = s.rng;
  const r = rng.next();
  if (r < 0.22) return appRecord(s, t);
  if (r < 0.3) return `${t.asctime} - ${rng.pick(DEBUG_LINES)}`;
  if (r < 0.37) return `${t.asctime} - ${rng.pick(WARN_LINES)}`;
  if (r < 0.41) return `${t.asctime} - agent - ERROR - Tool call failed: ${rng.pick(SYSTEM_ERRORS)}`;
  const info = rng.int(0, 4);
  if (info === 0) return `INFO:     169.254.0.1:${rng.int(30000, 60000)} - "POST /invocations HTTP/1.1" 200 OK`;
  if (info === 1) return `INFO:     169.254.0.1:${rng.int(30000, 60000)} - "GET /ping HTTP/1.1" 200 OK`;
  if (info === 2) return `${t.asctime} - strands.tools - INFO - Tool #${rng.int(1, 4)}: ${rng.pick(TOOLS)}`;
  if (info === 3) return `${t.asctime} - agent - INFO - Processing prompt (${rng.int(20, 600)} chars) with model ${s.model}`;
  return `${t.asctime} - strands.event_loop - INFO - Streamed ${rng.int(20, 400)} output tokens (session ${s.sessionId})`;
}
