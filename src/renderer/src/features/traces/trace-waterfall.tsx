/**
 * A trace as a span tree on a time axis, virtualized: only the rows on screen
 * are mounted, so a 10,000-span trace scrolls at frame rate. The tree is one
 * tab stop (role="tree", the active row named by aria-activedescendant) and
 * follows the WAI-ARIA tree pattern; selection follows the active row, so
 * the detail panel shows the span the keyboard is on.
 */
import './traces.css';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { TraceView } from '../../../../shared/traces';
import { spanDuration } from './span-format';
import { WaterfallAxis, WaterfallGrid, WaterfallLegend } from './waterfall-axis';
import { keyAction } from './waterfall-keys';
import { ancestorsOf, isDescendant, layoutWaterfall } from './waterfall-layout';
import { WaterfallRow } from './waterfall-row';

/** Comfortable density; rows are measured, so compact mode and zoomed text correct it. */
const ROW_ESTIMATE = 32;
const DEFAULT_HEIGHT = 520;

export interface TraceWaterfallProps {
  trace: TraceView;
  selectedSpanId?: string;
  onSelect: (spanId: string) => void;
  /** Most pixels the scrolling rows take (a short trace takes less); the axis and legend come on top. */
  height?: number;
}

export function TraceWaterfall({ trace, selectedSpanId, onSelect, height = DEFAULT_HEIGHT }: TraceWaterfallProps) {
  const { spans } = trace;
  const scrollRef = useRef<HTMLDivElement>(null);
  const idPrefix = useId();
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [activeId, setActiveId] = useState(selectedSpanId);

  const layout = useMemo(() => layoutWaterfall(trace, collapsed), [trace, collapsed]);
  const { rows } = layout;
  const spanIndexById = useMemo(() => new Map(spans.map((span, i) => [span.spanId, i])), [spans]);
  const rowIndexById = useMemo(() => new Map(rows.map((row, i) => [row.span.spanId, i])), [rows]);

  // A span hidden under a collapsed ancestor hands the keyboard to the nearest ancestor still shown.
  const activeIndex = useMemo(() => {
    if (activeId === undefined) return -1;
    const shown = rowIndexById.get(activeId);
    if (shown !== undefined) return shown;
    const index = spanIndexById.get(activeId);
    if (index === undefined) return -1;
    for (const ancestor of ancestorsOf(spans, index)) {
      const row = rowIndexById.get(spans[ancestor]?.spanId ?? '');
      if (row !== undefined) return row;
    }
    return -1;
  }, [activeId, rowIndexById, spanIndexById, spans]);

  // A span chosen elsewhere (a link, the critical path) becomes active, with its ancestors opened to show it.
  useEffect(() => {
    if (selectedSpanId === undefined) return;
    setActiveId(selectedSpanId);
    const index = spanIndexById.get(selectedSpanId);
    if (index === undefined) return;
    const ancestors = ancestorsOf(spans, index).map((i) => spans[i]?.spanId ?? '');
    setCollapsed((current) => {
      if (!ancestors.some((id) => current.has(id))) return current;
      const next = new Set(current);
      ancestors.forEach((id) => next.delete(id));
      return next;
    });
  }, [selectedSpanId, spanIndexById, spans]);

  // Stable per layout: a new key function makes the virtualizer rebuild all 10,000 measurements on every scroll frame.
  const getItemKey = useCallback((index: number) => rows[index]?.span.spanId ?? index, [rows]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 12,
    getItemKey,
  });

  useEffect(() => {
    if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, virtualizer]);

  const onToggle = useCallback(
    (spanId: string) => {
      setCollapsed((current) => {
        const next = new Set(current);
        if (!next.delete(spanId)) next.add(spanId);
        return next;
      });
      // Closing the span around the active row moves the keyboard onto the span closed (and opening it keeps it there).
      const toggled = spanIndexById.get(spanId);
      setActiveId((current) => {
        const active = current === undefined ? undefined : spanIndexById.get(current);
        return toggled !== undefined && active !== undefined && isDescendant(spans, toggled, active) ? spanId : current;
      });
    },
    [spanIndexById, spans],
  );

  const onPick = useCallback(
    (spanId: string) => {
      setActiveId(spanId);
      onSelect(spanId);
    },
    [onSelect],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const pageSize = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? height) / ROW_ESTIMATE) - 1);
    const action = keyAction(event.key, rows, activeIndex, pageSize);
    if (!action) return;
    event.preventDefault();
    if (action.kind === 'toggle') onToggle(action.spanId);
    else {
      const spanId = rows[action.kind === 'select' ? activeIndex : action.index]?.span.spanId;
      if (spanId !== undefined) onPick(spanId);
    }
  };

  // Focusing the tree with nothing active starts on the selection, or the first span.
  const onFocus = (): void => {
    if (activeIndex === -1 && rows[0]) setActiveId(selectedSpanId ?? rows[0].span.spanId);
  };

  const items = virtualizer.getVirtualItems();
  const rowId = (spanIndex: number): string => `${idPrefix}-span-${spanIndex}`;
  const activeRow = rows[activeIndex];
  // Only a mounted row can be the active descendant; a row scrolled away by the mouse is mounted again by the next key press.
  const activeMounted = activeRow !== undefined && items.some((item) => item.index === activeIndex);

  return (
    <div className="trace-waterfall">
      <WaterfallLegend />
      <div className="wf-frame">
        <WaterfallAxis ticks={layout.ticks} durationLabel={spanDuration(layout.durationMs)} />
        <div
          ref={scrollRef}
          className="wf-scroll"
          style={{ maxHeight: height }}
          role="tree"
          tabIndex={0}
          aria-label={`Spans of trace ${trace.traceId}: ${rows.length.toLocaleString()} shown of ${spans.length.toLocaleString()}. Arrow keys move, Right and Left open and close, Enter selects.`}
          aria-activedescendant={activeMounted ? rowId(activeRow.spanIndex) : undefined}
          onKeyDown={onKeyDown}
          onFocus={onFocus}
          data-testid="trace-waterfall"
        >
          <div className="wf-scroll__inner" role="none" style={{ height: virtualizer.getTotalSize() }}>
            <WaterfallGrid ticks={layout.ticks} />
            {items.map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              return (
                <WaterfallRow
                  key={item.key}
                  row={row}
                  id={rowId(row.spanIndex)}
                  index={item.index}
                  start={item.start}
                  active={item.index === activeIndex}
                  selected={row.span.spanId === selectedSpanId}
                  measure={virtualizer.measureElement}
                  onPick={onPick}
                  onToggle={onToggle}
                />
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}
