import { describe, expect, it } from 'vitest';
import { parseSpanRecord, type ParsedSpan } from './span-record';
import { buildTrace } from './trace-tree';

const T = '0123456789abcdef0123456789abcdef';
let n = 0;
function span(name: string, start: number, end: number, extra: Partial<ParsedSpan> = {}): ParsedSpan {
  const spanId = extra.spanId ?? (++n).toString(16).padStart(16, '0');
  return { traceId: T, spanId, name, kind: 'INTERNAL', category: 'other', start, end, status: 'ok', attributes: {}, ...extra };
}

describe('a trace from its spans', () => {
  it('nests children under parents in start order, whatever order they arrived in', () => {
    const root = span('POST /invocations', 0, 100, { spanId: 'a'.repeat(16) });
    const second = span('execute_tool', 50, 90, { spanId: 'c'.repeat(16), parentSpanId: root.spanId });
    const first = span('chat', 10, 50, { spanId: 'b'.repeat(16), parentSpanId: root.spanId });
    const grandchild = span('RetrieveMemoryRecords', 12, 20, { spanId: 'd'.repeat(16), parentSpanId: first.spanId });
    const trace = buildTrace(T, [grandchild, second, root, first], 0, 'insights');
    expect(trace.spans.map((s) => [s.name, s.depth])).toEqual([
      ['POST /invocations', 0],
      ['chat', 1],
      ['RetrieveMemoryRecords', 2],
      ['execute_tool', 1],
    ]);
    expect(trace.spans[0]!.childCount).toBe(2);
    expect(trace.start).toBe(0);
    expect(trace.end).toBe(100);
  });

  it('keeps a span whose parent never arrived as an orphan root after the true roots', () => {
    const root = span('root', 0, 100);
    const lost = span('lost child', 5, 10, { parentSpanId: 'f'.repeat(16) });
    const trace = buildTrace(T, [lost, root], 0, 'insights');
    expect(trace.spans.map((s) => [s.name, s.depth, s.orphan])).toEqual([
      ['root', 0, false],
      ['lost child', 0, true],
    ]);
    expect(trace.orphans).toBe(1);
  });

  it('marks the critical path: the last-finishing chain of sequential children', () => {
    const root = span('root', 0, 100);
    const a = span('a', 0, 40, { parentSpanId: root.spanId });
    const b = span('b (parallel to a, ends first)', 5, 30, { parentSpanId: root.spanId });
    const c = span('c', 45, 98, { parentSpanId: root.spanId });
    const c1 = span('c1', 50, 95, { parentSpanId: c.spanId });
    const trace = buildTrace(T, [root, a, b, c, c1], 0, 'insights');
    const critical = Object.fromEntries(trace.spans.map((s) => [s.name, s.critical]));
    expect(critical).toEqual({ root: true, a: true, 'b (parallel to a, ends first)': false, c: true, c1: true });
  });

  it('counts errors and sums tokens per model', () => {
    const root = span('root', 0, 100);
    const chat1 = span('chat', 1, 20, { parentSpanId: root.spanId, category: 'model', model: 'm1', inputTokens: 100, outputTokens: 10 });
    const chat2 = span('chat', 30, 50, {
      parentSpanId: root.spanId,
      category: 'model',
      model: 'm1',
      inputTokens: 50,
      outputTokens: 5,
      status: 'error',
      error: 'boom',
    });
    const trace = buildTrace(T, [root, chat1, chat2], 2, 'filter');
    expect(trace.errors).toBe(1);
    expect(trace.malformed).toBe(2);
    expect(trace.models).toEqual([{ model: 'm1', calls: 2, inputTokens: 150, outputTokens: 15 }]);
  });

  it('survives a parent cycle and a span listed twice', () => {
    const x = span('x', 0, 10, { spanId: '1'.repeat(16), parentSpanId: '2'.repeat(16) });
    const y = span('y', 1, 9, { spanId: '2'.repeat(16), parentSpanId: '1'.repeat(16) });
    const trace = buildTrace(T, [x, y, { ...y }], 0, 'insights');
    expect(trace.spans.map((s) => [s.name, s.depth, s.orphan])).toEqual([
      ['x', 0, true],
      ['y', 1, false],
    ]);
  });

  it('lays out a 10,000-deep chain without overflowing the stack', () => {
    const spans: ParsedSpan[] = [];
    for (let i = 0; i < 10_000; i++)
      spans.push(
        span(`s${i}`, i, 20_000 - i, { spanId: i.toString(16).padStart(16, '0'), ...(i ? { parentSpanId: (i - 1).toString(16).padStart(16, '0') } : {}) }),
      );
    const trace = buildTrace(T, spans.reverse(), 0, 'insights');
    expect(trace.spans).toHaveLength(10_000);
    expect(trace.spans.at(-1)!.depth).toBe(9_999);
    expect(trace.spans.every((s) => s.critical)).toBe(true);
  });
});

describe('a span record', () => {
  const record = {
    traceId: T,
    spanId: 'abcdefabcdefabcd',
    parentSpanId: '1234567812345678',
    name: 'chat us.anthropic.claude-sonnet-4-20250514-v1:0',
    kind: 'SPAN_KIND_CLIENT',
    startTimeUnixNano: '1764590400000000000',
    endTimeUnixNano: 1764590401500000000,
    status: { code: 'STATUS_CODE_ERROR', message: 'ThrottlingException' },
    attributes: {
      'session.id': 's-1',
      'gen_ai.operation.name': 'chat',
      'gen_ai.request.model': 'us.anthropic.claude-sonnet-4-20250514-v1:0',
      'gen_ai.usage.input_tokens': 12,
      gen_ai: { usage: { output_tokens: 3 } },
    },
    resource: { attributes: { 'service.name': 'sre_supervisor.DEFAULT', 'cloud.resource_id': 'arn:aws:bedrock-agentcore:us-east-1:1:runtime/abc' } },
  };

  it('normalises kinds, status codes, nanosecond times and nested attributes', () => {
    const s = parseSpanRecord(JSON.stringify(record))!;
    expect(s).toMatchObject({
      kind: 'CLIENT',
      category: 'model',
      status: 'error',
      error: 'ThrottlingException',
      inputTokens: 12,
      outputTokens: 3,
      sessionId: 's-1',
    });
    expect(s.start).toBe(1764590400000);
    expect(s.end - s.start).toBeCloseTo(1500, 0);
    expect(s.model).toBe('us.anthropic.claude-sonnet-4-20250514-v1:0');
    expect(s.resourceId).toContain('runtime/abc');
  });

  it('refuses what is not span JSON instead of throwing', () => {
    expect(parseSpanRecord('{"traceId": "0123')).toBeNull();
    expect(parseSpanRecord('plain text line')).toBeNull();
    expect(parseSpanRecord(JSON.stringify({ ...record, spanId: undefined }))).toBeNull();
    expect(parseSpanRecord(JSON.stringify({ ...record, startTimeUnixNano: 'soon' }))).toBeNull();
  });

  it('tells tools, memory and agent spans apart', () => {
    const cat = (name: string, attributes: Record<string, unknown>) => parseSpanRecord(JSON.stringify({ ...record, name, attributes, status: {} }))!.category;
    expect(cat('execute_tool get_pod_status', { 'gen_ai.tool.name': 'get_pod_status' })).toBe('tool');
    expect(cat('RetrieveMemoryRecords', { 'rpc.method': 'RetrieveMemoryRecords', 'aws.bedrock_agentcore.memory_id': 'm' })).toBe('memory');
    expect(cat('invoke_agent sre', { 'gen_ai.operation.name': 'invoke_agent' })).toBe('agent');
    expect(cat('execute_event_loop_cycle', { 'event_loop.cycle_id': 'c' })).toBe('cycle');
  });
});
