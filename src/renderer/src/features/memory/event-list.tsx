/**
 * Events as a virtualized list: only rows on screen are mounted and measured,
 * so a session of 10,000 events scrolls at frame rate. Reaching the end asks
 * for the next page. Agent text is shown as text, never as HTML.
 */
import Box from '@cloudscape-design/components/box';
import Icon from '@cloudscape-design/components/icon';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef } from 'react';
import type { MemoryEvent } from '../../../../shared/memory';
import { formatTimestamp } from '../../lib/relative-time';
import { hrefFor } from '../../routing/use-hash-route';
import { notify, notifyError } from '../../state/notifications';
import { memoryQuery } from './memory-route';

/** The next page is asked for this many rows before the end, so it usually arrives before the user gets there. */
const PREFETCH_ROWS = 40;

export interface EventListProps {
  events: readonly MemoryEvent[];
  branchPoints: ReadonlyMap<string, string[]>;
  selectedEvent: string | null;
  memoryKey: string;
  onDelete: (event: MemoryEvent) => void;
  hasMore: boolean;
  fetchingMore: boolean;
  onEndReached: () => void;
}

export function EventList(props: EventListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const { events } = props;
  const virtualizer = useVirtualizer({
    count: events.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 96,
    overscan: 8,
    getItemKey: (index) => events[index]?.eventId ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const last = items.at(-1)?.index ?? -1;
  const { hasMore, fetchingMore, onEndReached } = props;
  useEffect(() => {
    if (hasMore && !fetchingMore && last >= events.length - PREFETCH_ROWS) onEndReached();
  }, [last, events.length, hasMore, fetchingMore, onEndReached]);
  const selectedIndex = props.selectedEvent ? events.findIndex((e) => e.eventId === props.selectedEvent) : -1;
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'center' });
    // Only when the selection changes, not when more pages arrive.
  }, [props.selectedEvent, selectedIndex >= 0]);

  if (events.length === 0) {
    return (
      <Box padding="l" textAlign="center" color="text-body-secondary">
        No event matches.
      </Box>
    );
  }
  return (
    <div ref={scrollRef} className="memory-event-scroll" data-testid="memory-event-scroll" tabIndex={0} aria-label="Event list, newest first">
      <ol className="memory-event-list" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((row) => {
          const event = events[row.index];
          if (!event) return null;
          return (
            <li
              key={row.key}
              ref={virtualizer.measureElement}
              data-index={row.index}
              className="memory-event-row"
              style={{ transform: `translateY(${row.start}px)` }}
            >
              <EventItem
                event={event}
                selected={event.eventId === props.selectedEvent}
                forks={props.branchPoints.get(event.eventId)}
                memoryKey={props.memoryKey}
                onDelete={props.onDelete}
              />
            </li>
          );
        })}
      </ol>
      {props.fetchingMore && (
        <Box padding="s" textAlign="center" color="text-body-secondary">
          Loading more events…
        </Box>
      )}
    </div>
  );
}

/**
 * Rows mount by the dozen while a list scrolls fast, so their controls are
 * plain buttons with Cloudscape icons rather than full Cloudscape components.
 */
function copyEvent(event: MemoryEvent): void {
  navigator.clipboard
    .writeText(JSON.stringify(event, null, 2))
    .then(() => notify({ type: 'success', header: 'Copied', content: `Event ${event.eventId} copied as JSON.` }))
    .catch((error: unknown) => notifyError('Copy event', error));
}

const roleClass: Record<string, string> = { USER: 'user', ASSISTANT: 'assistant', TOOL: 'tool', OTHER: 'other' };

const EventItem = memo(function EventItem({
  event,
  selected,
  forks,
  memoryKey,
  onDelete,
}: {
  event: MemoryEvent;
  selected: boolean;
  forks: string[] | undefined;
  memoryKey: string;
  onDelete: (event: MemoryEvent) => void;
}) {
  const link = hrefFor('memory', memoryQuery({ memory: memoryKey, actor: event.actorId, session: event.sessionId, event: event.eventId }));
  const metadata = Object.entries(event.metadata);
  return (
    <article
      className={selected ? 'memory-event memory-event--selected' : 'memory-event'}
      data-testid="memory-event"
      aria-current={selected ? 'true' : undefined}
    >
      <header className="memory-event__head">
        <a href={link} className="memory-event__time">
          {formatTimestamp(event.at)}
        </a>
        {event.branch && <span className="memory-tag memory-tag--branch">branch {event.branch.name}</span>}
        {forks && <span className="memory-tag">branch point: {forks.join(', ')}</span>}
        <span className="memory-event__actions">
          <button
            type="button"
            className="memory-icon-button"
            aria-label={`Copy event ${event.eventId} as JSON`}
            title="Copy as JSON"
            onClick={() => copyEvent(event)}
          >
            <Icon name="copy" />
          </button>
          <button
            type="button"
            className="memory-icon-button"
            aria-label={`Delete event ${event.eventId}`}
            title="Delete"
            onClick={() => onDelete(event)}
            data-testid="memory-event-delete"
          >
            <Icon name="remove" />
          </button>
        </span>
      </header>
      {event.parts.map((part, i) =>
        part.kind === 'turn' ? (
          <div key={i} className={`memory-turn memory-turn--${roleClass[part.role] ?? 'other'}`} data-role={part.role}>
            <span className="memory-turn__role">{part.role}</span>
            <p className="memory-turn__text">{part.text}</p>
          </div>
        ) : (
          <div key={i} className="memory-blob">
            <span className="memory-turn__role">BLOB</span>
            <pre>{part.json}</pre>
            {part.truncated && <Box color="text-body-secondary">Shown up to 64 KB; copy or export the event for all of it.</Box>}
          </div>
        ),
      )}
      {(selected || metadata.length > 0) && (
        <dl className="memory-event__meta">
          {selected && (
            <div className="memory-meta-pair">
              <dt>Event id</dt>
              <dd>
                <code>{event.eventId}</code>
              </dd>
            </div>
          )}
          {metadata.map(([k, v]) => (
            <div key={k} className="memory-meta-pair">
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      )}
    </article>
  );
});
