import { describe, expect, it } from 'vitest';
import { loadTestQuery, parseLoadTestQuery, type LoadTestView } from './loadtest-route';

const agent = 'demo|us-east-1|runtime|sre_supervisor-abc';

describe('load-test route', () => {
  it.each<LoadTestView>([
    { kind: 'runs' },
    { kind: 'new', agent: null, from: null },
    { kind: 'new', agent, from: 'run_01' },
    { kind: 'run', runId: 'run_01' },
    { kind: 'compare', runIds: ['a1', 'b2'] },
  ])('reads back what it writes: %o', (view) => {
    expect(parseLoadTestQuery(loadTestQuery(view))).toEqual(view);
  });

  it('falls back to the runs list on ids and keys it does not accept', () => {
    expect(parseLoadTestQuery({ run: '../etc' })).toEqual({ kind: 'runs' });
    expect(parseLoadTestQuery({ compare: 'a,b,c' })).toEqual({ kind: 'runs' });
    expect(parseLoadTestQuery({ view: 'new', agent: 'not-a-key' })).toEqual({ kind: 'new', agent: null, from: null });
  });
});
