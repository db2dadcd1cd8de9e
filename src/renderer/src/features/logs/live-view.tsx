/**
 * A pane's live tail: the filter pattern, the feed's mode, Pause/Resume,
 * Clear and Save, the notices main sends about the feed, and the list. The
 * tail opens only for a log group that exists.
 */
import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useMemo } from 'react';
import { downloadText } from '../../lib/download';
import { countText, entriesToText } from './log-format';
import { FilterBar } from './filter-bar';
import type { LineFilter } from './log-filter';
import { LogList } from './log-list';
import { filterErrorText, isFilterError } from './pane-errors';
import { TailStatus } from './tail-status';
import { useLogTail } from './use-log-tail';
import { RedactedText } from '../../components/redacted-text';

export interface LiveViewProps {
  agentKey: string;
  agentName: string;
  endpoint: string;
  pattern: string;
  onPattern: (pattern: string) => void;
  lineFilter: LineFilter;
  capacity: number;
  /** False while the log group is unknown or missing: no tail is opened for it. */
  enabled: boolean;
}

const fmt = (n: number): string => n.toLocaleString();

export function LiveView(props: LiveViewProps) {
  const { agentKey, endpoint, pattern } = props;
  const input = props.enabled ? { agentKey, endpoint, ...(pattern ? { filterPattern: pattern } : {}) } : null;
  const { tail, controller } = useLogTail(input, props.capacity, props.lineFilter);
  const error = tail?.error ?? null;
  const patternError = isFilterError(error, pattern) && error ? filterErrorText(error) : undefined;
  const rows = tail?.rows;
  const shown = useMemo(() => (rows ? countLines(rows) : 0), [rows]);

  const save = (): void => {
    if (!tail) return;
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    downloadText(`${props.agentName}-${endpoint}-live-${stamp}.log`, 'text/plain', entriesToText(tail.rows));
  };

  return (
    <>
      <FilterBar applied={pattern} onApply={props.onPattern} errorText={patternError}>
        <SpaceBetween direction="horizontal" size="xs">
          {tail?.paused ? (
            <Button iconName="caret-right-filled" onClick={() => controller?.resume()} data-testid="logs-resume">
              Resume
            </Button>
          ) : (
            <Button iconName="pause" onClick={() => controller?.pause()} disabled={!tail} data-testid="logs-pause">
              Pause
            </Button>
          )}
          <Button iconName="remove" onClick={() => controller?.clear()} disabled={!tail || tail.lineCount === 0} ariaLabel="Clear the lines shown">
            Clear
          </Button>
          <Button iconName="download" onClick={save} disabled={!tail || tail.rows.length === 0} data-testid="logs-save">
            Save
          </Button>
        </SpaceBetween>
      </FilterBar>
      {tail && (
        <div className="logs-statusbar">
          <TailStatus mode={tail.mode} reason={tail.reason} paused={tail.paused} />
          <span
            className="logs-statusbar__counts"
            data-testid="logs-counts"
            // What arrived (kept + dropped past the cap) and what main never delivered: read by the log tail benchmark.
            data-received={tail.lineCount + tail.droppedOlder}
            data-dropped-older={tail.droppedOlder}
            data-undelivered={tail.undelivered}
          >
            {countText(shown, tail.lineCount)}
            {tail.lineCount >= props.capacity * 0.8 ? ` · buffer ${fmt(props.capacity)}` : ''}
          </span>
        </div>
      )}
      {tail?.notices.map((notice) => (
        <Alert key={notice.code} type={notice.level} dismissible onDismiss={() => controller?.dismissNotice(notice.code)} data-testid="logs-notice">
          <RedactedText text={notice.message} />
        </Alert>
      ))}
      {error && !patternError && (
        <Alert type="error" header="The live tail stopped" action={<Button onClick={() => controller?.start()}>Reopen</Button>} data-testid="logs-tail-error">
          <RedactedText text={error.message} />
        </Alert>
      )}
      {tail?.paused && (
        <div className="logs-paused" role="status" data-testid="logs-paused">
          <span>
            <strong>Paused</strong> — {fmt(tail.pendingLines)} new {tail.pendingLines === 1 ? 'line' : 'lines'}
          </span>
          <Button variant="inline-link" onClick={() => controller?.resume()}>
            Resume
          </Button>
        </div>
      )}
      {tail && (
        <LogList
          key={JSON.stringify(input)}
          agentKey={agentKey}
          rows={tail.rows}
          live
          label={`Live log lines of ${props.agentName}, endpoint ${endpoint}`}
          droppedOlder={tail.droppedOlder}
          appended={tail.visibleAppended}
          empty={emptyText(tail.mode, tail.lineCount, pattern)}
        />
      )}
    </>
  );
}

function countLines(rows: readonly { kind: string }[]): number {
  let n = 0;
  for (const row of rows) if (row.kind === 'line') n++;
  return n;
}

function emptyText(mode: string, lines: number, pattern: string): string {
  if (mode === 'connecting') return 'Opening the live tail…';
  if (lines > 0) return 'No line matches the level filter or the highlight.';
  if (pattern) return 'Waiting for lines that match the filter pattern…';
  return 'Waiting for log lines… Invoke the agent (for example from Chat) to see them arrive.';
}
