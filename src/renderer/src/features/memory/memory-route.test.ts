import { describe, expect, it } from 'vitest';
import { memoryQuery, parseMemoryQuery } from './memory-route';

describe('memory routes', () => {
  it('reads memory › actor › session › event and drops children without parents', () => {
    expect(parseMemoryQuery({ memory: 'k', actor: 'alice', session: 's1', event: 'e1' })).toMatchObject({
      tab: 'short',
      actor: 'alice',
      session: 's1',
      event: 'e1',
    });
    expect(parseMemoryQuery({ memory: 'k', session: 's1', event: 'e1' })).toMatchObject({ actor: null, session: null, event: null });
  });

  it('opens the long-term tab for a namespace or record link', () => {
    expect(parseMemoryQuery({ memory: 'k', ns: '/users/alice/preferences' }).tab).toBe('long');
    expect(parseMemoryQuery({ memory: 'k', record: 'mem-1' }).tab).toBe('long');
    expect(parseMemoryQuery({ memory: 'k', tab: 'bogus' }).tab).toBe('short');
  });

  it('writes the same view back, leaving defaults out', () => {
    const q = memoryQuery({ memory: 'k', tab: 'short', actor: 'alice', session: 's1' });
    expect(q).toEqual({ memory: 'k', actor: 'alice', session: 's1' });
    expect(parseMemoryQuery(q)).toMatchObject({ memory: 'k', actor: 'alice', session: 's1', tab: 'short' });
    expect(memoryQuery({ memory: 'k', session: 's1' })).toEqual({ memory: 'k' });
  });
});
