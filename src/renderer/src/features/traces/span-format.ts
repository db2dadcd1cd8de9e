/** How a span reads in words, shared by the waterfall rows, the detail panel and the summary. */
import type { IconProps } from '@cloudscape-design/components/icon';
import type { SpanAttribute, SpanCategory, SpanRow } from '../../../../shared/traces';
import { formatCount, formatDuration } from '../chat/format-metrics';

export const categories: Record<SpanCategory, { label: string; icon: IconProps.Name }> = {
  model: { label: 'Model', icon: 'gen-ai' },
  tool: { label: 'Tool', icon: 'settings' },
  memory: { label: 'Memory', icon: 'history' },
  agent: { label: 'Agent', icon: 'user-profile' },
  cycle: { label: 'Cycle', icon: 'refresh' },
  http: { label: 'HTTP', icon: 'globe' },
  other: { label: 'Other', icon: 'ellipsis' },
};

/** Legend order: what people look for first. */
export const categoryOrder: readonly SpanCategory[] = ['agent', 'cycle', 'model', 'tool', 'memory', 'http', 'other'];

/** Spans run in fractions of a millisecond (a memory lookup, a tool stub), which the chat formatter rounds to "0 ms". */
export function spanDuration(ms: number): string {
  if (ms > 0 && ms < 1) return ms < 0.1 ? '< 0.1 ms' : `${ms.toFixed(1)} ms`;
  return formatDuration(ms);
}

/** "+250 ms" from the trace's start. */
export const startOffset = (ms: number): string => `+${spanDuration(Math.max(0, ms))}`;

/** "1,234 → 567" for a model span that reported tokens, else null. */
export function tokenFlow(span: Pick<SpanRow, 'inputTokens' | 'outputTokens'>): string | null {
  if (span.inputTokens === undefined && span.outputTokens === undefined) return null;
  const side = (n: number | undefined): string => (n === undefined ? '?' : formatCount(n));
  return `${side(span.inputTokens)} → ${side(span.outputTokens)}`;
}

/** The tool's own name when the span's name does not already say it. */
export const toolLabel = (span: SpanRow): string | null => (span.toolName && !span.name.includes(span.toolName) ? span.toolName : null);

export const attributeText = (value: SpanAttribute): string => (value === null ? 'null' : String(value));

/** What a screen reader says for a row: the row's text in one sentence, in the order a sighted reader scans it. */
export function spanSummary(span: SpanRow, durationMs: number, startOffsetMs: number): string {
  const parts = [span.name, categories[span.category].label, spanDuration(durationMs), `starts at ${startOffset(startOffsetMs)}`];
  const tokens = tokenFlow(span);
  if (tokens) parts.push(`tokens ${tokens}`);
  const tool = toolLabel(span);
  if (tool) parts.push(`tool ${tool}`);
  if (span.status === 'error') parts.push(span.error ? `error: ${span.error}` : 'error');
  if (span.critical) parts.push('critical path');
  if (span.orphan) parts.push('orphan: parent not found');
  return parts.join(', ');
}
