/**
 * X-axis ticks for a time range, chosen here rather than by recharts: left to
 * itself recharts measures every candidate label in the DOM to thin them out
 * (`minTickGap`), a forced layout per label that cost most of the time to draw
 * a page of charts. A step from a fixed ladder keeps at most `maxTicks` labels,
 * aligned to round local times (whole hours, midnights) so they read at a glance.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const SECOND = 1000;
// Seconds for a load test's short runs; the metrics ranges start at an hour.
const STEPS = [
  5 * SECOND,
  10 * SECOND,
  15 * SECOND,
  30 * SECOND,
  MINUTE,
  5 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
];

export interface TimeTicks {
  ticks: number[];
  step: number;
}

/** The first local midnight at or after `ms`, then every `days` days (Date arithmetic keeps midnights across DST changes). */
function dayTicks(start: number, end: number, days: number): number[] {
  const at = new Date(start);
  at.setHours(0, 0, 0, 0);
  if (at.getTime() < start) at.setDate(at.getDate() + 1);
  const ticks: number[] = [];
  for (; at.getTime() <= end; at.setDate(at.getDate() + days)) ticks.push(at.getTime());
  return ticks;
}

function subDayTicks(start: number, end: number, step: number): number[] {
  // Round in local time: a 6-hour step lands on 00:00, 06:00… wherever the viewer is.
  const offset = new Date(start).getTimezoneOffset() * MINUTE;
  const first = Math.ceil((start - offset) / step) * step + offset;
  const ticks: number[] = [];
  for (let t = first; t <= end; t += step) ticks.push(t);
  return ticks;
}

export function timeTicks(start: number, end: number, maxTicks = 6): TimeTicks {
  const span = Math.max(end - start, 30 * SECOND);
  const step = STEPS.find((s) => span / s <= maxTicks) ?? Math.ceil(span / maxTicks / (7 * DAY)) * 7 * DAY;
  const ticks = step >= DAY ? dayTicks(start, end, Math.round(step / DAY)) : subDayTicks(start, end, step);
  return { ticks, step };
}

const dateOnly = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric' });
const dayAndTime = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
const timeOfDay = new Intl.DateTimeFormat('en-US', { hour: '2-digit', minute: '2-digit' });
const timeWithSeconds = new Intl.DateTimeFormat('en-US', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** A tick's label: the date alone for day steps, the time alone within a day and a half, both in between. */
export function tickLabel(ms: number, step: number, spanMs: number): string {
  if (step >= DAY) return dateOnly.format(ms);
  if (step < MINUTE) return timeWithSeconds.format(ms);
  return (spanMs > 36 * HOUR ? dayAndTime : timeOfDay).format(ms);
}
