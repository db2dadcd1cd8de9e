/**
 * What a run measures, folded as requests complete: per stage (latency and
 * TTFB histograms, counts per error class, bytes, cold starts, and how many
 * succeeded within its acceptance limit), per second (a tick for the live
 * chart) and a few error samples per class. Nothing here keeps a list of
 * requests, so a run of any length costs the same memory.
 */
import type { ErrorClass, ErrorSample, LoadTick, StageResult } from '../../../shared/loadtest';
import { LatencyHistogram } from './latency-histogram';
import { scheduledRps } from './schedule';

export interface RequestOutcome {
  /** performance.now() offsets, ms. */
  latencyMs: number;
  ttfbMs: number | null;
  bytes: number;
  status: number | null;
  errorClass?: ErrorClass;
  coldStart: boolean;
}

const SAMPLES_PER_CLASS = 3;

type Counts = Partial<Record<ErrorClass, number>>;
const bump = (counts: Counts, c: ErrorClass): void => {
  counts[c] = (counts[c] ?? 0) + 1;
};

export class StageStats {
  readonly latency = new LatencyHistogram();
  private readonly successLatency = new LatencyHistogram();
  private readonly ttfb = new LatencyHistogram();
  private readonly errors: Counts = {};
  private requests = 0;
  private succeeded = 0;
  private bytes = 0;
  private coldStarts = 0;
  /** Successes within the acceptance row's limit: counted exactly, not read off a histogram. */
  withinLimit = 0;
  endedAt: number | null = null;

  constructor(
    readonly index: number,
    readonly users: number,
    readonly startedAt: number,
    private readonly limitMs: number | undefined,
  ) {}

  get sent(): number {
    return this.requests;
  }

  add(o: RequestOutcome): void {
    this.requests++;
    this.bytes += o.bytes;
    if (o.coldStart) this.coldStarts++;
    this.latency.record(o.latencyMs);
    if (o.ttfbMs !== null) this.ttfb.record(o.ttfbMs);
    if (o.errorClass) bump(this.errors, o.errorClass);
    else {
      this.succeeded++;
      this.successLatency.record(o.latencyMs);
      if (this.limitMs !== undefined && o.latencyMs <= this.limitMs) this.withinLimit++;
    }
  }

  /** The stage's latency at percentile p over its successful requests (what a user who got an answer waited). */
  successPercentile(p: number): number | null {
    return this.successLatency.percentile(p);
  }

  /** `windowMs`: a duration stage's length — requests still in flight at its end finish after it without stretching the rate's window. */
  result(now: number, schedule: { rampUpSeconds: number; thinkTimeMs: number; windowMs?: number }): StageResult {
    const end = this.endedAt ?? now;
    const ms = Math.max(1, Math.min(end - this.startedAt, schedule.windowMs ?? Infinity));
    const latency = this.latency.summary();
    return {
      index: this.index,
      users: this.users,
      startedAt: this.startedAt,
      endedAt: this.endedAt,
      requests: this.requests,
      succeeded: this.succeeded,
      errors: { ...this.errors },
      latencyMs: latency,
      ttfbMs: this.ttfb.summary(),
      bytes: this.bytes,
      coldStarts: this.coldStarts,
      achievedRps: this.requests / (ms / 1000),
      scheduledRps: scheduledRps(this.users, schedule.rampUpSeconds, ms, schedule.thinkTimeMs, latency.mean),
      histogram: this.latency.chartBuckets(),
    };
  }
}

/** One second of a run; the runner starts a new one on each tick. */
export class TickStats {
  private readonly latency = new LatencyHistogram();
  private readonly errors: Counts = {};
  private requests = 0;
  private succeeded = 0;

  add(o: RequestOutcome): void {
    this.requests++;
    this.latency.record(o.latencyMs);
    if (o.errorClass) bump(this.errors, o.errorClass);
    else this.succeeded++;
  }

  tick(t: number, stageIndex: number, activeUsers: number): LoadTick {
    return {
      t,
      stageIndex,
      activeUsers,
      requests: this.requests,
      succeeded: this.succeeded,
      errors: { ...this.errors },
      p50Ms: this.latency.percentile(50),
      p90Ms: this.latency.percentile(90),
      p99Ms: this.latency.percentile(99),
    };
  }
}

/** The newest few samples per class; `add` answers whether the sample was kept (so the live view hears of it). */
export class ErrorSamples {
  private readonly byClass = new Map<ErrorClass, ErrorSample[]>();

  add(sample: ErrorSample): boolean {
    const list = this.byClass.get(sample.errorClass) ?? [];
    const fresh = list.length < SAMPLES_PER_CLASS || list.every((s) => s.message !== sample.message);
    if (!fresh) return false;
    list.push(sample);
    if (list.length > SAMPLES_PER_CLASS) list.shift();
    this.byClass.set(sample.errorClass, list);
    return true;
  }

  all(): ErrorSample[] {
    return [...this.byClass.values()].flat().sort((a, b) => a.at - b.at);
  }
}
