import { describe, expect, it } from 'vitest';
import { firstIndex, insertSorted, type LogEvent } from './events';
import { loadLine, newLoadState, stampFor } from './load-lines';

const ev = (id: string, timestamp = Number(id)): LogEvent => ({ id: id.padStart(4, '0'), timestamp, ingestionTime: timestamp, message: id });

describe('log event order', () => {
  it('pushes in-order events and splices late ones into place', () => {
    const events: LogEvent[] = [];
    for (const id of ['1', '3', '5', '2', '5', '0']) insertSorted(events, ev(id));
    expect(events.map((e) => e.message)).toEqual(['0', '1', '2', '3', '5', '5']);
  });

  it('finds the first event past a prefix by binary search', () => {
    const events = ['1', '2', '2', '4', '7'].map((id) => ev(id));
    expect(firstIndex(events, (e) => e.timestamp < 2)).toBe(1);
    expect(firstIndex(events, (e) => e.timestamp < 3)).toBe(3);
    expect(firstIndex(events, (e) => e.timestamp < 100)).toBe(5);
    expect(firstIndex([], () => true)).toBe(0);
  });
});

describe('load lines', () => {
  it('mix levels and JSON records that share request and session ids', () => {
    const state = newLoadState(7, { name: '/aws/bedrock-agentcore/runtimes/x-DEFAULT' });
    const stamp = stampFor(Date.UTC(2026, 10, 25, 12));
    const lines = Array.from({ length: 2000 }, () => loadLine(state, stamp));
    const json = lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { requestId: string; sessionId: string; level: string });
    expect(json.length / lines.length).toBeGreaterThan(0.15);
    expect(new Set(json.map((r) => r.level))).toEqual(new Set(['INFO', 'WARN', 'ERROR', 'DEBUG']));
    expect(new Set(json.map((r) => r.sessionId)).size).toBeLessThanOrEqual(6);
    const text = lines.filter((l) => !l.startsWith('{'));
    const share = (re: RegExp) => text.filter((l) => re.test(l)).length / text.length;
    expect(share(/ - (INFO) - |^INFO: /)).toBeGreaterThan(0.6);
    for (const level of ['DEBUG', 'WARNING', 'ERROR']) expect(share(new RegExp(` - ${level} - `))).toBeGreaterThan(0.02);
    expect(lines.every((l) => !l.includes('undefined'))).toBe(true);
  });
});
