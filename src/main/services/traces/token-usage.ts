/**
 * Tokens per model per day from the model spans an agent wrote: one Logs
 * Insights stats query, so a week of a busy agent costs one scan rather than
 * reading every span. This is what the cost view multiplies by model prices.
 */
import type { TokenUsage, TokenUsageDay, TraceNotice } from '../../../shared/traces';
import type { LogTarget } from '../logs/log-target';
import { quote } from './insights-query';
import { NoSpansGroupError, type SpanReads } from './span-reads';

/** Insights prints times as `2026-11-30 00:00:00.000` (UTC). */
export function insightsTime(value: string | undefined): number {
  if (!value) return NaN;
  return Date.parse(`${value.trim().replace(' ', 'T')}${/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? '' : 'Z'}`);
}

const count = (v: string | undefined): number => {
  const n = Number(v);
  return Number.isFinite(n) && n >= 0 ? n : 0;
};

export async function tokenUsage(reads: SpanReads, target: LogTarget, startMs: number, endMs: number, signal?: AbortSignal): Promise<TokenUsage> {
  const base = { agentKey: target.resource.key, startTime: startMs, endTime: endMs };
  const query =
    `filter resource.attributes.cloud.resource_id like ${quote(`runtime/${target.resource.id}`)} and ispresent(attributes.gen_ai.usage.input_tokens)` +
    ' | stats sum(attributes.gen_ai.usage.input_tokens) as inputTokens, sum(attributes.gen_ai.usage.output_tokens) as outputTokens, count(*) as calls' +
    ' by bin(1d), attributes.gen_ai.request.model';
  let rows;
  try {
    rows = await reads.query(target.client, target.resource.region, { startMs, endMs }, query, signal);
  } catch (error) {
    if (error instanceof NoSpansGroupError) return { ...base, days: [], notices: [{ code: 'no_transaction_search', message: error.message }] };
    throw error;
  }
  const days: TokenUsageDay[] = rows
    .map((r) => ({
      day: insightsTime(r['bin(1d)']),
      model: r['attributes.gen_ai.request.model'] || 'unknown model',
      calls: count(r.calls),
      inputTokens: count(r.inputTokens),
      outputTokens: count(r.outputTokens),
    }))
    .filter((d) => Number.isFinite(d.day))
    .sort((a, b) => a.day - b.day || a.model.localeCompare(b.model));
  const notices: TraceNotice[] =
    days.length === 0 ? [{ code: 'no_spans', message: `No model spans with token counts for ${target.resource.name} in this range.` }] : [];
  return { ...base, days, notices };
}
