/**
 * A line's message, as text only (agent output is untrusted: never HTML).
 * Highlight matches are <mark>ed. A JSON record shows on one line until
 * expanded to pretty-printed JSON; a long plain message shows its start
 * until expanded; a message main cut shows "Show all N characters", which
 * fetches the whole line from main.
 */
import Icon from '@cloudscape-design/components/icon';
import { memo, useMemo } from 'react';
import type { LogLine } from '../../../../shared/logs';
import { useApiQuery } from '../../state/api-query';
import { markRuns, type Matcher } from './log-filter';
import { useLogsDisplay, type RowOpen, type ToggleRow } from './logs-display';
import { useRedact } from '../../state/presentation';
import { RedactedText } from '../../components/redacted-text';

/** A plain message past this many lines or characters shows its start until expanded, so one traceback does not fill the pane. */
const PREVIEW_LINES = 12;
const PREVIEW_CHARS = 2_000;

function Marked({ text, matcher }: { text: string; matcher: Matcher | null }) {
  const runs = useMemo(() => markRuns(text, matcher), [text, matcher]);
  return (
    <>
      {runs.map((run, i) =>
        run.mark ? (
          <mark key={i} className="log-mark">
            {run.text}
          </mark>
        ) : (
          run.text
        ),
      )}
    </>
  );
}

function pretty(text: string): string | null {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return null; // a cut record is not valid JSON until the whole line is fetched
  }
}

function preview(text: string): { head: string; hiddenLines: number } | null {
  let cut = -1;
  let lines = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
    if (++lines === PREVIEW_LINES) {
      cut = at;
      break;
    }
  }
  if (cut === -1 && text.length <= PREVIEW_CHARS) return null;
  const end = cut === -1 ? PREVIEW_CHARS : Math.min(cut, PREVIEW_CHARS);
  const hiddenLines = text.slice(end).split('\n').length - 1;
  return { head: text.slice(0, end), hiddenLines };
}

export interface LogMessageProps {
  id: number;
  line: LogLine;
  open: RowOpen | undefined;
  onToggle: ToggleRow;
}

export const LogMessage = memo(function LogMessage({ id, line, open, onToggle }: LogMessageProps) {
  const { matcher } = useLogsDisplay();
  const cut = line.fullLength !== undefined && line.fullLength > line.message.length;
  const whole = useApiQuery('logs.line', { key: line.key }, { enabled: cut && Boolean(open?.full) });
  const redact = useRedact();
  // Presentation mode: a log line can carry any identifier an agent printed.
  const text = redact(whole.data?.message ?? line.message);
  const expanded = Boolean(open?.expanded);
  const json = line.json ? (expanded ? pretty(text) : null) : null;
  const short = !line.json && !expanded ? preview(text) : null;

  return (
    <div className="log-msg">
      {line.json && (
        <button
          type="button"
          className="log-msg__toggle"
          aria-expanded={expanded}
          aria-label={expanded ? 'Collapse JSON' : 'Expand JSON'}
          title={expanded ? 'Collapse' : 'Pretty-print'}
          onClick={() => onToggle(id, 'expanded')}
        >
          <Icon name={expanded ? 'caret-down-filled' : 'caret-right-filled'} size="small" />
        </button>
      )}
      {line.json && !expanded ? (
        <span className="log-msg__text log-msg__text--oneline" data-testid="log-message">
          <Marked text={text} matcher={matcher} />
        </span>
      ) : json !== null ? (
        <pre className="log-msg__text log-msg__json" data-testid="log-message">
          <Marked text={json} matcher={matcher} />
        </pre>
      ) : (
        <span className="log-msg__text" data-testid="log-message">
          <Marked text={short ? short.head : text} matcher={matcher} />
          {short && '…'}
        </span>
      )}
      {(short || (!line.json && expanded && preview(text))) && (
        <button type="button" className="log-msg__more" aria-expanded={expanded} onClick={() => onToggle(id, 'expanded')}>
          {expanded ? 'Show less' : short && short.hiddenLines > 0 ? `Show ${short.hiddenLines} more lines` : 'Show the rest'}
        </button>
      )}
      {cut && !whole.data && (
        <button type="button" className="log-msg__more" onClick={() => onToggle(id, 'full')} disabled={whole.isFetching} data-testid="log-show-all">
          {whole.isFetching ? 'Loading the whole line…' : `Show all ${(line.fullLength ?? 0).toLocaleString()} characters`}
        </button>
      )}
      {whole.error && (
        <span className="log-msg__error" role="status">
          Could not load the whole line: <RedactedText text={whole.error.message} />
        </span>
      )}
    </div>
  );
});
