import { describe, expect, it } from 'vitest';
import { InsightsQueryError, parseInsightsQuery } from './insights-parse';

describe('Logs Insights parser', () => {
  it('parses the console queries', () => {
    expect(parseInsightsQuery(`fields @timestamp, @message | filter traceId = "0123" | sort @timestamp asc | limit 10000`)).toEqual([
      {
        kind: 'fields',
        fields: [
          { field: '@timestamp', name: '@timestamp' },
          { field: '@message', name: '@message' },
        ],
      },
      { kind: 'filter', expr: { kind: 'compare', op: '=', left: { kind: 'field', name: 'traceId' }, right: { kind: 'literal', value: '0123' } } },
      { kind: 'sort', keys: [{ field: '@timestamp', desc: false }] },
      { kind: 'limit', n: 10000 },
    ]);
    const [filter, stats] = parseInsightsQuery(
      `filter resource.attributes.cloud.resource_id like "runtime/x" and ispresent(attributes.gen_ai.usage.input_tokens) | stats sum(attributes.gen_ai.usage.input_tokens) as inputTokens, count(*) as calls by bin(1d), attributes.gen_ai.request.model`,
    );
    expect(filter).toEqual({
      kind: 'filter',
      expr: {
        kind: 'and',
        left: { kind: 'like', subject: { kind: 'field', name: 'resource.attributes.cloud.resource_id' }, pattern: 'runtime/x' },
        right: { kind: 'present', field: 'attributes.gen_ai.usage.input_tokens' },
      },
    });
    expect(stats).toEqual({
      kind: 'stats',
      aggs: [
        { fn: 'sum', field: 'attributes.gen_ai.usage.input_tokens', name: 'inputTokens' },
        { fn: 'count', name: 'calls' },
      ],
      by: [
        { name: 'bin(1d)', binMs: 86_400_000 },
        { name: 'attributes.gen_ai.request.model', field: 'attributes.gen_ai.request.model' },
      ],
    });
  });

  it('handles not, or, parentheses, regexes, single quotes and numbers', () => {
    const [f] = parseInsightsQuery(`FILTER not (a = 'x' or b >= -2.5) and c not like /^er+/i and d != 3`);
    expect(f).toMatchObject({ kind: 'filter', expr: { kind: 'and', left: { kind: 'and', left: { kind: 'not' } } } });
    const [g] = parseInsightsQuery('stats count(*) by bin(5m)');
    expect(g).toMatchObject({ by: [{ name: 'bin(5m)', binMs: 300_000 }], aggs: [{ name: 'count(*)' }] });
    expect(parseInsightsQuery('sort lastSeen')).toEqual([{ kind: 'sort', keys: [{ field: 'lastSeen', desc: true }] }]);
  });

  it.each([
    ['', /empty/],
    ['junk here', /Unknown or unsupported command 'junk'/],
    ['filter a =', /Expected a field or a value but the query ended/],
    ['filter a = "x', /Unterminated string/],
    ['filter a', /Expected a comparison/],
    ['stats median(x)', /Unsupported stats function 'median'/],
    ['stats sum(*)', /only count\(\*\)/],
    ['limit 0', /limit takes a whole number/],
    ['limit 20000', /limit takes a whole number/],
    ['fields a | parse @message "x"', /Unknown or unsupported command 'parse'/],
    ['filter strlen(a) > 2', /Unsupported function 'strlen'/],
    ['stats count(*) by bin(5y)', /Unknown time unit 'y'/],
    ['filter a like /(/', /Invalid regular expression/],
    ['fields a b', /Unexpected symbol 'b'/],
    ['filter a = 1 ; b', /Unexpected character ';'/],
  ])('rejects %j', (query, message) => {
    expect(() => parseInsightsQuery(query)).toThrow(InsightsQueryError);
    expect(() => parseInsightsQuery(query)).toThrow(message);
  });
});
