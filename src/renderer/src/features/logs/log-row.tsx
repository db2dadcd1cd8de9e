/**
 * One row of a log list: time, level, stream, message and the row's actions.
 * Rows mount by the dozen while a list scrolls, so the controls are plain
 * buttons styled like Cloudscape's, and the row is memoized on its line.
 */
import Icon from '@cloudscape-design/components/icon';
import { memo } from 'react';
import type { LogLine } from '../../../../shared/logs';
import { api } from '../../api';
import { notify, notifyError } from '../../state/notifications';
import type { LogEntry } from './log-entry';
import { formatLogTime, levelLabel, lineToText, shortStream } from './log-format';
import { LogMessage } from './log-message';
import { useLogsDisplay, type RowOpen, type ToggleRow } from './logs-display';
import { hrefFor } from '../../routing/use-hash-route';
import { traceIdSchema } from '../../../../shared/traces';
import { tracesQuery } from '../traces/traces-route';
import { SessionLink } from './session-link';

async function copyLine(line: LogLine): Promise<void> {
  const cut = line.fullLength !== undefined && line.fullLength > line.message.length;
  // A cut line is copied whole: what is pasted into a ticket should be what the agent wrote.
  const message = cut ? (await api.call('logs.line', { key: line.key })).message : line.message;
  await navigator.clipboard.writeText(lineToText({ ...line, message, fullLength: undefined }));
}

const onCopy = (line: LogLine): void => {
  copyLine(line)
    .then(() => notify({ type: 'success', header: 'Line copied' }, 'logs-line-copied'))
    .catch((error: unknown) => notifyError('Copy line', error));
};

export const LogRow = memo(function LogRow({ entry, open, onToggle }: { entry: LogEntry; open: RowOpen | undefined; onToggle: ToggleRow }) {
  const { zone, withDate, session, agentKey } = useLogsDisplay();
  if (entry.kind === 'gap') {
    return (
      <div className="log-marker log-marker--gap" data-testid="log-gap-marker" role="note">
        <Icon name="status-warning" size="small" /> {entry.count.toLocaleString()} {entry.count === 1 ? 'line' : 'lines'} not delivered (view was not reading)
      </div>
    );
  }
  const { line } = entry;
  const ofSession = session !== null && line.sessionId === session;
  // Only ids the traces page can look up get a link (an agent may log anything as a "trace id").
  const traceId = agentKey && line.traceId && traceIdSchema.safeParse(line.traceId).success ? line.traceId : null;
  return (
    <div
      className={`log-row log-row--${line.level}${ofSession ? ' log-row--session' : ''}`}
      data-testid="log-line"
      data-level={line.level}
      data-session-match={ofSession ? 'true' : undefined}
    >
      <span className="log-row__time" title={new Date(line.timestamp).toISOString()}>
        {formatLogTime(line.timestamp, zone, withDate)}
      </span>
      <span className={`log-level log-level--${line.level}`}>{levelLabel[line.level]}</span>
      <span className="log-row__stream" title={line.stream}>
        {shortStream(line.stream)}
      </span>
      <div className="log-row__body">
        <LogMessage id={entry.id} line={line} open={open} onToggle={onToggle} />
        {(line.sessionId || traceId) && (
          <div className="log-row__meta">
            {line.sessionId && <SessionLink sessionId={line.sessionId} />}
            {traceId && agentKey && (
              <a
                className="log-link"
                href={hrefFor('traces', tracesQuery({ agent: agentKey, trace: traceId, at: line.timestamp }))}
                data-testid="log-open-trace"
                aria-label={`Open trace ${traceId}`}
              >
                Open trace
              </a>
            )}
          </div>
        )}
      </div>
      <span className="log-row__actions">
        <button type="button" className="log-icon-button" aria-label="Copy line" title="Copy line" onClick={() => onCopy(line)}>
          <Icon name="copy" size="small" />
        </button>
      </span>
    </div>
  );
});
