/**
 * One span of the waterfall: its name column (indent, toggle, category,
 * tokens or tool) and its bar on the time axis. Rows mount by the dozen while
 * the tree scrolls, so the row is memoized and its toggle is a plain element:
 * the keyboard opens and closes spans through the tree (Right/Left), so the
 * toggle is a pointer shortcut and not a tab stop of its own.
 */
import Icon from '@cloudscape-design/components/icon';
import { memo, type CSSProperties, type MouseEvent } from 'react';
import { categories, spanDuration, spanSummary, tokenFlow, toolLabel } from './span-format';
import type { WaterfallRow as Row } from './waterfall-layout';

export interface WaterfallRowProps {
  row: Row;
  id: string;
  index: number;
  start: number;
  active: boolean;
  selected: boolean;
  measure: (element: HTMLElement | null) => void;
  onPick: (spanId: string) => void;
  onToggle: (spanId: string) => void;
}

/** The duration sits right of the bar while there is room, else left of it, else inside its start (on a chip, so it stays readable). */
function labelPlace(offset: number, width: number): CSSProperties {
  if (offset + width <= 0.8) return { left: `calc(${(offset + width) * 100}% + 6px)` };
  if (offset >= 0.2) return { right: `calc(${(1 - offset) * 100}% + 6px)` };
  return { left: `calc(${offset * 100}% + 4px)` };
}

export const WaterfallRow = memo(function WaterfallRow({ row, id, index, start, active, selected, measure, onPick, onToggle }: WaterfallRowProps) {
  const { span } = row;
  const category = categories[span.category];
  const failed = span.status === 'error';
  const tokens = span.category === 'model' ? tokenFlow(span) : null;
  const tool = span.category === 'tool' ? toolLabel(span) : null;
  const toggle = (event: MouseEvent): void => {
    // Opening a span is not choosing it: the detail panel stays on what was selected.
    event.stopPropagation();
    onToggle(span.spanId);
  };
  const classes = ['wf-row', active && 'wf-row--active', selected && 'wf-row--selected', span.critical && 'wf-row--critical'].filter(Boolean).join(' ');
  return (
    <div
      ref={measure}
      id={id}
      data-index={index}
      role="treeitem"
      aria-level={span.depth + 1}
      aria-posinset={row.position}
      aria-setsize={row.siblings}
      aria-expanded={row.hasChildren ? !row.collapsed : undefined}
      aria-selected={selected}
      aria-label={spanSummary(span, row.durationMs, row.startOffsetMs)}
      className={classes}
      style={{ transform: `translateY(${start}px)` }}
      onClick={() => onPick(span.spanId)}
      data-testid="trace-span-row"
      data-span-id={span.spanId}
      data-category={span.category}
      data-critical={span.critical ? 'true' : 'false'}
      data-status={span.status}
    >
      <div className="wf-name" style={{ ['--wf-depth' as string]: span.depth }}>
        {row.hasChildren ? (
          <span className="wf-toggle" aria-hidden="true" onClick={toggle} title={row.collapsed ? 'Expand' : 'Collapse'} data-testid="trace-span-toggle">
            <Icon name={row.collapsed ? 'caret-right-filled' : 'caret-down-filled'} size="small" />
          </span>
        ) : (
          <span className="wf-toggle" aria-hidden="true" />
        )}
        <span className={`wf-category wf-category--${span.category}`}>
          <Icon name={category.icon} size="small" />
          {category.label}
        </span>
        <span className="wf-name__text" title={span.name}>
          {span.name}
        </span>
        {tool && <span className="wf-name__meta">{tool}</span>}
        {tokens && (
          <span className="wf-name__meta" title="Input → output tokens">
            {tokens}
          </span>
        )}
        {span.orphan && <span className="wf-orphan">orphan: parent not found</span>}
      </div>
      <div className="wf-track">
        <span
          className={`wf-bar wf-bar--${span.category}${failed ? ' wf-bar--error' : ''}${span.critical ? ' wf-bar--critical' : ''}`}
          style={{ left: `${row.offset * 100}%`, width: `${row.width * 100}%` }}
        />
        <span className={`wf-duration${failed ? ' wf-duration--error' : ''}`} style={labelPlace(row.offset, row.width)}>
          {failed && (
            <>
              <Icon name="status-negative" size="small" variant="error" /> Error ·{' '}
            </>
          )}
          {spanDuration(row.durationMs)}
        </span>
      </div>
    </div>
  );
});
