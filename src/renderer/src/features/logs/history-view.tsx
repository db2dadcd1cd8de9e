/**
 * A pane's history: a range (the last 5 min, 1 h, 24 h, or any absolute
 * window), pages of `logs.history` oldest first, loaded as the list nears its
 * end or on "Load more", drawn with the same rows as the live tail. A jump
 * from chat lands scrolled to its moment.
 */
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import DateRangePicker, { type DateRangePickerProps } from '@cloudscape-design/components/date-range-picker';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useMemo, useState } from 'react';
import { downloadText } from '../../lib/download';
import { FilterBar } from './filter-bar';
import { countText, entriesToText, type TimeZoneMode } from './log-format';
import type { LineFilter } from './log-filter';
import { LogList } from './log-list';
import { relativeRanges, resolveRange, type HistoryRange, type RelativeRange } from './logs-route';
import { filterErrorText, isFilterError } from './pane-errors';
import { useLogHistory } from './use-log-history';
import { RedactedText } from '../../components/redacted-text';

const relativeOptions: DateRangePickerProps.RelativeOption[] = [
  { key: '5m', amount: 5, unit: 'minute', type: 'relative' },
  { key: '1h', amount: 1, unit: 'hour', type: 'relative' },
  { key: '24h', amount: 24, unit: 'hour', type: 'relative' },
];
const unitMs: Partial<Record<DateRangePickerProps.TimeUnit, number>> = { second: 1_000, minute: 60_000, hour: 3_600_000, day: 86_400_000, week: 604_800_000 };

function toPicker(range: HistoryRange): DateRangePickerProps.Value {
  if (range.kind === 'relative') return relativeOptions.find((o) => o.key === range.range) ?? relativeOptions[1]!;
  return { type: 'absolute', startDate: new Date(range.from).toISOString(), endDate: new Date(range.to).toISOString() };
}

/** A picked value as a range: the presets stay relative; any other relative amount becomes the window ending now. */
export function fromPicker(value: DateRangePickerProps.Value, now: number): HistoryRange | null {
  if (value.type === 'relative') {
    const preset = relativeOptions.find((o) => o.amount === value.amount && o.unit === value.unit);
    if (preset) return { kind: 'relative', range: preset.key as RelativeRange };
    const ms = (unitMs[value.unit] ?? 0) * value.amount;
    return ms > 0 ? { kind: 'absolute', from: now - ms, to: now } : null;
  }
  const from = Date.parse(value.startDate);
  const to = Date.parse(value.endDate);
  return Number.isFinite(from) && Number.isFinite(to) ? { kind: 'absolute', from, to } : null;
}

const isValidRange: DateRangePickerProps.ValidationFunction = (value) => {
  if (value?.type === 'absolute' && value.startDate && value.endDate && Date.parse(value.endDate) < Date.parse(value.startDate))
    return { valid: false, errorMessage: 'The range ends before it starts.' };
  if (value?.type === 'absolute' && (!value.startDate || !value.endDate)) return { valid: false, errorMessage: 'Pick a start and an end.' };
  return { valid: true };
};

export interface HistoryViewProps {
  agentKey: string;
  agentName: string;
  endpoint: string;
  pattern: string;
  onPattern: (pattern: string) => void;
  range: HistoryRange;
  onRange: (range: HistoryRange) => void;
  lineFilter: LineFilter;
  zone: TimeZoneMode;
  enabled: boolean;
  at: number | null;
}

export function HistoryView(props: HistoryViewProps) {
  const { agentKey, endpoint, pattern, range } = props;
  // A relative range ends at the moment it was picked (or refreshed): the query key must not change every render.
  const [now, setNow] = useState(() => Date.now());
  // "The last hour" is measured on AWS's clock in main, so a laptop clock that is off still reads the right minutes.
  const lastMs = range.kind === 'relative' ? relativeRanges[range.range] : undefined;
  const from = range.kind === 'absolute' ? range.from : undefined;
  const to = range.kind === 'absolute' ? range.to : undefined;
  const input = useMemo(() => {
    if (!props.enabled) return null;
    const span = lastMs !== undefined ? { lastMs } : { startTime: from, endTime: to };
    return { agentKey, endpoint, ...span, ...(pattern ? { filterPattern: pattern } : {}) };
  }, [props.enabled, agentKey, endpoint, lastMs, from, to, pattern]);
  const history = useLogHistory(input, props.lineFilter, now);
  const { startTime, endTime } = history.range ?? resolveRange(range, now);
  const patternError = isFilterError(history.error, pattern) && history.error ? filterErrorText(history.error) : undefined;

  const save = (): void => {
    const stamp = new Date(startTime).toISOString().replace(/[:.]/g, '-');
    downloadText(`${props.agentName}-${endpoint}-${stamp}.log`, 'text/plain', entriesToText(history.rows));
  };
  const refresh = (): void => {
    if (range.kind === 'relative') setNow(Date.now());
    else history.refetch();
  };

  return (
    <>
      <FilterBar applied={pattern} onApply={props.onPattern} errorText={patternError}>
        <SpaceBetween direction="horizontal" size="xs">
          <div className="logs-range" data-testid="logs-range">
            <DateRangePicker
              value={toPicker(range)}
              onChange={(e) => {
                const next = e.detail.value ? fromPicker(e.detail.value, Date.now()) : null;
                if (!next) return;
                setNow(Date.now());
                props.onRange(next);
              }}
              relativeOptions={relativeOptions}
              isValidRange={isValidRange}
              rangeSelectorMode="default"
              absoluteFormat="long-localized"
              placeholder="Choose a time range"
              {...(props.zone === 'utc' ? { getTimeOffset: () => 0 } : {})}
              expandToViewport
            />
          </div>
          <Button iconName="refresh" ariaLabel="Reload the range" onClick={refresh} loading={history.isLoading} />
          <Button iconName="download" onClick={save} disabled={history.rows.length === 0} data-testid="logs-save">
            Save
          </Button>
        </SpaceBetween>
      </FilterBar>
      <div className="logs-statusbar">
        <span className="logs-status">
          {history.isLoading ? (
            <StatusIndicator type="loading">Loading</StatusIndicator>
          ) : (
            <StatusIndicator type={history.hasMore ? 'info' : 'success'}>{history.hasMore ? 'More lines in the range' : 'Whole range loaded'}</StatusIndicator>
          )}
        </span>
        <span className="logs-statusbar__counts" data-testid="logs-counts">
          {countText(history.rows.length, history.lineCount)}
        </span>
      </div>
      {history.error && !patternError && (
        <Alert
          type="error"
          header={history.lineCount > 0 ? 'Could not load more lines' : 'Could not load the lines'}
          action={<Button onClick={history.loadMore}>Retry</Button>}
        >
          <RedactedText text={history.error.message} />
        </Alert>
      )}
      <LogList
        key={JSON.stringify(input)}
        agentKey={agentKey}
        rows={history.rows}
        live={false}
        label={`Log lines of ${props.agentName}, endpoint ${endpoint}, from ${new Date(startTime).toISOString()} to ${new Date(endTime).toISOString()}`}
        empty={history.isLoading ? 'Loading lines…' : history.lineCount > 0 ? 'No line matches the level filter or the highlight.' : 'No lines in this range.'}
        hasMore={history.hasMore}
        fetchingMore={history.fetchingMore}
        onEndReached={history.loadMore}
        scrollToTime={props.at}
      />
      {history.hasMore && (
        <Box textAlign="center" padding={{ top: 'xxs' }}>
          <Button variant="inline-link" onClick={history.loadMore} loading={history.fetchingMore} data-testid="logs-load-more">
            Load more
          </Button>
        </Box>
      )}
    </>
  );
}
