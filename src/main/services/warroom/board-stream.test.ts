import { describe, expect, it } from 'vitest';
import type { BoardSelection } from '../../../shared/warroom';
import type { BoardResult } from './board';
import { selectionKey, SharedBoards } from './board-stream';

const result = (at: number): BoardResult => ({ frame: { at, windowMinutes: 30, tiles: [], notices: [] }, calls: 1 });

describe('SharedBoards', () => {
  it('gives boards of the same selection one computation per refresh, and a fresh one after', async () => {
    let now = 0;
    const computed: BoardSelection[] = [];
    const boards = new SharedBoards(
      async (s) => {
        computed.push(s);
        return result(now);
      },
      () => now,
    );
    const a = await boards.get({ kind: 'agents', agentKeys: ['p|r|runtime|b', 'p|r|runtime|a'] });
    const b = await boards.get({ kind: 'agents', agentKeys: ['p|r|runtime|a', 'p|r|runtime|b', 'p|r|runtime|a'] });
    expect(b).toBe(a);
    await boards.get({ kind: 'failing' });
    expect(computed).toHaveLength(2);
    now = 4000;
    expect((await boards.get({ kind: 'failing' })).frame.at).toBe(4000);
    expect(computed).toHaveLength(3);
  });

  it('does not keep a failed computation', async () => {
    let fail = true;
    const boards = new SharedBoards(
      async () => {
        if (fail) throw new Error('throttled');
        return result(1);
      },
      () => 0,
    );
    await expect(boards.get({ kind: 'all' })).rejects.toThrow('throttled');
    fail = false;
    expect((await boards.get({ kind: 'all' })).frame.at).toBe(1);
  });

  it('keys a selection by what it shows', () => {
    expect(selectionKey({ kind: 'agents', agentKeys: ['b', 'a', 'b'] })).toBe(selectionKey({ kind: 'agents', agentKeys: ['a', 'b'] }));
    expect(selectionKey({ kind: 'all' })).not.toBe(selectionKey({ kind: 'failing' }));
  });
});
