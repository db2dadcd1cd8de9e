/**
 * How log lines read: times to the millisecond in local time or UTC (built
 * by hand: a 100-row frame must not build Intl formatters), the short form
 * of a stream name, and the plain-text export of the lines on screen.
 */
import type { LogLevel, LogLine } from '../../../../shared/logs';
import type { LogEntry } from './log-entry';

export type TimeZoneMode = 'local' | 'utc';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function parts(ms: number, zone: TimeZoneMode) {
  const d = new Date(ms);
  return zone === 'utc'
    ? {
        y: d.getUTCFullYear(),
        mo: d.getUTCMonth() + 1,
        d: d.getUTCDate(),
        h: d.getUTCHours(),
        mi: d.getUTCMinutes(),
        s: d.getUTCSeconds(),
        ms: d.getUTCMilliseconds(),
      }
    : { y: d.getFullYear(), mo: d.getMonth() + 1, d: d.getDate(), h: d.getHours(), mi: d.getMinutes(), s: d.getSeconds(), ms: d.getMilliseconds() };
}

/** `12:04:05.123`, or `2026-11-28 12:04:05.123` when the list spans more than today. */
export function formatLogTime(ms: number, zone: TimeZoneMode, withDate: boolean): string {
  const p = parts(ms, zone);
  const time = `${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}.${pad(p.ms, 3)}`;
  return withDate ? `${p.y}-${pad(p.mo)}-${pad(p.d)} ${time}` : time;
}

/** The calendar day of a moment in the chosen zone, to tell whether a list needs dates. */
export function dayOf(ms: number, zone: TimeZoneMode): string {
  const p = parts(ms, zone);
  return `${p.y}-${p.mo}-${p.d}`;
}

/** Whether any line of `entries` falls on another day than `now` (only the first and last need looking at: lines are in time order). */
export function needsDates(entries: readonly LogEntry[], zone: TimeZoneMode, now: number): boolean {
  const today = dayOf(now, zone);
  const first = entries.find((e) => e.kind === 'line');
  const last = entries.findLast((e) => e.kind === 'line');
  return [first, last].some((e) => e?.kind === 'line' && dayOf(e.line.timestamp, zone) !== today);
}

/**
 * AgentCore's runtime streams are `2026/11/28/[runtime-logs]<instance uuid>`:
 * the instance is what tells two streams apart, and its first block is enough.
 */
export function shortStream(stream: string): string {
  const instance = /\[([^\]]+)\]([0-9a-f]{8})[0-9a-f-]*$/i.exec(stream);
  if (instance) return instance[2] as string;
  const last = stream.split('/').at(-1) ?? stream;
  return last.length > 16 ? `${last.slice(0, 15)}…` : last;
}

/** "1 line", "1,234 lines", or "12 of 1,234 lines shown" when the level filter or highlight hides some. */
export function countText(shown: number, total: number): string {
  if (shown === total) return `${total.toLocaleString()} ${total === 1 ? 'line' : 'lines'}`;
  return `${shown.toLocaleString()} of ${total.toLocaleString()} lines shown`;
}

export const levelLabel: Record<LogLevel, string> = { error: 'ERROR', warn: 'WARN', info: 'INFO', debug: 'DEBUG', other: '—' };

/** One line of the export: ISO time, level, stream, message (cut lines say so, with their real length). */
export function lineToText(line: LogLine): string {
  const level = line.level === 'other' ? '-' : levelLabel[line.level];
  const cut = line.fullLength !== undefined && line.fullLength > line.message.length ? ` [cut: ${line.message.length} of ${line.fullLength} characters]` : '';
  return `${new Date(line.timestamp).toISOString()} ${level} [${line.stream}] ${line.message}${cut}`;
}

/** The lines on screen as plain text; gap markers keep their place so a reader knows lines are missing there. */
export function entriesToText(entries: readonly LogEntry[]): string {
  return entries.map((e) => (e.kind === 'line' ? lineToText(e.line) : `# ${e.count} lines not delivered here`)).join('\n') + '\n';
}
