import { describe, expect, it } from 'vitest';
import { evaluateRow, verdictOf } from './acceptance';

const stage = (requests: number, withinLimit: number) => ({ stageIndex: 1, requests, withinLimit, percentile: (p: number) => p * 10 });

describe('acceptance rows', () => {
  it('pass when the share within the limit reaches the success rate, with the latency at that percentile beside it', () => {
    expect(evaluateRow({ users: 10, latencyMs: 2000, successPct: 98 }, stage(50, 49))).toEqual({
      row: { users: 10, latencyMs: 2000, successPct: 98 },
      stageIndex: 1,
      measuredPct: 98,
      measuredLatencyMs: 980,
      pass: true,
    });
    expect(evaluateRow({ users: 10, latencyMs: 2000, successPct: 98 }, stage(50, 48)).pass).toBe(false);
    expect(evaluateRow({ users: 10, latencyMs: 2000, successPct: 100 }, stage(3, 3)).pass).toBe(true);
  });

  it('fail when the stage sent nothing', () => {
    expect(evaluateRow({ users: 10, latencyMs: 2000, successPct: 0 }, stage(0, 0))).toMatchObject({ measuredPct: null, measuredLatencyMs: null, pass: false });
    expect(evaluateRow({ users: 10, latencyMs: 2000, successPct: 0 }, undefined)).toMatchObject({ stageIndex: -1, pass: false });
  });

  it('give a verdict only with a table', () => {
    const row = { users: 1, latencyMs: 1, successPct: 1 };
    expect(verdictOf([])).toBe('none');
    expect(verdictOf([evaluateRow(row, stage(1, 1))])).toBe('pass');
    expect(verdictOf([evaluateRow(row, stage(1, 1)), evaluateRow(row, stage(1, 0))])).toBe('fail');
  });
});
