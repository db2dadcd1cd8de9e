/**
 * Pass/fail per acceptance row: a row passes when the share of its stage's
 * requests that succeeded within the latency limit reaches the success rate.
 * Beside the limit it shows the stage's latency at that percentile, so "99 %
 * under 10 s" reads as "measured 99.4 %, p99 7.8 s".
 */
import type { AcceptanceResult, AcceptanceRow, LoadRunSummary } from '../../../shared/loadtest';

export interface StageMeasure {
  stageIndex: number;
  requests: number;
  withinLimit: number;
  /** Latency at a percentile over the stage's successful requests. */
  percentile(p: number): number | null;
}

export function evaluateRow(row: AcceptanceRow, stage: StageMeasure | undefined): AcceptanceResult {
  if (!stage || stage.requests === 0) return { row, stageIndex: stage?.stageIndex ?? -1, measuredPct: null, measuredLatencyMs: null, pass: false };
  const measuredPct = (stage.withinLimit / stage.requests) * 100;
  return {
    row,
    stageIndex: stage.stageIndex,
    measuredPct,
    measuredLatencyMs: stage.percentile(Math.max(1, row.successPct)),
    // Float division can land a hair below an exact share (49 of 50 is 98 %), so compare with a little slack.
    pass: measuredPct + 1e-9 >= row.successPct,
  };
}

export function verdictOf(results: AcceptanceResult[]): LoadRunSummary['verdict'] {
  if (results.length === 0) return 'none';
  return results.every((r) => r.pass) ? 'pass' : 'fail';
}
