import { describe, expect, it } from 'vitest';
import type { Outcome } from '../kit/traffic';
import type { InvocationFacts } from './line-gen';
import { invocationSpans } from './span-gen';
import { expectWellFormed, parseSpan, type ParsedSpan } from './span-test-kit';

const SEED = 7;

function facts(i: number, outcome: Outcome, runtimeName = 'sre_supervisor'): InvocationFacts {
  return {
    runtimeId: `${runtimeName}-AbCdEf${i % 3}`,
    runtimeName,
    endpointName: 'DEFAULT',
    region: 'us-east-1',
    accountId: '123456789012',
    sessionId: `session-${i}`,
    startedAt: Date.UTC(2026, 10, 25, 12) + i * 1000,
    latencyMs: i % 4 === 0 ? 0 : 500 + i * 37,
    outcome,
    coldStart: false,
    inputTokens: 1000 + i,
    outputTokens: 200 + i,
    traceId: `1-6745a000-${String(i).padStart(24, '0')}`,
    key: `k${i}`,
    promptChars: 40,
    ...(outcome === 'system_error' ? { errorMessage: 'RuntimeError: boom' } : {}),
  };
}

const tree = (f: InvocationFacts): ParsedSpan[] => invocationSpans(SEED, f).map((s) => parseSpan(s.message));
const names = (spans: ParsedSpan[], prefix: string) => spans.filter((s) => s.name.startsWith(prefix));

describe('invocation span trees', () => {
  it('are well formed, inside the invocation, with chat tokens summing to the totals', () => {
    for (let i = 0; i < 200; i++) {
      const f = facts(i, 'ok', i % 2 ? 'sre_supervisor' : 'coach_companion');
      const spans = tree(f);
      expectWellFormed(spans);
      const root = spans.find((s) => !s.parentSpanId)!;
      expect(root.name).toBe('POST /invocations');
      expect(root.start).toBe(BigInt(f.startedAt) * 1_000_000n);
      expect(root.end).toBe(BigInt(f.startedAt + Math.max(f.latencyMs, 20)) * 1_000_000n);
      const chats = names(spans, 'chat ');
      expect(chats.reduce((n, s) => n + Number(s.attributes['gen_ai.usage.input_tokens']), 0)).toBe(f.inputTokens);
      expect(chats.reduce((n, s) => n + Number(s.attributes['gen_ai.usage.output_tokens']), 0)).toBe(f.outputTokens);
      const cycles = names(spans, 'execute_event_loop_cycle');
      expect(cycles.length).toBeGreaterThanOrEqual(1);
      expect(cycles.length).toBeLessThanOrEqual(4);
      expect(new Set(spans.map((s) => s.traceId)).size).toBe(1);
      if (f.runtimeName.includes('supervisor')) {
        expect(cycles.length).toBeGreaterThanOrEqual(2);
        expect(names(spans, 'execute_tool ').length).toBeGreaterThanOrEqual(1);
        expect(spans.map((s) => s.attributes['rpc.method']).filter(Boolean)).toEqual(['RetrieveMemoryRecords', 'CreateEvent']);
      }
      // The agent recovered from any failed tool: everything else is OK.
      expect(spans.filter((s) => s.status.code === 'ERROR').every((s) => s.name.startsWith('execute_tool '))).toBe(true);
    }
  });

  it('gives chat spans most of the time and tools tens to hundreds of ms', () => {
    const spans = tree({ ...facts(3, 'ok'), latencyMs: 3000 });
    const ms = (s: ParsedSpan) => Number(s.end - s.start) / 1e6;
    const chat = names(spans, 'chat ').reduce((n, s) => n + ms(s), 0);
    expect(chat).toBeGreaterThan(1500);
    for (const t of names(spans, 'execute_tool ')) expect(ms(t)).toBeGreaterThan(10);
  });

  it('marks the failing span and its ancestors on a system error, and stops there', () => {
    for (let i = 0; i < 50; i++) {
      const spans = tree(facts(i, 'system_error'));
      expectWellFormed(spans);
      const failed = spans.filter((s) => s.status.code === 'ERROR');
      expect(failed).toHaveLength(4);
      expect(failed.every((s) => s.status.message === 'RuntimeError: boom')).toBe(true);
      const leaf = failed.find((s) => s.name.startsWith('chat ') || s.name.startsWith('execute_tool '))!;
      // Nothing starts after the failure, and the memory write never happens.
      expect(spans.every((s) => s.start <= leaf.end || !s.parentSpanId || s.name === 'POST /invocations')).toBe(true);
      expect(spans.some((s) => s.attributes['rpc.method'] === 'CreateEvent')).toBe(false);
    }
  });

  it('fails a recovered tool in about 5 % of ok invocations', () => {
    let withFailedTool = 0;
    for (let i = 0; i < 1000; i++) if (tree(facts(i, 'ok')).some((s) => s.status.code === 'ERROR')) withFailedTool++;
    expect(withFailedTool).toBeGreaterThan(20);
    expect(withFailedTool).toBeLessThan(90);
  });

  it('writes only the server span for a user error and nothing when throttled', () => {
    const spans = tree(facts(1, 'user_error'));
    expect(spans.map((s) => [s.name, s.status.code])).toEqual([['POST /invocations', 'ERROR']]);
    expect(invocationSpans(SEED, facts(1, 'throttled'))).toEqual([]);
  });

  it('is deterministic and stamps each record with its span end', () => {
    const a = invocationSpans(SEED, facts(5, 'ok'));
    expect(invocationSpans(SEED, facts(5, 'ok'))).toEqual(a);
    for (const s of a) expect(BigInt(s.timestamp)).toBe(parseSpan(s.message).end / 1_000_000n);
  });
});
