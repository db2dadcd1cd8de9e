import { describe, expect, it } from 'vitest';
import { evaluateExpression, ExpressionSyntaxError, ExpressionUnsupportedError, type Series } from './expression';

const inv: Series = new Map([
  [60, 10],
  [120, 20],
  [180, 0],
]);
const err: Series = new Map([
  [60, 1],
  [120, 5],
]);
const env = { series: (id: string) => ({ inv, err })[id], all: () => [inv, err] };
const obj = (s: Series) => Object.fromEntries(s);

describe('evaluateExpression', () => {
  it('does arithmetic on the timestamps both series share', () => {
    expect(obj(evaluateExpression('100 * err / inv', env))).toEqual({ 60: 10, 120: 25 });
    expect(obj(evaluateExpression('-(inv - err)', env))).toEqual({ 60: -9, 120: -15 });
  });

  it('drops division by zero and supports functions', () => {
    expect(obj(evaluateExpression('err / inv', { ...env, series: (id) => (id === 'err' ? new Map([[180, 1]]) : inv) }))).toEqual({});
    expect(obj(evaluateExpression('SUM(METRICS())', env))).toEqual({ 60: 11, 120: 25, 180: 0 });
    expect(obj(evaluateExpression('FILL(err, 0)', env))).toEqual({ 60: 1, 120: 5, 180: 0 });
    expect(obj(evaluateExpression('MAX(inv, err)', env))).toEqual({ 60: 10, 120: 20, 180: 0 });
  });

  it('separates syntax errors from unsupported functions', () => {
    expect(() => evaluateExpression('inv +', env)).toThrow(ExpressionSyntaxError);
    expect(() => evaluateExpression('nope * 2', env)).toThrow(ExpressionSyntaxError);
    expect(() => evaluateExpression('ANOMALY_DETECTION_BAND(inv)', env)).toThrow(ExpressionUnsupportedError);
  });
});
