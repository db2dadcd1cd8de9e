/**
 * One agent on the board, sized to be read from the back of a room: its
 * health in a word and an icon (never colour alone), the four figures a room
 * asks about, the p99 line against its SLO, the breach and the last error
 * line, and links to the agent's logs, metrics and traces.
 */
import Link from '@cloudscape-design/components/link';
import { memo, type KeyboardEvent } from 'react';
import type { BoardTile as Tile } from '../../../../shared/warroom';
import { RedactedText } from '../../components/redacted-text';
import { formatRelative } from '../../lib/relative-time';
import { hrefFor } from '../../routing/use-hash-route';
import { logsQuery } from '../logs/logs-route';
import { formatValue } from '../metrics/metrics-format';
import { metricsQuery } from '../metrics/metrics-route';
import { tracesQuery } from '../traces/traces-route';
import { boardLatency } from './board-format';
import { Sparkline } from './sparkline';

export const healthWords: Record<Tile['health'], string> = { failing: 'Failing', warn: 'Degraded', ok: 'Healthy', unknown: 'No data' };

const healthIcons: Record<Tile['health'], string> = {
  failing: 'M8 4.5v4.5M8 11.2v.3',
  warn: 'M8 4.5v4.5M8 11.2v.3',
  ok: 'M4.8 8.2 7 10.4l4.2-4.6',
  unknown: 'M5 8h6',
};

function Figure({ label, value, alert }: { label: string; value: string; alert?: boolean }) {
  return (
    <div className={alert ? 'board-figure board-figure--alert' : 'board-figure'}>
      <div className="board-figure__value">{value}</div>
      <div className="board-figure__label">{label}</div>
    </div>
  );
}

export interface BoardTileProps {
  tile: Tile;
  now: number;
  /** Roving focus: the one tile of the board reachable by Tab. */
  tabbable: boolean;
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  onFocus: (agentKey: string) => void;
}

export const BoardTile = memo(function BoardTile({ tile, now, tabbable, onKeyDown, onFocus }: BoardTileProps) {
  const headingId = `board-tile-${tile.agentKey.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const errorAlert = tile.errorRatePct !== null && tile.errorRatePct > tile.slo.errorRatePct;
  const p99Alert = tile.p99Ms !== null && tile.p99Ms > tile.slo.p99Ms;
  return (
    <article
      className={`board-tile board-tile--${tile.health}`}
      aria-labelledby={headingId}
      tabIndex={tabbable ? 0 : -1}
      data-agent-key={tile.agentKey}
      data-testid="board-tile"
      data-health={tile.health}
      onKeyDown={onKeyDown}
      onFocus={(event) => {
        if (event.target === event.currentTarget) onFocus(tile.agentKey);
      }}
    >
      <header className="board-tile__head">
        <h2 className="board-tile__name" id={headingId}>
          {tile.name}
        </h2>
        <span className={`board-health board-health--${tile.health}`}>
          <svg viewBox="0 0 16 16" width="20" height="20" aria-hidden="true" focusable="false">
            <circle cx="8" cy="8" r="7" />
            <path d={healthIcons[tile.health]} />
          </svg>
          {healthWords[tile.health]}
        </span>
      </header>
      <div className="board-tile__where">
        {tile.region} · {tile.profile} · <span className="board-tile__status">{tile.status}</span>
      </div>
      <div className="board-tile__figures">
        <Figure label="invocations / min" value={formatValue(tile.invocationsPerMin, 'count')} />
        <Figure label={`errors (SLO ${formatValue(tile.slo.errorRatePct, 'percent')})`} value={formatValue(tile.errorRatePct, 'percent')} alert={errorAlert} />
        <Figure label={`p99 (SLO ${boardLatency(tile.slo.p99Ms)})`} value={boardLatency(tile.p99Ms)} alert={p99Alert} />
        <Figure label="cold starts" value={formatValue(tile.coldStarts, 'count')} />
      </div>
      <Sparkline points={tile.p99Sparkline} threshold={tile.slo.p99Ms} label={`${tile.name} p99 latency, per minute`} />
      {tile.reasons.length > 0 && (
        <ul className="board-tile__reasons">
          {tile.reasons.map((reason) => (
            <li key={reason}>
              <RedactedText text={reason} />
            </li>
          ))}
        </ul>
      )}
      {tile.lastError && (
        <p className="board-tile__error">
          <span className="board-tile__error-when">Last error {formatRelative(tile.lastError.at, now)}:</span> <RedactedText text={tile.lastError.message} />
        </p>
      )}
      <nav className="board-tile__links" aria-label={`${tile.name}: open`}>
        <Link href={hrefFor('logs', logsQuery({ agent: tile.agentKey }))}>Logs</Link>
        <Link href={hrefFor('metrics', metricsQuery({ agent: tile.agentKey }))}>Metrics</Link>
        <Link href={hrefFor('traces', tracesQuery({ agent: tile.agentKey }))}>Traces</Link>
      </nav>
    </article>
  );
});
