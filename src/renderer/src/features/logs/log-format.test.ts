import { describe, expect, it } from 'vitest';
import { countText, entriesToText, formatLogTime, lineToText, needsDates, shortStream } from './log-format';
import { testEntries, testLine } from './test-lines';

const at = Date.UTC(2026, 10, 28, 9, 4, 5, 7);

describe('log formatting', () => {
  it('shows times to the millisecond, in UTC or local time, with the date when asked', () => {
    expect(formatLogTime(at, 'utc', false)).toBe('09:04:05.007');
    expect(formatLogTime(at, 'utc', true)).toBe('2026-11-28 09:04:05.007');
    const local = new Date(at);
    expect(formatLogTime(at, 'local', false)).toBe(`${String(local.getHours()).padStart(2, '0')}:${String(local.getMinutes()).padStart(2, '0')}:05.007`);
  });

  it('asks for dates only when a line is from another day', () => {
    const entries = testEntries(3);
    const first = entries[0]?.line.timestamp ?? 0;
    expect(needsDates(entries, 'utc', first)).toBe(false);
    expect(needsDates(entries, 'utc', first + 86_400_000)).toBe(true);
    expect(needsDates([], 'utc', first)).toBe(false);
  });

  it('names a runtime stream by its instance, and shortens other names', () => {
    expect(shortStream('2026/11/28/[runtime-logs]3f2a9c1d-1111-4000-8000-000000000000')).toBe('3f2a9c1d');
    expect(shortStream('otel-rt-logs')).toBe('otel-rt-logs');
    expect(shortStream('a/very-long-stream-name-without-instance')).toBe('very-long-strea…');
  });

  it('exports lines with ISO times, saying which were cut and where lines are missing', () => {
    const cut = testLine(1, { timestamp: at, level: 'error', message: 'boom', fullLength: 20_000 });
    expect(lineToText(cut)).toBe(`2026-11-28T09:04:05.007Z ERROR [${cut.stream}] boom [cut: 4 of 20000 characters]`);
    expect(lineToText(testLine(2, { timestamp: at, level: 'other', message: 'x' }))).toBe(`2026-11-28T09:04:05.007Z - [${cut.stream}] x`);
    const text = entriesToText([
      { kind: 'line', id: 0, line: cut },
      { kind: 'gap', id: 1, count: 3 },
    ]);
    expect(text.split('\n')).toEqual([lineToText(cut), '# 3 lines not delivered here', '']);
  });

  it('counts lines the way people say them', () => {
    expect(countText(1, 1)).toBe('1 line');
    expect(countText(1234, 1234)).toBe('1,234 lines');
    expect(countText(12, 1234)).toBe('12 of 1,234 lines shown');
  });
});
