/**
 * The load runner's own cost, measured in one run against one emulator (fast
 * mode, so the agent answers at once and the runner's work is what is left;
 * the emulator's own work per invoke is the same on both paths, so it drops
 * out of the difference):
 *
 * - overhead per request: 200 virtual users sending the same invokes through
 *   the same client factory, once as a bare SDK loop (invoke, read the body)
 *   and once through the runner (schedule, reply builder, histograms, ticks,
 *   persistence), interleaved; the difference in wall time ÷ requests is the
 *   event-loop time the runner adds to each request (the loop is the
 *   bottleneck at this concurrency, so added work shows up as wall time);
 * - achieved rate vs schedule: 200 users with 1 s think time for 30 s, so the
 *   schedule fixes the rate; the runner's achieved rate against
 *   users ÷ (think + measured latency). Long enough for ~25 cycles a user: at
 *   10 s a user's last cycle either fits or not, a ±11 % step in its count;
 *   and the emulator shares the runner's event loop, so this is a floor;
 * - 1 M latency samples into percentiles, beside sorting the same samples.
 *
 * Not measured: real AWS latency, TLS, or a slow agent (the bare loop and the
 * runner would wait the same).
 */
import { InvokeAgentRuntimeCommand } from '@aws-sdk/client-bedrock-agentcore';
import { LatencyHistogram } from '../src/main/services/loadtest/latency-histogram';
import { scenarioSchema, type LoadRun, type ScenarioInput } from '../src/shared/loadtest';
import { OWNER } from '../test/integration/helpers/caller';
import { startLoadTestModuleRig } from '../test/integration/helpers/loadtest-module-rig';
import type { Bench, BenchResult } from './bench-types';
import { median, round } from './console-vs-sdk';

const REGION = 'us-east-1';
const AGENT = 'release_notes_writer';
const USERS = 200;
const PER_USER = Number(process.env.LOADTEST_BENCH_PER_USER ?? 25);
const ROUNDS = Number(process.env.LOADTEST_BENCH_ROUNDS ?? 4);
const PACED_SECONDS = 30;

const bench: Bench = {
  name: 'loadtest (runner overhead, schedule, percentiles)',
  async run() {
    // Percentiles first, before the invoke rounds leave garbage behind; median of 3 after a warm-up (a run records all the time).
    const samples = Float64Array.from({ length: 1_000_000 }, (_, i) => 20 + ((i * 7919) % 10_000) * 0.37 + (i % 97 === 0 ? 30_000 : 0));
    const intoPercentiles = (): { ms: number; p99: number } => {
      const t0 = performance.now();
      const histogram = new LatencyHistogram();
      for (const s of samples) histogram.record(s);
      const p99 = histogram.summary().p99!;
      return { ms: performance.now() - t0, p99 };
    };
    const bySorting = (): { ms: number; p99: number } => {
      const t0 = performance.now();
      const sorted = Float64Array.from(samples).sort();
      return { ms: performance.now() - t0, p99: sorted[Math.ceil(0.99 * sorted.length) - 1]! };
    };
    intoPercentiles();
    bySorting();
    const streamed = [intoPercentiles(), intoPercentiles(), intoPercentiles()];
    const sortedRuns = [bySorting(), bySorting(), bySorting()];
    const histogramMs = median(streamed.map((r) => r.ms));
    const sortMs = median(sortedRuns.map((r) => r.ms));
    const p99Ratio = streamed[0]!.p99 / sortedRuns[0]!.p99;

    const rig = await startLoadTestModuleRig({ fast: true, seed: 1 });
    const { loadtest, clients } = rig;
    const agentKey = rig.agentKey(AGENT);
    const arn = rig.emu.world.runtimes(REGION).find((r) => r.name === AGENT)!.arn;
    const scenario = (over: Partial<ScenarioInput>) =>
      scenarioSchema.parse({
        name: 'bench',
        agentKey,
        qualifier: 'DEFAULT',
        prompts: { kind: 'list', prompts: ['Summarise release 4.2'] },
        users: USERS,
        ...over,
      });
    const runToEnd = async (over: Partial<ScenarioInput>): Promise<LoadRun> => {
      const { id } = await loadtest.methods['loadtest.start']({ scenario: scenario(over), confirmed: false }, OWNER);
      await loadtest.service.idle();
      return loadtest.methods['loadtest.run']({ runId: id }, OWNER);
    };

    const client = clients.dataClient('demo', REGION);
    const payload = new TextEncoder().encode('{"prompt": "Summarise release 4.2"}');
    const bareRound = async (): Promise<number> => {
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: USERS }, async (_, u) => {
          const sessionId = `bench-bare-${u}-${t0}`.padEnd(40, '0');
          for (let i = 0; i < PER_USER; i++) {
            const out = await client.send(
              new InvokeAgentRuntimeCommand({
                agentRuntimeArn: arn,
                qualifier: 'DEFAULT',
                runtimeSessionId: sessionId,
                contentType: 'application/json',
                payload,
              }),
            );
            for await (const chunk of out.response as AsyncIterable<Uint8Array>) void chunk;
          }
        }),
      );
      return performance.now() - t0;
    };
    const runnerRound = async (): Promise<number> => {
      const t0 = performance.now();
      const run = await runToEnd({ stop: { kind: 'requests', count: USERS * PER_USER } });
      if (run.summary.failed > 0 || run.summary.requests !== USERS * PER_USER)
        throw new Error(`runner round: ${run.summary.requests} requests, ${run.summary.failed} failed: ${JSON.stringify(run.errorSamples.slice(0, 3))}`);
      return performance.now() - t0;
    };
    await bareRound(); // warm sockets and JIT for both
    await runnerRound();
    const bare: number[] = [];
    const runner: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      bare.push(await bareRound());
      runner.push(await runnerRound());
    }
    const requests = USERS * PER_USER;
    const overheadMs = (median(runner) - median(bare)) / requests;

    const paced = await runToEnd({ stop: { kind: 'duration', seconds: PACED_SECONDS }, thinkTimeMs: 1000 });
    const stage = paced.stages[0]!;
    const rateRatio = stage.achievedRps / (stage.scheduledRps ?? NaN);

    await rig.close();

    const results: BenchResult[] = [
      { metric: `bare SDK loop: ${requests} invokes at ${USERS} users (median of ${ROUNDS})`, value: round(median(bare)), unit: 'ms' },
      { metric: `runner: the same ${requests} invokes at ${USERS} users (median of ${ROUNDS})`, value: round(median(runner)), unit: 'ms' },
      { metric: 'runner overhead per request (runner − bare) ÷ requests', value: round(overheadMs, 3), unit: 'ms', target: '< 2', pass: overheadMs < 2 },
      {
        metric: `achieved ÷ scheduled rate (${USERS} users, 1 s think, ${PACED_SECONDS} s: ${round(stage.achievedRps)} of ${round(stage.scheduledRps ?? NaN)} req/s)`,
        value: round(rateRatio, 3),
        unit: '×',
        target: '0.95–1.05',
        pass: Math.abs(rateRatio - 1) <= 0.05,
      },
      {
        metric: '1 M latency samples into percentiles (streaming histogram, median of 3)',
        value: round(histogramMs),
        unit: 'ms',
        target: '< 100',
        pass: histogramMs < 100,
      },
      { metric: '1 M latency samples sorted (for comparison, median of 3)', value: round(sortMs), unit: 'ms' },
      {
        metric: 'histogram p99 ÷ exact p99',
        value: round(p99Ratio, 4),
        unit: '×',
        target: '1 ± 0.004',
        pass: Math.abs(p99Ratio - 1) <= 0.004,
      },
    ];
    return results;
  },
};
export default bench;
