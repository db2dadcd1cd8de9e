/** How invocation metrics read in a message footer: short, unit-bearing, comparable at a glance. */
import type { InvocationMetrics } from '../../../../shared/chat';

export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 10_000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return seconds === 60 ? `${minutes + 1} min` : `${minutes} min ${seconds} s`;
}

export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

export const formatCount = (n: number): string => n.toLocaleString('en-US');

export interface MetricItem {
  key: string;
  label: string;
  value: string;
  /** Full explanation for the tooltip. */
  title: string;
}

/** The footer items in display order; missing values are left out rather than shown as zero. */
export function metricItems(metrics: InvocationMetrics): MetricItem[] {
  const items: MetricItem[] = [];
  if (metrics.httpStatus !== undefined)
    items.push({ key: 'status', label: 'HTTP', value: String(metrics.httpStatus), title: `HTTP status ${metrics.httpStatus}` });
  if (metrics.ttfbMs !== undefined)
    items.push({ key: 'ttfb', label: 'TTFB', value: formatDuration(metrics.ttfbMs), title: 'Time to first byte of the response' });
  if (metrics.totalMs !== undefined) items.push({ key: 'total', label: 'Total', value: formatDuration(metrics.totalMs), title: 'Time until the last byte' });
  items.push({ key: 'bytes', label: 'Bytes', value: formatBytes(metrics.bytes), title: `${formatCount(metrics.bytes)} bytes received` });
  items.push({ key: 'chunks', label: 'Chunks', value: formatCount(metrics.chunks), title: `${formatCount(metrics.chunks)} chunks (SSE events or body reads)` });
  if (metrics.usage)
    items.push({
      key: 'tokens',
      label: 'Tokens',
      value: `${formatCount(metrics.usage.inputTokens)} in → ${formatCount(metrics.usage.outputTokens)} out`,
      title: `Token usage the harness reported: ${formatCount(metrics.usage.inputTokens)} input, ${formatCount(metrics.usage.outputTokens)} output${metrics.usage.totalTokens !== undefined ? `, ${formatCount(metrics.usage.totalTokens)} total` : ''}`,
    });
  if (metrics.serverLatencyMs !== undefined)
    items.push({
      key: 'server',
      label: 'Harness',
      value: formatDuration(metrics.serverLatencyMs),
      title: 'The harness’s own latency for this turn (its metadata event)',
    });
  if (metrics.contentType)
    items.push({ key: 'type', label: 'Type', value: metrics.contentType.split(';')[0] ?? metrics.contentType, title: `Content-Type: ${metrics.contentType}` });
  return items;
}

/** "24.8 s cold start" reads differently from a slow agent: say which it was. */
export function latencyVerdict(metrics: InvocationMetrics): 'cold' | 'slow' | 'normal' {
  // A request refused before the agent ran (401/403 in 60 ms) paid no boot: only call it cold when bytes came back.
  if (metrics.coldStart && metrics.ttfbMs !== undefined) return 'cold';
  return (metrics.ttfbMs ?? 0) > 10_000 ? 'slow' : 'normal';
}
