/**
 * The board's first line: how many agents fail, how fresh the figures are,
 * and — when the stream dropped — that the tiles are the last ones seen and
 * the board is reconnecting, so a stale wall never passes for a live one.
 */
import type { ApiError } from '../../../../shared/errors';
import type { BoardFrame } from '../../../../shared/warroom';
import { formatClock } from '../../lib/relative-time';
import { REOPEN_AFTER_MS } from './use-board';

export function BoardStatusLine({ frame, error, now }: { frame: BoardFrame | null; error: ApiError | null; now: number }) {
  const counts = { failing: 0, warn: 0, ok: 0, unknown: 0 };
  for (const tile of frame?.tiles ?? []) counts[tile.health] += 1;
  const age = frame ? Math.max(0, Math.round((now - frame.at) / 1000)) : null;
  return (
    <div className="board-status">
      {frame && (
        <span className="board-status__counts" role="status">
          <strong className="board-status__failing">{counts.failing} failing</strong> · {counts.warn} degraded · {counts.ok} healthy
          {counts.unknown > 0 && ` · ${counts.unknown} without data`}
        </span>
      )}
      <span className="board-status__clock">
        {error ? (
          <span className="board-status__stale" role="alert">
            Connection lost ({error.message}) — showing figures from {frame ? formatClock(frame.at) : 'nowhere yet'}; reconnecting every{' '}
            {REOPEN_AFTER_MS / 1000} s
          </span>
        ) : frame ? (
          `Figures of the last ${frame.windowMinutes} min · updated ${formatClock(frame.at)}${age !== null && age > 2 ? ` (${age} s ago)` : ''}`
        ) : null}
      </span>
    </div>
  );
}
