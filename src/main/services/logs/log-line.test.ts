import { describe, expect, it } from 'vitest';
import { LINE_PREVIEW_CHARS } from '../../../shared/logs';
import { cleanMessage, lineKey, toLogLine } from './log-line';

const at = (message: string) => toLogLine('DEFAULT', { timestamp: 1_700_000_000_000, logStreamName: '2026/12/01/[runtime-logs]abc', message }).line;

describe('toLogLine', () => {
  it.each([
    ['{"level":"ERROR","message":"Invocation failed"}', 'error'],
    ['{"severityText":"WARN","body":"slow"}', 'warn'],
    ['{"severityNumber":9,"body":"done"}', 'info'],
    ['{"levelname":"DEBUG","msg":"x"}', 'debug'],
    ['INFO:     Uvicorn running on http://0.0.0.0:8080', 'info'],
    ['2026-12-01 10:00:00,123 - agent - WARNING - Slow model response', 'warn'],
    ['2026-12-01 10:00:00,123 - agent - ERROR - Agent invocation failed', 'error'],
    ['[DEBUG] cache miss', 'debug'],
    ['ts=1 level=error msg="boom"', 'error'],
    ['Traceback (most recent call last):\n  File "/app/agent.py"', 'error'],
    ['botocore.errorfactory.ModelTimeoutException: Model has timed out', 'error'],
    ['plain words, ERROR later in the text is not a level', 'other'],
  ])('reads the level of %j as %s', (message, level) => {
    expect(at(message).level).toBe(level);
  });

  it('takes session, request and trace ids from JSON records and OTEL attributes', () => {
    const app = at('{"level":"INFO","message":"ok","requestId":"req-1","sessionId":"sess-' + 'a'.repeat(33) + '","traceId":"0af7"}');
    expect(app).toMatchObject({ json: true, requestId: 'req-1', sessionId: 'sess-' + 'a'.repeat(33), traceId: '0af7' });
    const otel = at('{"severityText":"ERROR","attributes":{"session.id":"s-' + 'b'.repeat(33) + '"},"traceId":"abc"}');
    expect(otel).toMatchObject({ level: 'error', sessionId: 's-' + 'b'.repeat(33), traceId: 'abc' });
  });

  it('finds a session id printed in plain text', () => {
    expect(at(`handling sessionId=${'c'.repeat(40)} now`).sessionId).toBe('c'.repeat(40));
    expect(at('no session here').sessionId).toBeUndefined();
  });

  it('keeps invalid JSON and arrays as plain text', () => {
    expect(at('{"level":"ERROR", oops}')).toMatchObject({ json: false, level: 'other' });
    expect(at('[1,2]').json).toBe(false);
  });

  it('cuts a 1 MB line to a preview and hands back the full text', () => {
    const big = '{"level":"INFO","blob":"' + 'x'.repeat(1_000_000) + '"}';
    const { line, full } = toLogLine('DEFAULT', { timestamp: 1, logStreamName: 's', message: big });
    expect(line.message).toHaveLength(LINE_PREVIEW_CHARS);
    expect(line.fullLength).toBe(big.length);
    expect(full).toBe(big);
    expect(line).toMatchObject({ json: true, level: 'info' });
  });

  it('keys an event the same however it arrives, and differently when anything differs', () => {
    expect(lineKey('DEFAULT', 's', 1, 'a')).toBe(lineKey('DEFAULT', 's', 1, 'a'));
    expect(
      new Set([lineKey('DEFAULT', 's', 1, 'a'), lineKey('DEFAULT', 's', 2, 'a'), lineKey('DEFAULT', 't', 1, 'a'), lineKey('DEFAULT', 's', 1, 'b')]).size,
    ).toBe(4);
    expect(at('x').key).toBe(lineKey('DEFAULT', '2026/12/01/[runtime-logs]abc', 1_700_000_000_000, 'x'));
  });
});

describe('cleanMessage', () => {
  it('strips terminal colours and replaces what cannot be drawn', () => {
    expect(cleanMessage('\u001b[32mINFO\u001b[0m:     started')).toBe('INFO:     started');
    expect(cleanMessage('\u001b]8;;https://x\u0007link\u001b]8;;\u0007')).toBe('link');
    expect(cleanMessage('bad byte \udcff here')).toBe('bad byte \uFFFD here');
    expect(cleanMessage('nul\u0000bell\u0007')).toBe('nul\uFFFDbell\uFFFD');
    expect(cleanMessage('tab\tand\nnewline')).toBe('tab\tand\nnewline');
  });
});
