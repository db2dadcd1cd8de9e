import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/errors';
import { scenarioSchema } from '../../../shared/loadtest';
import { importArtilleryReport } from './artillery-report';
import { handOffScenario } from '../../../../test/fixtures/loadtest/hand-off-scenario';

/** A real `artillery run --output` report of an exported script: 2 then 3 users, 3 s each, 50 ms injected latency. */
const REPORT = readFileSync(join(import.meta.dirname, '../../../../test/fixtures/loadtest/artillery-report.json'), 'utf8');
const scenario = scenarioSchema.parse(handOffScenario('demo|us-east-1|runtime|r', ['p']));
const ctx = { id: 'run-1', scenario, agentName: 'release_notes_writer', now: 0 };

describe('an Artillery report', () => {
  it('from an exported script is judged per stage from the processor’s counters', () => {
    const run = importArtilleryReport(REPORT, ctx);
    expect(run.summary).toMatchObject({ id: 'run-1', source: 'artillery', status: 'completed', verdict: 'fail', failed: 0 });
    const report = JSON.parse(REPORT) as { aggregate: { counters: Record<string, number>; firstMetricAt: number } };
    const c = report.aggregate.counters;
    expect(run.stages.map((s) => s.requests)).toEqual([c['agentcore.stage_0.requests'], c['agentcore.stage_1.requests']]);
    expect(run.summary.requests).toBe(c['http.responses']);
    expect(run.acceptance.map((a) => [a.pass, a.measuredPct])).toEqual([
      [true, 100],
      [false, 0],
    ]);
    expect(run.acceptance[1]!.measuredLatencyMs).toBeGreaterThanOrEqual(50);
    expect(run.stages[0]!.startedAt).toBe(report.aggregate.firstMetricAt);
    expect(run.stages[1]!.startedAt).toBe(report.aggregate.firstMetricAt + 3000);
    expect(run.ticks[0]!.requests).toBe(c['http.requests']);
    expect(run.partial).toBeUndefined();
  });

  it('from any other script is read as one stage from Artillery’s own metrics, and says so', () => {
    const foreign = {
      aggregate: {
        counters: { 'http.requests': 100, 'http.codes.200': 90, 'http.codes.429': 6, 'http.codes.503': 2, 'errors.ETIMEDOUT': 2 },
        summaries: { 'http.response_time': { min: 10, p50: 100, p75: 150, p90: 400, p95: 900, p99: 1500, p999: 1900, max: 2000, count: 98, mean: 200 } },
        firstMetricAt: 1000,
        lastMetricAt: 61_000,
      },
      intermediate: [],
    };
    const run = importArtilleryReport(JSON.stringify(foreign), {
      ...ctx,
      scenario: { ...scenario, acceptance: [{ users: 2, latencyMs: 1000, successPct: 90 }] },
    });
    expect(run.stages).toHaveLength(1);
    expect(run.stages[0]).toMatchObject({ requests: 100, succeeded: 90, errors: { throttled: 6, server: 2, timeout: 2 } });
    // 95 % of responses within 1 s by the reported percentiles: 85 of the 90 successes.
    expect(run.acceptance[0]).toMatchObject({ measuredPct: 85, pass: false, measuredLatencyMs: 400 });
    expect(run.partial).toMatch(/one stage.*time to first byte.*estimated/);
  });

  it('is refused when it is not JSON or not an Artillery report', () => {
    for (const text of ['not json', '{"results": []}']) {
      let error: unknown;
      try {
        importArtilleryReport(text, ctx);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).code).toBe('invalid_input');
    }
  });
});
