/**
 * Runs a prepared scenario: one async loop per virtual user, stages in order,
 * every start time an offset from a monotonic clock (ramp-up spreads user
 * starts linearly; think time follows each reply; a tick closes each second
 * on the clock's own schedule), so timer lateness never accumulates. Each
 * request is a real InvokeAgentRuntime read to the end. Stop aborts every
 * request in flight and keeps what completed; an agent that answers "not
 * found" again and again (deleted mid-run) fails the run.
 */
import { setMaxListeners } from 'node:events';
import type { ErrorSample, LoadTick, StageResult } from '../../../shared/loadtest';
import type { InvokeResponse, InvokeTarget } from '../invoke/agent-invoker';
import { readReply } from '../invoke/read-reply';
import { ReplyBuilder } from '../invoke/reply-builder';
import { classifyError, classifyStatus } from './error-class';
import { ErrorSamples, StageStats, TickStats, type RequestOutcome } from './run-stats';
import { userStartOffsetMs, type StagePlan } from './schedule';

/** What the chat accepts: every reply shape the console can read. */
const ACCEPT = 'application/json, text/event-stream, text/plain;q=0.9, */*;q=0.8';
/** Consecutive ResourceNotFound answers after which the agent counts as deleted. */
export const NOT_FOUND_LIMIT = 5;

export interface RunPlan {
  stages: StagePlan[];
  rampUpSeconds: number;
  stop: { kind: 'duration'; seconds: number } | { kind: 'requests'; count: number };
  thinkTimeMs: number;
  sessionPer: 'user' | 'request';
  timeoutMs: number;
  target: Omit<InvokeTarget, 'runtimeSessionId'>;
  /** The bytes of request n (0-based over the run) for a runtime session. */
  payload(n: number, runtimeSessionId: string): Uint8Array;
}

export interface RunnerDeps {
  invoke(target: InvokeTarget, payload: Uint8Array, accept: string, signal: AbortSignal): Promise<InvokeResponse>;
  newSessionId(): string;
  /** Epoch ms, for what is shown and stored. */
  now(): number;
  /** Monotonic ms, for every schedule and measurement. */
  clock(): number;
}

export interface RunnerListener {
  tick(tick: LoadTick): void;
  stage(stage: StageResult): void;
  error(sample: ErrorSample): void;
}

/** What a stage's rates are measured against. */
export function scheduleOf(plan: RunPlan): { rampUpSeconds: number; thinkTimeMs: number; windowMs?: number } {
  return { rampUpSeconds: plan.rampUpSeconds, thinkTimeMs: plan.thinkTimeMs, ...(plan.stop.kind === 'duration' ? { windowMs: plan.stop.seconds * 1000 } : {}) };
}

/** A stage's budget: open until its deadline (a duration) or until its requests are claimed (a count). */
interface StageWindow {
  deadline: number;
  open(): boolean;
  claim(): boolean;
}

export type RunnerEnd = { kind: 'completed' } | { kind: 'stopped' } | { kind: 'failed'; reason: string };

export class LoadRunner {
  private readonly stopper = new AbortController();
  private readonly finished: StageStats[] = [];
  private readonly samples = new ErrorSamples();
  private current: StageStats | undefined;
  private tickStats = new TickStats();
  private activeUsers = 0;
  private sequence = 0;
  private notFoundStreak = 0;
  private failure: string | undefined;

  constructor(
    private readonly plan: RunPlan,
    private readonly deps: RunnerDeps,
    private readonly listener: RunnerListener,
  ) {
    // Every user's sleep and request listens to the one stop signal.
    setMaxListeners(0, this.stopper.signal);
  }

  stop(): void {
    this.stopper.abort();
  }

  get stopped(): boolean {
    return this.stopper.signal.aborted;
  }

  stages(): StageStats[] {
    return this.current ? [...this.finished, this.current] : [...this.finished];
  }

  errorSamples(): ErrorSample[] {
    return this.samples.all();
  }

  async run(): Promise<RunnerEnd> {
    const t0 = this.deps.clock();
    let ticks = 0;
    let tickTimer: NodeJS.Timeout | undefined;
    const nextTick = (): void => {
      ticks++;
      tickTimer = setTimeout(
        () => {
          this.emitTick();
          nextTick();
        },
        Math.max(0, t0 + ticks * 1000 - this.deps.clock()),
      );
    };
    nextTick();
    try {
      for (const stage of this.plan.stages) {
        if (this.stopper.signal.aborted) break;
        await this.runStage(stage);
      }
    } finally {
      clearTimeout(tickTimer);
    }
    this.emitTick(); // the last partial second
    if (this.failure) return { kind: 'failed', reason: this.failure };
    return this.stopper.signal.aborted ? { kind: 'stopped' } : { kind: 'completed' };
  }

  private emitTick(): void {
    const tick = this.tickStats.tick(this.deps.now(), this.current?.index ?? this.finished.at(-1)?.index ?? 0, this.activeUsers);
    this.tickStats = new TickStats();
    this.listener.tick(tick);
  }

  private async runStage(plan: StagePlan): Promise<void> {
    const stats = new StageStats(plan.index, plan.users, this.deps.now(), plan.row?.latencyMs);
    this.current = stats;
    const start = this.deps.clock();
    const stop = this.plan.stop;
    const deadline = stop.kind === 'duration' ? start + stop.seconds * 1000 : Infinity;
    let claimed = 0;
    const window: StageWindow = {
      deadline,
      open: () => !this.stopper.signal.aborted && this.deps.clock() < deadline && (stop.kind === 'duration' || claimed < stop.count),
      claim: () => {
        if (!window.open()) return false;
        claimed++;
        return true;
      },
    };
    const users = Array.from({ length: plan.users }, (_, u) => this.user(start + userStartOffsetMs(u, plan.users, this.plan.rampUpSeconds), stats, window));
    await Promise.all(users);
    stats.endedAt = this.deps.now();
    this.finished.push(stats);
    this.current = undefined;
    this.listener.stage(stats.result(stats.endedAt, scheduleOf(this.plan)));
  }

  private async user(startAt: number, stats: StageStats, window: StageWindow): Promise<void> {
    await this.sleepUntil(startAt);
    if (this.stopper.signal.aborted) return;
    this.activeUsers++;
    let sessionId = this.deps.newSessionId();
    let fresh = true;
    try {
      while (window.claim()) {
        if (this.plan.sessionPer === 'request' && !fresh) {
          sessionId = this.deps.newSessionId();
          fresh = true;
        }
        const outcome = await this.request(sessionId, fresh);
        if (!outcome) return; // stopped mid-request: not a measurement
        fresh = false;
        stats.add(outcome);
        this.tickStats.add(outcome);
        // No think time after the stage's last request, and none past its end: the stage ends when its window does.
        if (this.plan.thinkTimeMs > 0 && window.open()) await this.sleepUntil(Math.min(window.deadline, this.deps.clock() + this.plan.thinkTimeMs));
      }
    } finally {
      this.activeUsers--;
    }
  }

  private async request(runtimeSessionId: string, coldStart: boolean): Promise<RequestOutcome | undefined> {
    const n = this.sequence++;
    const abort = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      abort.abort();
    }, this.plan.timeoutMs);
    const onStop = (): void => abort.abort();
    this.stopper.signal.addEventListener('abort', onStop, { once: true });
    const started = this.deps.clock();
    const failed = (error: unknown, bytes = 0, ttfbMs: number | null = null): RequestOutcome | undefined => {
      if (!timedOut && this.stopper.signal.aborted) return undefined;
      const c = classifyError(error, timedOut);
      this.trackNotFound(c.code === 'ResourceNotFoundException');
      const sample: ErrorSample = { at: this.deps.now(), errorClass: c.errorClass, status: c.status, message: c.message };
      if (this.samples.add(sample)) this.listener.error(sample);
      return { latencyMs: this.deps.clock() - started, ttfbMs, bytes, status: c.status, errorClass: c.errorClass, coldStart };
    };
    try {
      const target = { ...this.plan.target, runtimeSessionId };
      const response = await this.deps.invoke(target, this.plan.payload(n, runtimeSessionId), ACCEPT, abort.signal);
      const headersAt = this.deps.clock();
      const builder = new ReplyBuilder({ ...(response.contentType ? { contentType: response.contentType } : {}), rawCapChars: 0 });
      const { end, stats } = await readReply(response.body, builder, {
        timeouts: { idleMs: this.plan.timeoutMs, totalMs: this.plan.timeoutMs },
        stop: abort.signal,
        abortRequest: () => response.destroy(),
        now: this.deps.clock,
      });
      builder.end();
      const ttfbMs = (stats.firstByteAt ?? headersAt) - started;
      if (end.kind === 'timeout') timedOut = true;
      if (end.kind === 'stopped' || end.kind === 'timeout') return failed(new Error('stopped'), stats.bytes, ttfbMs);
      if (end.kind === 'dropped')
        return failed(Object.assign(new Error(`The reply stream dropped: ${end.message}`), { name: 'DroppedStream' }), stats.bytes, ttfbMs);
      const status = response.statusCode ?? 200;
      this.trackNotFound(false);
      const errorClass = status >= 400 ? classifyStatus(status) : undefined;
      return { latencyMs: this.deps.clock() - started, ttfbMs, bytes: stats.bytes, status, coldStart, ...(errorClass ? { errorClass } : {}) };
    } catch (error) {
      return failed(error);
    } finally {
      clearTimeout(timer);
      this.stopper.signal.removeEventListener('abort', onStop);
    }
  }

  private trackNotFound(notFound: boolean): void {
    this.notFoundStreak = notFound ? this.notFoundStreak + 1 : 0;
    if (this.notFoundStreak >= NOT_FOUND_LIMIT && !this.failure) {
      this.failure = `The agent was not found on ${NOT_FOUND_LIMIT} consecutive requests (ResourceNotFoundException): it was probably deleted during the run. The figures cover what was measured until then.`;
      this.stopper.abort();
    }
  }

  /** Resolves at a monotonic time, or at once when the run stops. */
  private sleepUntil(at: number): Promise<void> {
    const ms = at - this.deps.clock();
    const signal = this.stopper.signal;
    if (ms <= 0 || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done, { once: true });
    });
  }
}
