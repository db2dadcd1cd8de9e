/**
 * `warroom.board`: one frame at once, then one every refreshSeconds until
 * the stream's signal aborts. Boards of the same selection share one
 * computation per refresh (a room's screen and every share viewer), so N
 * viewers cost AWS what one does. A refresh that throws keeps the last
 * tiles on screen with the reason above them.
 */
import type { z } from 'zod';
import type { BoardFrame, BoardSelection, warroomInputs } from '../../../shared/warroom';
import type { StreamSink } from '../../host/stream-hub';
import type { Logger } from '../log/logger';
import { abortableSleep } from '../util/abortable-sleep';
import type { BoardResult } from './board';
import { WINDOW_MINUTES } from './board-figures';

/** Below the shortest refresh (5 s), so each board still gets a fresh frame every refresh. */
export const SHARE_MS = 4000;

export const selectionKey = (s: BoardSelection): string => (s.kind === 'agents' ? `agents:${[...new Set(s.agentKeys)].sort().join(',')}` : s.kind);

export class SharedBoards {
  private readonly recent = new Map<string, { at: number; result: Promise<BoardResult> }>();

  constructor(
    private readonly compute: (selection: BoardSelection) => Promise<BoardResult>,
    private readonly clock: () => number = Date.now,
    private readonly shareMs = SHARE_MS,
  ) {}

  get(selection: BoardSelection): Promise<BoardResult> {
    const key = selectionKey(selection);
    const now = this.clock();
    for (const [k, v] of this.recent) if (now - v.at >= this.shareMs) this.recent.delete(k);
    const hit = this.recent.get(key);
    if (hit) return hit.result;
    const result = this.compute(selection);
    this.recent.set(key, { at: now, result });
    result.catch(() => this.recent.delete(key));
    return result;
  }
}

export interface BoardStreamDeps {
  boards: SharedBoards;
  /** Sees every frame (the incident keeps its first one as its start). */
  onFrame(selection: BoardSelection, frame: BoardResult['frame']): void;
  logger: Logger;
  clock: () => number;
}

export function openBoardStream(deps: BoardStreamDeps, input: z.output<typeof warroomInputs.board>, sink: StreamSink<BoardFrame>): void {
  const periodMs = input.refreshSeconds * 1000;
  let last: BoardFrame | null = null;
  const loop = async () => {
    while (!sink.signal.aborted) {
      const started = deps.clock();
      const nextRefreshAt = started + periodMs;
      try {
        const { frame } = await deps.boards.get(input.selection);
        if (sink.signal.aborted) return;
        deps.onFrame(input.selection, frame);
        last = { ...frame, nextRefreshAt };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        deps.logger.error('board refresh failed', { message });
        last = {
          at: started,
          windowMinutes: last?.windowMinutes ?? WINDOW_MINUTES,
          tiles: last?.tiles ?? [],
          notices: [{ code: 'internal', message: `This refresh failed (${message}); the tiles are from the one before.` }],
          nextRefreshAt,
        };
      }
      sink.push(last);
      await abortableSleep(Math.max(0, nextRefreshAt - deps.clock()), sink.signal);
    }
  };
  void loop();
}
