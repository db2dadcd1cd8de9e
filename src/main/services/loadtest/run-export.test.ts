import { describe, expect, it } from 'vitest';
import { scenarioSchema, type LoadRun, type Percentiles } from '../../../shared/loadtest';
import { CSV_COLUMNS, exportRun, runCsv, runMarkdown } from './run-export';

const pct = (p50: number | null): Percentiles => ({ count: p50 === null ? 0 : 10, min: p50, mean: p50, p50, p90: p50, p95: p50, p99: p50, max: p50 });
const T0 = Date.UTC(2026, 11, 1, 12, 0, 0);
const run: LoadRun = {
  summary: {
    id: 'r1',
    name: 'Checkout | smoke',
    agentKey: 'demo|us-east-1|runtime|a',
    agentName: 'checkout_agent',
    qualifier: 'DEFAULT',
    source: 'console',
    startedAt: T0,
    endedAt: T0 + 2000,
    status: 'completed',
    verdict: 'fail',
    requests: 10,
    failed: 2,
  },
  scenario: scenarioSchema.parse({
    name: 'x',
    agentKey: 'demo|us-east-1|runtime|a',
    qualifier: 'DEFAULT',
    prompts: { kind: 'list', prompts: ['p'] },
    users: 2,
    stop: { kind: 'requests', count: 10 },
  }),
  stages: [
    {
      index: 0,
      users: 2,
      startedAt: T0,
      endedAt: T0 + 2000,
      requests: 10,
      succeeded: 8,
      errors: { throttled: 2 },
      latencyMs: pct(1500),
      ttfbMs: pct(120),
      bytes: 4096,
      coldStarts: 2,
      achievedRps: 5,
      scheduledRps: 5.2,
      histogram: [[2000, 10]],
    },
  ],
  acceptance: [{ row: { users: 2, latencyMs: 2000, successPct: 95 }, stageIndex: 0, measuredPct: 80, measuredLatencyMs: 1500, pass: false }],
  ticks: [{ t: T0 + 1000, stageIndex: 0, activeUsers: 2, requests: 10, succeeded: 8, errors: { throttled: 2 }, p50Ms: 1500, p90Ms: 1500, p99Ms: null }],
  errorSamples: [{ at: T0 + 500, errorClass: 'throttled', status: 429, message: 'Rate exceeded, "slow down"' }],
};

describe('run exports', () => {
  it('writes CSV with one row per stage and per tick under the documented columns', () => {
    const lines = runCsv(run).split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines[1]).toBe('stage,0,2026-12-01T12:00:00.000Z,2,10,8,2,0,0,0,0,0,1500,1500,1500,1500,120,4096,2,5,5.2');
    expect(lines[2]).toBe('tick,0,2026-12-01T12:00:01.000Z,2,10,8,2,0,0,0,0,0,1500,1500,,,,,,,');
    expect(lines.at(-1)).toBe('');
    expect(lines[1]!.split(',')).toHaveLength(CSV_COLUMNS.length);
  });

  it('writes Markdown with the measured figure beside each limit and errors by class with samples', () => {
    const md = runMarkdown(run);
    expect(md).toContain('# Load test “Checkout \\| smoke”');
    expect(md).toContain('| 2 | 2.00 s | 95 % | 80.00 % | 1.50 s | FAIL |');
    expect(md).toContain('| 1 | 2 | 10 | 8 | 1.50 s | 1.50 s | 1.50 s | 1.50 s | 5.00 (5.20) | 2 |');
    expect(md).toContain('- **throttled**: 2\n  - 2026-12-01T12:00:00.500Z HTTP 429: Rate exceeded, "slow down"');
  });

  it('names each file for the run and keeps JSON as stored', () => {
    expect(exportRun(run, 'csv').fileName).toBe('loadtest-checkout-smoke-2026-12-01-12-00-00.csv');
    expect(JSON.parse(exportRun(run, 'json').content)).toEqual(run);
    expect(exportRun(run, 'markdown').mimeType).toBe('text/markdown');
  });
});
