import { describe, expect, it } from 'vitest';
import type { MemoryEvent } from '../../../../shared/memory';
import { branchesOf, branchPoints, filterEvents } from './event-filter';

const ev = (id: string, at: number, text: string, branch?: MemoryEvent['branch']): MemoryEvent => ({
  eventId: id,
  actorId: 'alice',
  sessionId: 's',
  at,
  parts: [{ kind: 'turn', role: 'USER', text }],
  metadata: { channel: id === 'e3' ? 'pagerduty' : 'slack' },
  ...(branch ? { branch } : {}),
});
const events = [
  ev('e1', 100, 'Pods are crash looping'),
  ev('e2', 200, 'Check the payments API'),
  ev('e3', 300, 'Retry with rollback', { name: 'retry', rootEventId: 'e2' }),
];
const open = { text: '', from: null, to: null, branch: null };

describe('event filters', () => {
  it('matches text in turns and metadata, case-insensitively', () => {
    expect(filterEvents(events, { ...open, text: 'PAYMENTS' }).map((e) => e.eventId)).toEqual(['e2']);
    expect(filterEvents(events, { ...open, text: 'pagerduty' }).map((e) => e.eventId)).toEqual(['e3']);
  });

  it('keeps a time range, bounds included', () => {
    expect(filterEvents(events, { ...open, from: 200, to: 300 }).map((e) => e.eventId)).toEqual(['e2', 'e3']);
  });

  it('filters by branch, main meaning no named branch', () => {
    expect(filterEvents(events, { ...open, branch: 'main' }).map((e) => e.eventId)).toEqual(['e1', 'e2']);
    expect(filterEvents(events, { ...open, branch: 'retry' }).map((e) => e.eventId)).toEqual(['e3']);
  });

  it('lists branches main first and where each forks', () => {
    expect(branchesOf(events)).toEqual([
      { name: 'main', events: 2 },
      { name: 'retry', events: 1, rootEventId: 'e2' },
    ]);
    expect(branchPoints(events)).toEqual(new Map([['e2', ['retry']]]));
  });
});
