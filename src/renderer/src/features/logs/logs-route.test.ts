import { describe, expect, it } from 'vitest';
import { logsAround, logsQuery, parseAlso, parseLogsQuery, resolveRange, toggleLevel } from './logs-route';

const A = 'default|us-east-1|runtime|sre_supervisor-AbC123';
const B = 'prod,eu|eu-west-1|runtime|billing-XyZ9';

describe('logs routes', () => {
  it('opens the live tail of DEFAULT for a bare agent link, and nothing without a valid agent', () => {
    expect(parseLogsQuery({ agent: A })).toMatchObject({ agent: A, endpoint: 'DEFAULT', mode: 'live', filter: '', levels: null, also: [] });
    expect(parseLogsQuery({ agent: 'not-a-key' }).agent).toBeNull();
    expect(parseLogsQuery({ agent: A, endpoint: 'bad endpoint!' }).endpoint).toBe('DEFAULT');
  });

  it('reads the existing chat link (agent, session, at) as history around that moment', () => {
    const view = parseLogsQuery({ agent: A, session: 's'.repeat(40), at: '1700000000000' });
    expect(view.mode).toBe('history');
    expect(view.range).toEqual({ kind: 'absolute', from: 1_700_000_000_000 - 300_000, to: 1_700_000_000_000 + 300_000 });
    expect(view.session).toBe('s'.repeat(40));
    expect(view.at).toBe(1_700_000_000_000);
  });

  it('takes from/to over range, and range over the default hour', () => {
    expect(parseLogsQuery({ agent: A, from: '10', to: '20', range: '5m' }).range).toEqual({ kind: 'absolute', from: 10, to: 20 });
    expect(parseLogsQuery({ agent: A, from: '20', to: '10', range: '5m' }).range).toEqual({ kind: 'relative', range: '5m' });
    expect(parseLogsQuery({ agent: A, range: '24h' })).toMatchObject({ mode: 'history', range: { kind: 'relative', range: '24h' } });
    expect(parseLogsQuery({ agent: A, range: 'forever', mode: 'history' }).range).toEqual({ kind: 'relative', range: '1h' });
    expect(parseLogsQuery({ agent: A, range: '5m', mode: 'live' }).mode).toBe('live');
  });

  it('reads levels, dropping unknown ones; all levels is no filter', () => {
    expect(parseLogsQuery({ agent: A, levels: 'error,bogus,warn' }).levels).toEqual(['error', 'warn']);
    expect(parseLogsQuery({ agent: A, levels: 'error,warn,info,debug,other' }).levels).toBeNull();
    expect(parseLogsQuery({ agent: A, levels: 'bogus' }).levels).toBeNull();
  });

  it('reads more panes, with endpoints, commas in profile names, and at most two', () => {
    expect(parseAlso(`${A}@prod,${B}`)).toEqual([
      { agent: A, endpoint: 'prod' },
      { agent: B, endpoint: 'DEFAULT' },
    ]);
    expect(parseAlso(`${A},${A}@x,${B},${A}@y`)).toHaveLength(2);
    expect(parseAlso('junk,,')).toEqual([]);
  });

  it('writes a view back that reads the same, defaults left out', () => {
    const view = parseLogsQuery({
      agent: A,
      endpoint: 'prod',
      mode: 'history',
      range: '5m',
      filter: 'ERROR',
      highlight: '/time.?out/i',
      levels: 'error',
      only: '1',
      also: `${B}@beta`,
    });
    const q = logsQuery({ ...view, agent: A });
    expect(q).toEqual({
      agent: A,
      endpoint: 'prod',
      mode: 'history',
      range: '5m',
      filter: 'ERROR',
      highlight: '/time.?out/i',
      levels: 'error',
      only: '1',
      also: `${B}@beta`,
    });
    expect(parseLogsQuery(q)).toEqual(view);
    expect(logsQuery({ agent: A })).toEqual({ agent: A });
    // A live view carries no range.
    expect(logsQuery({ agent: A, mode: 'live', range: { kind: 'absolute', from: 1, to: 2 } })).toEqual({ agent: A, mode: 'live' });
  });

  it('opens the window around one reply: 30 s before it, 60 s after it ended', () => {
    const q = logsAround({ agent: A, endpoint: 'prod', session: 'r'.repeat(36), at: 1_000_000, durationMs: 4_000 });
    expect(q).toEqual({ agent: A, endpoint: 'prod', mode: 'history', from: '970000', to: '1064000', at: '1000000', session: 'r'.repeat(36) });
    expect(parseLogsQuery(q)).toMatchObject({ mode: 'history', range: { kind: 'absolute', from: 970_000, to: 1_064_000 }, at: 1_000_000 });
    expect(logsAround({ agent: A, at: 10_000 })).toMatchObject({ from: '0', to: '70000' });
  });

  it('resolves relative ranges against now', () => {
    expect(resolveRange({ kind: 'relative', range: '5m' }, 1_000_000)).toEqual({ startTime: 700_000, endTime: 1_000_000 });
    expect(resolveRange({ kind: 'absolute', from: 1, to: 2 }, 99)).toEqual({ startTime: 1, endTime: 2 });
  });

  it('toggles levels, never hiding the last one shown', () => {
    expect(toggleLevel(null, 'debug', false)).toEqual(['error', 'warn', 'info', 'other']);
    expect(toggleLevel(['error', 'warn', 'info', 'other'], 'debug', true)).toBeNull();
    expect(toggleLevel(['error'], 'error', false)).toEqual(['error']);
  });
});
