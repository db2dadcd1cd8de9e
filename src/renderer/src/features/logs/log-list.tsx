/**
 * A log list, virtualized with dynamic heights: only the rows on screen are
 * mounted and measured, so 100,000 lines scroll at frame rate. A live list
 * follows new lines while it is at the bottom and holds still (anchored to
 * the row being read, even while the oldest lines go) once the user scrolls
 * up, offering "Jump to latest (N new)". A history list asks for the next
 * page before its end is reached. End jumps to the latest line, Home to the
 * first.
 */
import './log-list.css';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Icon from '@cloudscape-design/components/icon';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { LogEntry } from './log-entry';
import { needsDates } from './log-format';
import { LogRow } from './log-row';
import { LogsDisplayContext, useLogsDisplay, type RowOpen, type ToggleRow } from './logs-display';

/** Within this many pixels of the bottom counts as "at the bottom" (a row measured a little taller must not stop following). */
const END_SLACK = 24;
/** The next page is asked for this many rows before the end. */
const PREFETCH_ROWS = 60;

export interface LogListProps {
  rows: readonly LogEntry[];
  agentKey: string;
  /** Live: follow the end, anchor to it. */
  live: boolean;
  label: string;
  empty: ReactNode;
  /** Lines that left the front of a live buffer: a marker row says so. */
  droppedOlder?: number;
  /** Lines ever appended to `rows` (live): counts "N new" while the user reads above. */
  appended?: number;
  hasMore?: boolean;
  fetchingMore?: boolean;
  onEndReached?: () => void;
  /** History: scroll once to the first line at or after this moment. */
  scrollToTime?: number | null;
}

export function LogList(props: LogListProps) {
  const { rows, live, droppedOlder = 0, appended = 0, hasMore = false, fetchingMore = false, onEndReached, scrollToTime = null } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [following, setFollowing] = useState(live);
  const appendedWhenLeft = useRef(0);
  const [open, setOpen] = useState<ReadonlyMap<number, RowOpen>>(() => new Map());
  const onToggle = useCallback<ToggleRow>(
    (id, part) =>
      setOpen((current) => {
        const next = new Map(current);
        const row = current.get(id) ?? {};
        next.set(id, { ...row, [part]: !row[part] });
        return next;
      }),
    [],
  );

  const marker = droppedOlder > 0 ? 1 : 0;
  const count = rows.length + marker;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 24,
    overscan: 10,
    getItemKey: (index) => (index < marker ? 'dropped' : (rows[index - marker]?.id ?? `i${index}`)),
    anchorTo: live ? 'end' : 'start',
    followOnAppend: live && following,
    scrollEndThreshold: END_SLACK,
  });

  const display = useLogsDisplay();
  // Dates only when the lines span more than today; checked per change of rows, not per row.
  const withDate = useMemo(() => needsDates(rows, display.zone, Date.now()), [rows, display.zone]);
  const context = useMemo(() => ({ ...display, withDate, agentKey: props.agentKey }), [display, withDate, props.agentKey]);

  const jumpToLatest = useCallback(() => {
    setFollowing(true);
    virtualizer.scrollToEnd();
  }, [virtualizer]);

  const onScroll = (): void => {
    const el = scrollRef.current;
    if (!el || !live) return;
    const atEnd = el.scrollHeight - el.scrollTop - el.clientHeight <= END_SLACK;
    if (atEnd === following) return;
    if (!atEnd) appendedWhenLeft.current = appended;
    setFollowing(atEnd);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key === 'End' && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      jumpToLatest();
    } else if (event.key === 'Home' && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      setFollowing(false);
      virtualizer.scrollToIndex(0, { align: 'start' });
    }
  };

  // The first lines of a live list arrive while the empty state is on screen (no scroll element to follow with): start at the end.
  const wasEmpty = useRef(true);
  useEffect(() => {
    if (rows.length === 0) {
      wasEmpty.current = true;
      return;
    }
    if (wasEmpty.current && live && following) virtualizer.scrollToEnd();
    wasEmpty.current = false;
  }, [rows.length, live, following, virtualizer]);

  const items = virtualizer.getVirtualItems();
  const last = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (onEndReached && hasMore && !fetchingMore && last >= count - PREFETCH_ROWS) onEndReached();
  }, [last, count, hasMore, fetchingMore, onEndReached]);

  // A jump to a moment: once the line is loaded, centre it (more pages load until it is, or there are none).
  const scrolledTo = useRef<number | null>(null);
  useEffect(() => {
    if (scrollToTime === null || scrolledTo.current === scrollToTime || rows.length === 0) return;
    const index = rows.findIndex((e) => e.kind === 'line' && e.line.timestamp >= scrollToTime);
    if (index === -1 && hasMore) {
      if (!fetchingMore) onEndReached?.();
      return;
    }
    scrolledTo.current = scrollToTime;
    virtualizer.scrollToIndex((index === -1 ? rows.length - 1 : index) + marker, { align: 'center' });
  }, [scrollToTime, rows, hasMore, fetchingMore, onEndReached, virtualizer, marker]);

  const unseen = live && !following ? Math.max(0, appended - appendedWhenLeft.current) : 0;

  if (rows.length === 0 && marker === 0) {
    return (
      <div className="logs-list logs-list--empty" data-testid="log-list-empty">
        <Box textAlign="center" color="text-body-secondary" padding="l">
          {props.empty}
        </Box>
      </div>
    );
  }
  return (
    <LogsDisplayContext.Provider value={context}>
      <div className="logs-list" style={{ ['--log-time-chars' as string]: withDate ? 23 : 12 }}>
        <div className="log-row log-row--head" aria-hidden="true">
          <span>Time ({display.zone === 'utc' ? 'UTC' : 'local'})</span>
          <span>Level</span>
          <span className="log-row__stream">Stream</span>
          <span>Message</span>
        </div>
        <div
          ref={scrollRef}
          className="logs-scroll"
          onScroll={onScroll}
          onKeyDown={onKeyDown}
          tabIndex={0}
          role="log"
          aria-live="off"
          aria-label={`${props.label}. End jumps to the latest line, Home to the first.`}
          data-testid="log-list"
        >
          <div className="logs-scroll__inner" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const entry = item.index < marker ? null : rows[item.index - marker];
              return (
                <div
                  key={item.key}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  className="logs-vrow"
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  {entry ? (
                    <LogRow entry={entry} open={open.get(entry.id)} onToggle={onToggle} />
                  ) : (
                    <div className="log-marker log-marker--dropped" data-testid="log-dropped-marker" role="note">
                      <Icon name="status-info" size="small" /> {droppedOlder.toLocaleString()} older {droppedOlder === 1 ? 'line' : 'lines'} dropped (the buffer
                      keeps the newest; raise it in Settings)
                    </div>
                  )}
                </div>
              );
            })}
          </div>
          {fetchingMore && (
            <Box padding="s" textAlign="center" color="text-body-secondary">
              Loading more lines…
            </Box>
          )}
        </div>
        {live && !following && (
          <div className="logs-list__jump">
            <Button variant="primary" iconName="angle-down" onClick={jumpToLatest} data-testid="log-jump-latest">
              Jump to latest{unseen > 0 ? ` (${unseen.toLocaleString()} new)` : ''}
            </Button>
          </div>
        )}
      </div>
    </LogsDisplayContext.Provider>
  );
}
