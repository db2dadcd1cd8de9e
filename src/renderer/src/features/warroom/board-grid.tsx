/**
 * The tiles, failing first as main sorts them, in a grid that fills the
 * screen. One tile is in the Tab order; arrows, Home and End move between
 * tiles (a roving tab index), and Tab goes on into that tile's links.
 */
import { memo, useCallback, useRef, useState, type KeyboardEvent } from 'react';
import type { BoardTile as Tile } from '../../../../shared/warroom';
import { BoardTile } from './board-tile';
import { gridColumns, nextTileIndex } from './board-keys';

export const BoardGrid = memo(function BoardGrid({ tiles, now }: { tiles: readonly Tile[]; now: number }) {
  const grid = useRef<HTMLDivElement>(null);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const active = Math.max(
    0,
    tiles.findIndex((t) => t.agentKey === activeKey),
  );
  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      if (event.target !== event.currentTarget) return;
      const from = tiles.findIndex((t) => t.agentKey === event.currentTarget.dataset.agentKey);
      const next = nextTileIndex(from, event.key, tiles.length, gridColumns(grid.current));
      if (next === null || next === from) return;
      event.preventDefault();
      const key = tiles[next]!.agentKey;
      setActiveKey(key);
      grid.current?.querySelector<HTMLElement>(`[data-agent-key="${CSS.escape(key)}"]`)?.focus();
    },
    [tiles],
  );
  return (
    <div className="board-grid" ref={grid} role="list" aria-label="Agents on the board">
      {tiles.map((tile, index) => (
        <div role="listitem" key={tile.agentKey} className="board-grid__cell">
          <BoardTile tile={tile} now={now} tabbable={index === active} onKeyDown={onKeyDown} onFocus={setActiveKey} />
        </div>
      ))}
    </div>
  );
});
