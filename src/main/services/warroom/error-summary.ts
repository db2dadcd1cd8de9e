/**
 * The one error line a tile shows, as a person would pick it. Agents often
 * log an error twice: a plain line with the cause ("Agent invocation failed:
 * ThrottlingException …") and a structured record a moment later whose body
 * says only "Agent invocation failed". So the newest plain line near the end
 * wins over a newer JSON record, and a JSON record alone is shown by its
 * message fields, not as a wall of braces.
 */
import type { LogLine } from '../../../shared/logs';

/** How far back from the newest error a plain line still counts as the same failure. */
const SAME_FAILURE_MS = 10_000;
const MESSAGE_FIELDS = ['message', 'msg', 'body', 'error', 'errorMessage', 'exception.message'] as const;
const DETAIL_FIELDS = ['errorType', 'exception.type', 'statusCode'] as const;

type Json = Record<string, unknown>;

function field(record: Json, name: string): unknown {
  if (name in record) return record[name];
  const attributes = record.attributes;
  return attributes && typeof attributes === 'object' ? (attributes as Json)[name] : undefined;
}

function textOf(value: unknown): string | null {
  if (typeof value === 'string' && value.trim()) return value.trim();
  if (value && typeof value === 'object' && typeof (value as Json).message === 'string') return textOf((value as Json).message);
  return null;
}

/** A JSON log record's message and its error type or status, e.g. "Invocation failed (ThrottlingException, 500)". */
export function summariseRecord(message: string): string {
  let record: unknown;
  try {
    record = JSON.parse(message);
  } catch {
    return message;
  }
  if (!record || typeof record !== 'object' || Array.isArray(record)) return message;
  const json = record as Json;
  const text = MESSAGE_FIELDS.map((f) => textOf(field(json, f))).find((t) => t !== null);
  if (!text) return message;
  const details = DETAIL_FIELDS.map((f) => field(json, f)).filter((v): v is string | number => typeof v === 'string' || typeof v === 'number');
  return details.length > 0 ? `${text} (${details.join(', ')})` : text;
}

/** A Python traceback says what failed on its last line ("KeyError: 'order_id'"), not its first. */
export function tracebackCause(message: string): string {
  if (!message.startsWith('Traceback')) return message;
  const last = message.trimEnd().split('\n').at(-1)?.trim();
  return last || message;
}

/** The line to show from an agent's error lines, oldest first; null when there are none. */
export function pickErrorLine(lines: readonly LogLine[]): { at: number; message: string } | null {
  const newest = lines.at(-1);
  if (!newest) return null;
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    const line = lines[i]!;
    if (newest.timestamp - line.timestamp > SAME_FAILURE_MS) break;
    if (!line.json) return { at: line.timestamp, message: tracebackCause(line.message) };
  }
  return { at: newest.timestamp, message: newest.json ? summariseRecord(newest.message) : newest.message };
}
