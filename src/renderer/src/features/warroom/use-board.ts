/**
 * The board's live frames: one `warroom.board` stream per (selection,
 * refresh), kept open while the page is mounted. Each frame replaces the
 * last. A stream that ends with an error (the host restarted, the connection
 * dropped) is reopened after a pause, keeping the last frame on screen and
 * saying how old it is, so a wall display never goes blank.
 */
import { useEffect, useState } from 'react';
import { ApiError } from '../../../../shared/errors';
import type { BoardFrame, BoardSelection } from '../../../../shared/warroom';
import { api } from '../../api';

export const REOPEN_AFTER_MS = 5_000;

export interface BoardState {
  frame: BoardFrame | null;
  /** Why the last stream ended, while the board waits to reopen it. */
  error: ApiError | null;
}

export function useBoard(selection: BoardSelection, refreshSeconds: number): BoardState {
  const [state, setState] = useState<BoardState>({ frame: null, error: null });
  const key = JSON.stringify([selection, refreshSeconds]);
  useEffect(() => {
    let close: (() => void) | null = null;
    let retry: number | undefined;
    let disposed = false;
    const open = (): void => {
      close = api.stream('warroom.board', { selection, refreshSeconds }, (frame) => setState({ frame, error: null }), {
        onEnd: (error) => {
          close = null;
          if (disposed) return;
          // The board never ends by itself: an end without an error is the host shutting its streams down.
          const why = error ?? new ApiError('stream_lost', 'The console host ended the board stream.');
          setState((s) => ({ frame: s.frame, error: why }));
          retry = window.setTimeout(open, REOPEN_AFTER_MS);
        },
      });
    };
    // A new selection's first frame is not the old one's: clear it rather than show the wrong agents.
    setState({ frame: null, error: null });
    open();
    return () => {
      disposed = true;
      window.clearTimeout(retry);
      close?.();
    };
  }, [key]);
  return state;
}
