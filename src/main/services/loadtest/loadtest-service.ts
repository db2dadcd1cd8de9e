/**
 * The load-test feature behind the contract: estimates, starting and stopping
 * runs (never more than the caps, never on real AWS above the threshold
 * without the user's confirmation), the live view, saved scenarios and runs,
 * exports, and what the war room's timeline reads. Inputs arrive validated by
 * the contract's zod schemas; privileged calls are built from the fleet's ARN.
 */
import { randomUUID } from 'node:crypto';
import { ApiError } from '../../../shared/errors';
import type { ExportedFile, LoadEstimate, LoadRun, LoadRunSummary, SavedScenario, Scenario } from '../../../shared/loadtest';
import type { PriceTable } from '../../../shared/metrics';
import type { AgentDirectory } from '../chat/chat-service';
import type { Logger } from '../log/logger';
import { ActiveRun, type LiveFollower } from './active-run';
import { confirmationMessage, estimateRun } from './estimate';
import type { RunnerDeps } from './load-runner';
import { exportRun } from './run-export';
import type { LoadRunStore } from './run-store';
import { prepareScenario, type PrepDeps, type PreparedScenario } from './scenario-prep';

export interface LoadTestServiceOptions {
  store: LoadRunStore;
  agents: AgentDirectory;
  chatTemplate: PrepDeps['chatTemplate'];
  runner: Omit<RunnerDeps, 'now'>;
  prices: () => PriceTable;
  /** This console's recent median reply time for an agent endpoint, if it has one. */
  measuredLatencyMs: (agentKey: string, qualifier: string) => number | null;
  onRealAws: () => boolean;
  logger: Logger;
  now?: () => number;
}

export class LoadTestService {
  private readonly active = new Map<string, ActiveRun>();
  private readonly now: () => number;

  constructor(private readonly o: LoadTestServiceOptions) {
    this.now = o.now ?? Date.now;
    const interrupted = o.store.markInterrupted();
    if (interrupted > 0) o.logger.warn('load runs cut off by the last shutdown marked interrupted', { count: interrupted });
  }

  estimate(scenario: Scenario): LoadEstimate {
    return this.estimateFor(scenario, prepareScenario(this.prep(), scenario));
  }

  start(scenario: Scenario, confirmed: boolean): LoadRunSummary {
    const prepared = prepareScenario(this.prep(), scenario);
    const estimate = this.estimateFor(scenario, prepared);
    if (estimate.needsConfirmation && !confirmed) throw new ApiError('invalid_input', confirmationMessage(estimate), { field: 'confirmed' });
    const summary: LoadRunSummary = {
      id: randomUUID(),
      name: scenario.name,
      agentKey: scenario.agentKey,
      agentName: prepared.agent.name,
      qualifier: scenario.qualifier,
      source: 'console',
      startedAt: this.now(),
      endedAt: null,
      status: 'running',
      verdict: scenario.acceptance.length ? 'fail' : 'none',
      requests: 0,
      failed: 0,
    };
    const run = new ActiveRun(summary, prepared, scenario, { ...this.o.runner, now: this.now }, (doc) => this.o.store.saveRun(doc));
    this.active.set(run.id, run);
    void run.done
      .catch((error: unknown) => this.o.logger.error('load run crashed', { runId: run.id, error: error instanceof Error ? error.message : String(error) }))
      .finally(() => this.active.delete(run.id));
    this.o.logger.info('load run started', { runId: run.id, agentKey: scenario.agentKey, stages: prepared.plan.stages.length });
    return run.snapshot().summary;
  }

  /** Aborts every request in flight and resolves once the run's final figures are stored. */
  async stop(runId: string): Promise<LoadRunSummary> {
    const running = this.active.get(runId);
    if (!running) return this.mustRun(runId).summary;
    running.runner.stop();
    return (await running.done).summary;
  }

  run(runId: string): LoadRun {
    return this.active.get(runId)?.snapshot() ?? this.mustRun(runId);
  }

  runs(filter: { agentKey?: string; limit: number }): LoadRunSummary[] {
    const live = new Map([...this.active.values()].map((r) => [r.id, r.snapshot().summary]));
    return this.o.store.runs(filter).map((s) => live.get(s.id) ?? s);
  }

  async deleteRun(runId: string): Promise<{ deleted: boolean }> {
    const running = this.active.get(runId);
    if (running) {
      running.runner.stop();
      await running.done;
    }
    return { deleted: this.o.store.deleteRun(runId) };
  }

  /** A running run's items as they happen (after what happened so far); a finished run's `done` at once. */
  live(runId: string, follower: LiveFollower, signal: AbortSignal): void {
    const running = this.active.get(runId);
    if (!running) return follower({ kind: 'done', run: this.mustRun(runId) });
    const unfollow = running.follow(follower);
    signal.addEventListener('abort', unfollow, { once: true });
  }

  scenarios(): SavedScenario[] {
    return this.o.store.scenarios();
  }

  saveScenario(scenario: Scenario): SavedScenario {
    return this.o.store.saveScenario(scenario);
  }

  deleteScenario(name: string): { deleted: boolean } {
    return { deleted: this.o.store.deleteScenario(name) };
  }

  exportRun(runId: string, format: 'json' | 'csv' | 'markdown'): ExportedFile {
    return exportRun(this.run(runId), format);
  }

  /** Keeps an imported run (an Artillery report) beside the console's own. */
  saveImported(run: LoadRun): LoadRunSummary {
    this.o.store.saveRun(run);
    return run.summary;
  }

  /** Stops every run, kept as `interrupted` with what was measured — on quit. */
  async close(): Promise<void> {
    for (const run of this.active.values()) run.interrupt();
    await Promise.all([...this.active.values()].map((r) => r.done));
  }

  /** Resolves when no run is in progress (tests and benchmarks). */
  async idle(): Promise<void> {
    while (this.active.size) await Promise.all([...this.active.values()].map((r) => r.done));
  }

  private estimateFor(scenario: Scenario, prepared: PreparedScenario): LoadEstimate {
    return estimateRun({
      scenario,
      prompts: prepared.prompts.length,
      measuredLatencyMs: this.o.measuredLatencyMs(scenario.agentKey, scenario.qualifier),
      prices: this.o.prices(),
      onRealAws: this.o.onRealAws(),
    });
  }

  private prep(): PrepDeps {
    return { agents: this.o.agents, chatTemplate: this.o.chatTemplate };
  }

  private mustRun(runId: string): LoadRun {
    const run = this.o.store.run(runId);
    if (!run) throw new ApiError('not_found', `No load run ${runId}. It may have been deleted.`);
    return run;
  }
}
