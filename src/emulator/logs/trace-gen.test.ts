import { describe, expect, it } from 'vitest';
import { bigTrace, type BigTraceSpec } from './trace-gen';
import { expectWellFormed, parseSpan } from './span-test-kit';

const spec = (spans: number, orphans = 0, malformed = 0): BigTraceSpec => ({
  source: { runtimeId: 'sre_supervisor-AbCdEf1234', runtimeName: 'sre_supervisor', endpointName: 'DEFAULT', region: 'us-east-1', accountId: '123456789012' },
  model: 'us.amazon.nova-pro-v1:0',
  traceId: 'a'.repeat(32),
  sessionId: 'big-session',
  spans,
  orphans,
  malformed,
  startTime: Date.UTC(2026, 10, 25, 12),
  durationMs: 60_000,
});

describe('big traces', () => {
  it('has exactly the asked number of spans, for small and large sizes', () => {
    for (const n of [1, 2, 3, 4, 5, 6, 7, 13, 50, 333]) {
      const t = bigTrace(7, spec(n));
      const spans = t.spans.map((s) => parseSpan(s.message));
      expect(spans).toHaveLength(n);
      expectWellFormed(spans);
    }
  });

  it('is deep, with model calls, tools, memory and sub-agents', () => {
    const spans = bigTrace(7, spec(2000)).spans.map((s) => parseSpan(s.message));
    expectWellFormed(spans);
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    const depth = (id: string | undefined): number => (id ? 1 + depth(byId.get(id)?.parentSpanId) : 0);
    expect(Math.max(...spans.map((s) => depth(s.spanId)))).toBeGreaterThanOrEqual(8);
    expect(spans.filter((s) => s.name.startsWith('invoke_agent ')).length).toBeGreaterThan(1);
    expect(spans.some((s) => s.attributes['rpc.method'] === 'RetrieveMemoryRecords')).toBe(true);
    expect(spans.filter((s) => s.name.startsWith('chat ')).every((s) => Number(s.attributes['gen_ai.usage.input_tokens']) > 0)).toBe(true);
  });

  it('adds orphans among the spans and malformed records beside them', () => {
    const t = bigTrace(7, spec(500, 12, 5));
    const spans = t.spans.map((s) => parseSpan(s.message));
    expect(spans).toHaveLength(500);
    expectWellFormed(spans, 12);
    expect(t.malformed).toHaveLength(5);
    for (const m of t.malformed) expect(() => JSON.parse(m.message)).toThrow();
  });
});
