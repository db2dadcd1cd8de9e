/**
 * Error bursts in an agent's logs: error lines bucketed per minute; a minute
 * with at least BURST_MIN_LINES is part of a burst, and consecutive such
 * minutes are one burst ("23 error lines in 3 min").
 */
import { MINUTE_MS } from './board-figures';

export const BURST_MIN_LINES = 5;

export interface ErrorBurst {
  /** The burst's first error line. */
  at: number;
  /** The start of its first minute. */
  start: number;
  /** Exclusive: the end of the burst's last minute. */
  end: number;
  lines: number;
  minutes: number;
  firstMessage: string;
}

export function errorBursts(lines: ReadonlyArray<{ timestamp: number; message: string }>, minLines = BURST_MIN_LINES): ErrorBurst[] {
  const perMinute = new Map<number, { count: number; first: { timestamp: number; message: string } }>();
  for (const l of lines) {
    const minute = Math.floor(l.timestamp / MINUTE_MS) * MINUTE_MS;
    const b = perMinute.get(minute);
    if (!b) perMinute.set(minute, { count: 1, first: l });
    else {
      b.count++;
      if (l.timestamp < b.first.timestamp) b.first = l;
    }
  }
  const bursts: ErrorBurst[] = [];
  for (const minute of [...perMinute.keys()].sort((a, b) => a - b)) {
    const b = perMinute.get(minute)!;
    if (b.count < minLines) continue;
    const last = bursts.at(-1);
    if (last && last.end === minute) {
      last.end += MINUTE_MS;
      last.lines += b.count;
      last.minutes++;
    } else bursts.push({ at: b.first.timestamp, start: minute, end: minute + MINUTE_MS, lines: b.count, minutes: 1, firstMessage: b.first.message });
  }
  return bursts;
}

export const burstTitle = (b: ErrorBurst): string => `${b.lines} error lines in ${b.minutes} min`;
