/**
 * A streaming latency histogram in the HDR style: values (ms) are kept as
 * integer microseconds in log-linear buckets — exact below 256 µs, then 128
 * linear sub-buckets per power of two — so any value is known to within
 * 1/256 of itself (its bucket's midpoint is reported), recording is O(1),
 * memory is fixed (≈3,200 counters up to 35 minutes) and two histograms merge
 * by adding counters. Sorting every sample would cost O(n log n) time and
 * O(n) memory per percentile query; a load run records millions.
 */
import type { Percentiles } from '../../../shared/loadtest';

const SUB_BITS = 8;
const SUB = 1 << SUB_BITS; // 256: exact range, in µs
const HALF = SUB >> 1; // sub-buckets per power of two above it
const MAX_US = 2 ** 31 - 1;
const BUCKETS = SUB + (31 - SUB_BITS) * HALF;

/** Largest relative error of a reported value against the value recorded. */
export const HISTOGRAM_RELATIVE_ERROR = 1 / SUB;

function indexOf(us: number): number {
  if (us < SUB) return us;
  const msb = 31 - Math.clz32(us);
  const shift = msb - SUB_BITS + 1;
  return SUB + (shift - 1) * HALF + ((us >>> shift) - HALF);
}

/** [low, high) of a bucket, in µs. */
function boundsOf(index: number): [number, number] {
  if (index < SUB) return [index, index + 1];
  const j = index - SUB;
  const scale = 2 ** (Math.floor(j / HALF) + 1);
  const top = HALF + (j % HALF);
  return [top * scale, (top + 1) * scale];
}

export class LatencyHistogram {
  private readonly counts = new Float64Array(BUCKETS);
  private total = 0;
  private sum = 0;
  private low = Infinity;
  private high = -Infinity;

  get count(): number {
    return this.total;
  }

  record(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) return;
    const us = Math.min(MAX_US, Math.round(ms * 1000));
    this.counts[indexOf(us)]!++;
    this.total++;
    this.sum += ms;
    if (ms < this.low) this.low = ms;
    if (ms > this.high) this.high = ms;
  }

  merge(other: LatencyHistogram): void {
    for (let i = 0; i < BUCKETS; i++) if (other.counts[i]) this.counts[i]! += other.counts[i]!;
    this.total += other.total;
    this.sum += other.sum;
    this.low = Math.min(this.low, other.low);
    this.high = Math.max(this.high, other.high);
  }

  /** The value at percentile p (0–100): the smallest recorded value with at least p % of samples at or below it, to within the relative error. */
  percentile(p: number): number | null {
    if (this.total === 0) return null;
    const rank = Math.max(1, Math.ceil((Math.min(100, Math.max(0, p)) / 100) * this.total));
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i]!;
      if (seen >= rank) {
        const [lo, hi] = boundsOf(i);
        const mid = i < SUB ? lo / 1000 : (lo + hi) / 2000;
        return Math.min(this.high, Math.max(this.low, mid));
      }
    }
    return this.high;
  }

  summary(): Percentiles {
    const empty = this.total === 0;
    return {
      count: this.total,
      min: empty ? null : this.low,
      mean: empty ? null : this.sum / this.total,
      p50: this.percentile(50),
      p90: this.percentile(90),
      p95: this.percentile(95),
      p99: this.percentile(99),
      max: empty ? null : this.high,
    };
  }

  /** Counts folded into 1-2-5 steps (ms) for a chart: [upper bound, count], empty steps past the last sample left out. */
  chartBuckets(): Array<[number, number]> {
    if (this.total === 0) return [];
    const out: Array<[number, number]> = [];
    let bound = 1;
    let step = 0;
    let i = 0;
    let seen = 0;
    while (i < BUCKETS) {
      let n = 0;
      for (; i < BUCKETS && boundsOf(i)[1] <= bound * 1000; i++) n += this.counts[i]!;
      out.push([bound, n]);
      seen += n;
      if (seen >= this.total) break;
      bound = [2, 2.5, 2][step % 3]! * bound;
      step++;
    }
    return out;
  }
}
