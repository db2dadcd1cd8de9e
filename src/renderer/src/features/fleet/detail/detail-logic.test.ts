import { describe, expect, it } from 'vitest';
import { agentPageLinks, detailVersion, orderTargets, resolveLinked, timelineNewestFirst } from './detail-logic';

describe('detail logic', () => {
  it('orders the timeline newest first, keeping the later of two entries with the same time on top', () => {
    const timeline = [
      { from: null, to: 'CREATING', at: 1 },
      { from: 'CREATING', to: 'READY', at: 5 },
      { from: 'READY', to: 'UPDATING', at: 9 },
      { from: 'UPDATING', to: 'UPDATE_FAILED', at: 9 },
    ];
    expect(timelineNewestFirst(timeline).map((t) => t.to)).toEqual(['UPDATE_FAILED', 'UPDATING', 'READY', 'CREATING']);
  });

  it('links an agent to its chat, logs, metrics and linked memory', () => {
    const links = agentPageLinks('p|us-east-1|runtime|a1', ['p|us-east-1|memory|m1']);
    expect(links.map((l) => [l.page, l.query])).toEqual([
      ['chat', { agent: 'p|us-east-1|runtime|a1' }],
      ['logs', { agent: 'p|us-east-1|runtime|a1' }],
      ['metrics', { agent: 'p|us-east-1|runtime|a1' }],
      ['memory', { memory: 'p|us-east-1|memory|m1' }],
    ]);
    expect(agentPageLinks('k', []).find((l) => l.id === 'memory')?.disabledReason).toMatch(/no memory/);
  });

  it('resolves a linked key to the fleet resource, or to its id when unknown', () => {
    expect(resolveLinked('p|r|memory|mem-1', []).name).toBe('mem-1');
    expect(resolveLinked('p|r|memory|mem-1', [{ key: 'p|r|memory|mem-1', name: 'sre_memory' } as never]).name).toBe('sre_memory');
  });

  it('puts failed targets first, then pending ones', () => {
    const targets = [
      { name: 'b', health: 'ok' },
      { name: 'a', health: 'pending' },
      { name: 'c', health: 'failed' },
    ];
    expect(orderTargets(targets).map((t) => t.name)).toEqual(['c', 'a', 'b']);
  });

  it('changes the detail version when the fleet sees a new status or update time', () => {
    expect(detailVersion(undefined)).toBe('missing');
    expect(detailVersion({ status: 'READY', updatedAt: 1 } as never)).not.toBe(detailVersion({ status: 'UPDATING', updatedAt: 1 } as never));
  });
});
