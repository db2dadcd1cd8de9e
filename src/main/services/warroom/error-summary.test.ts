import { describe, expect, it } from 'vitest';
import type { LogLine } from '../../../shared/logs';
import { pickErrorLine, summariseRecord, tracebackCause } from './error-summary';

const line = (timestamp: number, message: string): LogLine => ({
  key: String(timestamp),
  timestamp,
  endpoint: 'DEFAULT',
  stream: 's',
  level: 'error',
  message,
  json: message.startsWith('{'),
});

describe('the error line a tile shows', () => {
  it('prefers the plain line with the cause over the structured record logged just after it', () => {
    const picked = pickErrorLine([
      line(1_000, '2026-12-01 - agent - ERROR - Agent invocation failed: ThrottlingException: Rate exceeded'),
      line(1_002, JSON.stringify({ severityText: 'ERROR', body: 'Agent invocation failed' })),
    ]);
    expect(picked).toEqual({ at: 1_000, message: '2026-12-01 - agent - ERROR - Agent invocation failed: ThrottlingException: Rate exceeded' });
  });

  it('shows a JSON record alone by its message and error type, not as raw braces', () => {
    const picked = pickErrorLine([
      line(5_000, JSON.stringify({ level: 'ERROR', message: 'Invocation failed', errorType: 'ValidationException', statusCode: 500 })),
    ]);
    expect(picked).toEqual({ at: 5_000, message: 'Invocation failed (ValidationException, 500)' });
  });

  it('does not reach back past the same failure for a plain line', () => {
    const picked = pickErrorLine([line(0, 'old failure'), line(60_000, JSON.stringify({ body: { message: 'Agent invocation failed' } }))]);
    expect(picked?.message).toBe('Agent invocation failed');
  });

  it('keeps text it cannot summarise as it is, and answers null without lines', () => {
    expect(summariseRecord('{not json')).toBe('{not json');
    expect(summariseRecord('[1,2]')).toBe('[1,2]');
    expect(summariseRecord('{"count":3}')).toBe('{"count":3}');
    expect(summariseRecord(JSON.stringify({ attributes: { 'exception.message': 'boom', 'exception.type': 'KeyError' } }))).toBe('boom (KeyError)');
    expect(pickErrorLine([])).toBeNull();
  });

  it('shows a traceback by its last line, where Python names the exception', () => {
    const traceback =
      'Traceback (most recent call last):\n  File "/app/agent.py", line 88, in invoke\n    result = agent(payload["prompt"])\nKeyError: \'order_id\'\n';
    expect(pickErrorLine([line(1_000, traceback)])?.message).toBe("KeyError: 'order_id'");
    expect(tracebackCause('Traceback')).toBe('Traceback');
    expect(tracebackCause('plain error')).toBe('plain error');
  });
});
