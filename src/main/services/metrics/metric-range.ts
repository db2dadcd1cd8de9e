/**
 * From the range the user asked for to what GetMetricData is asked: the
 * window on AWS's clock, an automatic period that keeps a series at about
 * 1,440 points, and the previous window of the same length for the tiles.
 * CloudWatch keeps 1-minute data for 15 days, 5-minute data for 63 days and
 * hourly data for 455 days, so older windows need coarser periods, and a
 * window older than 455 days is cut (with a notice saying so).
 */
import { ApiError } from '../../../shared/errors';
import { RANGE_PRESET_MS, type MetricRange, type MetricsNotice } from '../../../shared/metrics';

const DAY_MS = 86_400_000;
export const RETENTION = { oneMinuteMs: 15 * DAY_MS, fiveMinuteMs: 63 * DAY_MS, oneHourMs: 455 * DAY_MS } as const;
export const MAX_POINTS = 1440;
/** Periods a person reads easily; each is a multiple of the ones CloudWatch's retention tiers need. */
const PERIODS_S = [60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400, 172_800, 604_800];
/** A fixed range ending a little after now is the clock's jitter, not a request for the future. */
const FUTURE_TOLERANCE_MS = 60_000;

export interface ResolvedRange {
  /** Aligned to the period. */
  startTime: number;
  endTime: number;
  periodSeconds: number;
  /** The window of the same length just before, or null when CloudWatch no longer keeps it. */
  previousStart: number | null;
  notices: MetricsNotice[];
}

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** The smallest readable period that keeps ≤ MAX_POINTS and that CloudWatch still has for data as old as `oldest`. */
export function periodFor(lengthMs: number, oldest: number, now: number): number {
  const age = now - oldest;
  const multiple = age > RETENTION.fiveMinuteMs ? 3600 : age > RETENTION.oneMinuteMs ? 300 : 60;
  const wanted = lengthMs / 1000 / MAX_POINTS;
  return PERIODS_S.find((p) => p >= wanted && p % multiple === 0) ?? Math.ceil(wanted / 86_400) * 86_400;
}

export function resolveRange(range: MetricRange, now: number): ResolvedRange {
  const notices: MetricsNotice[] = [];
  let start: number;
  let end: number;
  if ('preset' in range) {
    end = now;
    start = now - RANGE_PRESET_MS[range.preset];
  } else {
    ({ startTime: start, endTime: end } = range);
    if (start >= now)
      throw new ApiError(
        'invalid_input',
        `The range starts at ${iso(start)}, after now on AWS's clock (${iso(now)}): CloudWatch has no metrics from the future. Pick a range that ends now or earlier.`,
        { field: 'range' },
      );
    if (end > now + FUTURE_TOLERANCE_MS) {
      notices.push({ code: 'range_clamped', message: `The range ended at ${iso(end)}, in the future; it is cut at now (${iso(now)}).` });
      end = now;
    }
  }
  const oldestKept = now - RETENTION.oneHourMs;
  if (end <= oldestKept)
    throw new ApiError(
      'invalid_input',
      `The range ends at ${iso(end)}, more than 455 days ago: CloudWatch keeps no metrics that old. Pick a range after ${iso(oldestKept)}.`,
      { field: 'range' },
    );
  if (start < oldestKept) {
    notices.push({
      code: 'range_clamped',
      message: `CloudWatch keeps metrics for 455 days (hourly), so the range starts at ${iso(oldestKept)} instead of ${iso(start)}.`,
    });
    start = oldestKept;
  }
  const length = end - start;
  const previous = start - length >= oldestKept ? start - length : null;
  const periodSeconds = periodFor(length, previous ?? start, now);
  const periodMs = periodSeconds * 1000;
  const alignedStart = Math.floor(start / periodMs) * periodMs;
  const buckets = Math.max(1, Math.ceil((end - alignedStart) / periodMs));
  const alignedEnd = alignedStart + buckets * periodMs;
  const alignedPrevious = previous === null ? null : alignedStart - buckets * periodMs;
  return {
    startTime: alignedStart,
    endTime: alignedEnd,
    periodSeconds,
    previousStart: alignedPrevious !== null && alignedPrevious >= oldestKept ? alignedPrevious : null,
    notices,
  };
}
