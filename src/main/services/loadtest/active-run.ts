/**
 * One run in progress: the runner, the LoadRun document it fills (persisted
 * at start, on every tick and at the end), and the live streams following
 * it. A stream that opens late is first sent what happened so far, so the
 * live view never starts blank; a finished run's followers get `done`.
 */
import type { LoadLiveItem, LoadRun, LoadRunSummary, StageResult } from '../../../shared/loadtest';
import { evaluateRow, verdictOf } from './acceptance';
import { LoadRunner, scheduleOf, type RunnerDeps, type RunnerEnd } from './load-runner';
import type { PreparedScenario } from './scenario-prep';
import type { StageStats } from './run-stats';
import { interruptedNote } from './run-store';

export type LiveFollower = (item: LoadLiveItem) => void;

export class ActiveRun {
  readonly runner: LoadRunner;
  readonly done: Promise<LoadRun>;
  private readonly followers = new Set<LiveFollower>();
  private readonly stageResults: StageResult[] = [];
  private readonly doc: LoadRun;
  private closing = false;

  constructor(
    summary: LoadRunSummary,
    private readonly prepared: PreparedScenario,
    scenario: LoadRun['scenario'],
    deps: RunnerDeps,
    private readonly persist: (run: LoadRun) => void,
  ) {
    this.doc = { summary, scenario, stages: [], acceptance: [], ticks: [], errorSamples: [] };
    this.runner = new LoadRunner(prepared.plan, deps, {
      tick: (tick) => {
        this.doc.ticks.push(tick);
        this.persist(this.snapshot());
        this.send({ kind: 'tick', tick });
      },
      stage: (stage) => {
        this.stageResults.push(stage);
        this.send({ kind: 'stage', stage });
      },
      error: (sample) => this.send({ kind: 'error', sample }),
    });
    this.persist(this.snapshot());
    this.done = this.runner.run().then((end) => this.finish(end, deps.now()));
  }

  /** Stops the run because the console is closing: it ends `interrupted`, not `stopped`. */
  interrupt(): void {
    this.closing = true;
    this.runner.stop();
  }

  get id(): string {
    return this.doc.summary.id;
  }

  follow(follower: LiveFollower): () => void {
    for (const stage of this.stageResults) follower({ kind: 'stage', stage });
    for (const tick of this.doc.ticks) follower({ kind: 'tick', tick });
    for (const sample of this.runner.errorSamples()) follower({ kind: 'error', sample });
    this.followers.add(follower);
    return () => this.followers.delete(follower);
  }

  /** The run as it stands: finished stages as they ended, the current one as of now. */
  snapshot(now = Date.now()): LoadRun {
    const all = this.runner.stages();
    const stages = all.map((s, i) => this.stageResults[i] ?? s.result(now, scheduleOf(this.prepared.plan)));
    const acceptance = this.prepared.plan.stages.flatMap((p) => (p.row ? [evaluateRow(p.row, measureOf(all[p.index]))] : []));
    const requests = stages.reduce((n, s) => n + s.requests, 0);
    const succeeded = stages.reduce((n, s) => n + s.succeeded, 0);
    return {
      ...this.doc,
      summary: { ...this.doc.summary, requests, failed: requests - succeeded, verdict: verdictOf(acceptance) },
      stages,
      acceptance,
      errorSamples: this.runner.errorSamples(),
    };
  }

  private finish(end: RunnerEnd, now: number): LoadRun {
    const run = this.snapshot(now);
    const status = end.kind === 'stopped' && this.closing ? 'interrupted' : end.kind;
    run.summary = { ...run.summary, endedAt: now, status };
    const seconds = Math.round((now - run.summary.startedAt) / 1000);
    if (end.kind === 'failed') run.partial = end.reason;
    else if (status === 'interrupted') run.partial = interruptedNote(run);
    else if (status === 'stopped') run.partial = `Stopped after ${seconds} s: the figures cover the requests that completed until then.`;
    Object.assign(this.doc, run);
    this.persist(run);
    this.send({ kind: 'done', run });
    this.followers.clear();
    return run;
  }

  private send(item: LoadLiveItem): void {
    for (const follower of this.followers) follower(item);
  }
}

function measureOf(stats: StageStats | undefined): Parameters<typeof evaluateRow>[1] {
  if (!stats) return undefined;
  return { stageIndex: stats.index, requests: stats.sent, withinLimit: stats.withinLimit, percentile: (p) => stats.successPercentile(p) };
}
