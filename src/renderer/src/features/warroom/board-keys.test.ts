import { describe, expect, it } from 'vitest';
import { nextTileIndex } from './board-keys';

describe('board keyboard movement', () => {
  it('moves along a row and stops at the ends', () => {
    expect(nextTileIndex(0, 'ArrowRight', 5, 3)).toBe(1);
    expect(nextTileIndex(4, 'ArrowRight', 5, 3)).toBe(4);
    expect(nextTileIndex(0, 'ArrowLeft', 5, 3)).toBe(0);
  });

  it('moves a whole row up or down, staying put where the row below is short', () => {
    expect(nextTileIndex(1, 'ArrowDown', 5, 3)).toBe(4);
    expect(nextTileIndex(2, 'ArrowDown', 5, 3)).toBe(2);
    expect(nextTileIndex(4, 'ArrowUp', 5, 3)).toBe(1);
    expect(nextTileIndex(0, 'ArrowUp', 5, 3)).toBe(0);
  });

  it('jumps to the first and last tile, and ignores other keys and empty boards', () => {
    expect(nextTileIndex(3, 'Home', 5, 3)).toBe(0);
    expect(nextTileIndex(0, 'End', 5, 3)).toBe(4);
    expect(nextTileIndex(0, 'Enter', 5, 3)).toBeNull();
    expect(nextTileIndex(0, 'ArrowRight', 0, 3)).toBeNull();
  });
});
