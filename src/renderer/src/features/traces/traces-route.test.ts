import { describe, expect, it } from 'vitest';
import { parseTracesQuery, tracesQuery } from './traces-route';

const agent = 'demo|us-east-1|runtime|sre_supervisor-abc';
const trace = '0123456789abcdef0123456789abcdef';

describe('the traces URL', () => {
  it('round-trips a trace view with the invocation time and the open span', () => {
    const view = parseTracesQuery(tracesQuery({ agent, trace, at: 1_764_000_000_000, span: 'abcdefabcdefabcd' }));
    expect(view).toMatchObject({ agent, trace, at: 1_764_000_000_000, span: 'abcdefabcdefabcd' });
  });

  it('accepts the X-Ray form of a trace id and refuses anything else', () => {
    expect(parseTracesQuery({ agent, trace: '1-5f8a1b2c-0123456789abcdef01234567' }).trace).not.toBeNull();
    expect(parseTracesQuery({ agent, trace: '<script>' }).trace).toBeNull();
    expect(parseTracesQuery({ trace }).trace).toBeNull(); // a trace needs its agent: spans are read in the agent's region
  });

  it('keeps only known windows and leaves the default out of links', () => {
    expect(parseTracesQuery({ agent, last: '12345' }).lastMs).toBe(3_600_000);
    expect(tracesQuery({ agent, lastMs: 3_600_000 })).toEqual({ agent });
    expect(tracesQuery({ agent, lastMs: 86_400_000 })).toEqual({ agent, last: '86400000' });
  });
});
