/**
 * One CloudWatch event as the console shows it, parsed once in main: the
 * level (from a JSON record's `level` / `severityText`, Python logging's
 * `- ERROR -`, uvicorn's `INFO:`, a traceback), the session, request and
 * trace ids an AgentCore agent writes, and a text that is safe to draw:
 * terminal colour codes stripped, invalid UTF-16 (what Python's
 * surrogateescape makes of non-UTF-8 bytes) replaced, and very long messages
 * cut to a preview whose full text main keeps for `logs.line`.
 */
import { fnv1a32 } from '../../../shared/fnv';
import { LINE_PREVIEW_CHARS, type LogLevel, type LogLine } from '../../../shared/logs';

export interface RawLogEvent {
  timestamp?: number;
  ingestionTime?: number;
  logStreamName?: string;
  message?: string;
}

// CSI sequences (colours, cursor moves) and OSC sequences (titles, hyperlinks) as terminals and uvicorn write them.
// eslint-disable-next-line no-control-regex -- matching escape characters is the point
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g;
// Control characters other than tab and newline would draw as boxes or move the caret.
// eslint-disable-next-line no-control-regex -- as above
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

export function cleanMessage(message: string): string {
  return message.toWellFormed().replace(ANSI, '').replace(CONTROL, '\uFFFD');
}

const LEVEL_WORDS: ReadonlyArray<[RegExp, LogLevel]> = [
  [/^(error|err|fatal|critical|crit|alert|emerg|severe)$/i, 'error'],
  [/^(warn|warning)$/i, 'warn'],
  [/^(info|notice|information)$/i, 'info'],
  [/^(debug|trace|verbose|fine)$/i, 'debug'],
];

function levelWord(word: unknown): LogLevel | undefined {
  if (typeof word !== 'string') return undefined;
  for (const [pattern, level] of LEVEL_WORDS) if (pattern.test(word.trim())) return level;
  return undefined;
}

/** OTEL severityNumber: 1–4 TRACE, 5–8 DEBUG, 9–12 INFO, 13–16 WARN, 17+ ERROR/FATAL. */
function severityLevel(n: unknown): LogLevel | undefined {
  if (typeof n !== 'number' || n < 1) return undefined;
  return n >= 17 ? 'error' : n >= 13 ? 'warn' : n >= 9 ? 'info' : 'debug';
}

const TEXT_LEVEL = [
  /^(ERROR|WARNING|WARN|INFO|DEBUG|CRITICAL|FATAL|TRACE):/, // uvicorn, logging.basicConfig
  / - (ERROR|WARNING|WARN|INFO|DEBUG|CRITICAL|FATAL) - /, // Python logging's default format
  /\[(ERROR|WARNING|WARN|INFO|DEBUG|CRITICAL|FATAL|TRACE)\]/, // [INFO] style
  /\blevel=(error|warning|warn|info|debug|fatal|trace)\b/i, // logfmt
];

function textLevel(message: string): LogLevel {
  const head = message.slice(0, 300);
  for (const pattern of TEXT_LEVEL) {
    const level = levelWord(pattern.exec(head)?.[1]);
    if (level) return level;
  }
  if (head.startsWith('Traceback (most recent call last)') || /^\w+(\.\w+)*(Error|Exception): /.test(head)) return 'error';
  return 'other';
}

type Json = Record<string, unknown>;

function parseObject(message: string): Json | undefined {
  const trimmed = message.trim();
  if (!trimmed.startsWith('{') || !trimmed.endsWith('}')) return undefined;
  try {
    const value: unknown = JSON.parse(trimmed);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
  } catch {
    return undefined;
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 && v.length <= 256 ? v : undefined);

function jsonFacts(record: Json): Pick<LogLine, 'level' | 'sessionId' | 'requestId' | 'traceId'> {
  const attributes = (record.attributes && typeof record.attributes === 'object' ? record.attributes : {}) as Json;
  const level = levelWord(record.level) ?? levelWord(record.severityText) ?? severityLevel(record.severityNumber) ?? levelWord(record.levelname) ?? 'other';
  const sessionId = str(record.sessionId) ?? str(record.session_id) ?? str(attributes['session.id']);
  const requestId = str(record.requestId) ?? str(record.request_id) ?? str(attributes['aws.request_id']);
  const traceId = str(record.traceId) ?? str(record.trace_id);
  return { level, ...(sessionId ? { sessionId } : {}), ...(requestId ? { requestId } : {}), ...(traceId ? { traceId } : {}) };
}

// Plain-text lines that name a session the way agents print them: `sessionId=…`, `session_id: …`.
const TEXT_SESSION = /\bsession[_-]?id["']?\s*[=:]\s*["']?([A-Za-z0-9][A-Za-z0-9_.:-]{32,255})/i;

/**
 * The same key for one event whether live tail or FilterLogEvents delivered
 * it (live tail has no event id): time, stream and message, the last two as
 * hashes so a tail remembering 100,000 keys (and a view holding as many
 * lines) does not keep every stream name twice. Distinct streams of one
 * group differ in their instance uuid, so their hashes do too.
 */
export function lineKey(endpoint: string, stream: string, timestamp: number, message: string): string {
  return `${timestamp}.${fnv1a32(`${endpoint}|${stream}`).toString(36)}.${fnv1a32(message).toString(36)}.${message.length.toString(36)}`;
}

export function toLogLine(endpoint: string, event: RawLogEvent): { line: LogLine; full?: string } {
  const raw = event.message ?? '';
  const stream = event.logStreamName ?? '';
  const timestamp = event.timestamp ?? event.ingestionTime ?? 0;
  const text = cleanMessage(raw).replace(/\n+$/, '');
  // CloudWatch events are at most 1 MB; parsing one costs a few ms, and beyond that a line is shown as text.
  const record = text.length <= 1_100_000 ? parseObject(text) : undefined;
  const facts = record ? jsonFacts(record) : { level: textLevel(text) };
  if (!record) {
    const session = TEXT_SESSION.exec(text.slice(0, 2000))?.[1];
    if (session) Object.assign(facts, { sessionId: session });
  }
  const cut = text.length > LINE_PREVIEW_CHARS;
  const line: LogLine = {
    key: lineKey(endpoint, stream, timestamp, raw),
    timestamp,
    ...(event.ingestionTime !== undefined ? { ingestionTime: event.ingestionTime } : {}),
    endpoint,
    stream,
    message: cut ? text.slice(0, LINE_PREVIEW_CHARS) : text,
    ...(cut ? { fullLength: text.length } : {}),
    json: record !== undefined,
    ...facts,
  };
  return cut ? { line, full: text } : { line };
}
