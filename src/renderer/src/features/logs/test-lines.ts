/** Log lines for the logs feature's tests. */
import type { LogLevel, LogLine } from '../../../../shared/logs';
import type { LineEntry } from './log-entry';

export function testLine(n: number, over: Partial<LogLine> = {}): LogLine {
  const levels: LogLevel[] = ['info', 'info', 'info', 'warn', 'error', 'debug', 'other'];
  return {
    key: `DEFAULT|s|${n}|h${n}`,
    timestamp: 1_700_000_000_000 + n,
    endpoint: 'DEFAULT',
    stream: '2026/11/28/[runtime-logs]3f2a9c1d-0000-4000-8000-000000000000',
    level: levels[n % levels.length] as LogLevel,
    message: `line ${n}: Invocation completed in ${n % 97} ms for session abc-${n % 13}`,
    json: false,
    ...over,
  };
}

export const testEntries = (count: number): LineEntry[] => Array.from({ length: count }, (_, i) => ({ kind: 'line', id: i, line: testLine(i) }));
