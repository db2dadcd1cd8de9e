import { describe, expect, it } from 'vitest';
import type { LogEvent, LogGroup } from './events';
import { runInsightsQuery, type InsightsSource } from './insights-eval';
import { parseInsightsQuery } from './insights-parse';

const T = Date.UTC(2026, 10, 25, 12);
const group: LogGroup = {
  name: 'aws/spans',
  arn: 'arn:aws:logs:us-east-1:1:log-group:aws/spans',
  region: 'us-east-1',
  accountId: '1',
  creationTime: 0,
  kind: 'spans',
  streams: new Map(),
  storedBytes: 0,
};

function source(i: number, message: string, timestamp = T + i * 1000): InsightsSource {
  const event: LogEvent = { id: String(timestamp).padStart(16, '0') + String(i).padStart(20, '0'), timestamp, ingestionTime: timestamp, message };
  return { group, stream: 'default', event };
}

const span = (i: number, fields: Record<string, unknown>, ts?: number) => source(i, JSON.stringify(fields), ts);
const records = [
  span(0, {
    traceId: 't1',
    spanId: 'a',
    attributes: { 'session.id': 's1', 'gen_ai.request.model': 'm1', 'gen_ai.usage.input_tokens': 10, 'gen_ai.usage.output_tokens': 1 },
  }),
  span(1, {
    traceId: 't1',
    spanId: 'b',
    parentSpanId: 'a',
    attributes: { 'session.id': 's1', 'gen_ai.request.model': 'm1', 'gen_ai.usage.input_tokens': 20, 'gen_ai.usage.output_tokens': 2 },
  }),
  span(2, { traceId: 't2', spanId: 'c', attributes: { 'session.id': 's2', 'gen_ai.request.model': 'm2', 'gen_ai.usage.input_tokens': 5 } }, T + 86_400_000),
  source(3, '{"traceId":"t1","spanId":"trunc'),
  source(4, 'plain text ERROR line'),
];
const run = (q: string, max = 10_000) => runInsightsQuery(parseInsightsQuery(q), records, max);
const rowsAsObjects = (q: string) => run(q).rows.map((r) => Object.fromEntries(r.map((c) => [c.field, c.value])));

describe('Logs Insights evaluation', () => {
  it('filters on flattened JSON fields, with @ptr and formatted @timestamp', () => {
    const rows = rowsAsObjects('fields @timestamp, @message | filter traceId = "t1" | sort @timestamp asc');
    expect(rows.map((r) => JSON.parse(r['@message']!).spanId)).toEqual(['a', 'b']);
    expect(rows[0]!['@timestamp']).toBe('2026-11-25 12:00:00.000');
    expect(rows.every((r) => typeof r['@ptr'] === 'string' && r['@ptr'].length > 10)).toBe(true);
  });

  it('finds roots of a session newest first, and matches non-JSON records on @message only', () => {
    expect(rowsAsObjects('filter attributes.session.id = "s1" and not ispresent(parentSpanId) | sort @timestamp desc').map((r) => r['@timestamp'])).toEqual([
      '2026-11-25 12:00:00.000',
    ]);
    expect(rowsAsObjects('filter @message like /ERROR/').map((r) => r['@message'])).toEqual(['plain text ERROR line']);
    expect(rowsAsObjects('filter traceId like "t"')).toHaveLength(3);
    expect(rowsAsObjects('filter attributes.gen_ai.usage.input_tokens > 5 or traceId = "t2"')).toHaveLength(3);
    expect(rowsAsObjects("filter attributes.gen_ai.usage.input_tokens <= 10 and traceId != 't2'")).toHaveLength(1);
  });

  it('aggregates with aliases, by fields and bins', () => {
    const rows = rowsAsObjects(
      'filter ispresent(attributes.gen_ai.usage.input_tokens) | stats sum(attributes.gen_ai.usage.input_tokens) as inputTokens, sum(attributes.gen_ai.usage.output_tokens) as outputTokens, count(*) as calls by bin(1d), attributes.gen_ai.request.model',
    );
    expect(rows).toEqual([
      { 'bin(1d)': '2026-11-25 00:00:00.000', 'attributes.gen_ai.request.model': 'm1', inputTokens: '30', outputTokens: '3', calls: '2' },
      { 'bin(1d)': '2026-11-26 00:00:00.000', 'attributes.gen_ai.request.model': 'm2', inputTokens: '5', outputTokens: '0', calls: '1' },
    ]);
    const sessions = rowsAsObjects(
      'filter ispresent(attributes.session.id) | stats count(*) as invocations, min(@timestamp) as firstSeen, max(@timestamp) as lastSeen, avg(attributes.gen_ai.usage.input_tokens) as avgIn by attributes.session.id | sort lastSeen desc | limit 1',
    );
    expect(sessions).toEqual([
      { 'attributes.session.id': 's2', invocations: '1', firstSeen: '2026-11-26 12:00:00.000', lastSeen: '2026-11-26 12:00:00.000', avgIn: '5' },
    ]);
    expect(rowsAsObjects('stats count(parentSpanId) as children, count(*)')).toEqual([{ children: '1', 'count(*)': '5' }]);
  });

  it('applies limits and reports what matched', () => {
    const out = run('filter ispresent(traceId) | limit 2');
    expect(out.rows).toHaveLength(2);
    expect(out.recordsMatched).toBe(3);
    expect(run('fields @message', 1).rows).toHaveLength(1);
  });
});
