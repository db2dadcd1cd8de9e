/**
 * The incident's timeline, newest first so the latest is in view without
 * scrolling: each event's local time (UTC on hover and in the report), where
 * it came from, the agent, and what happened. Log lines and agent errors are
 * untrusted text and pass the redaction of presentation mode.
 */
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import { memo } from 'react';
import type { TimelineEvent, TimelineSource } from '../../../../shared/warroom';
import { RedactedText } from '../../components/redacted-text';
import { formatClock } from '../../lib/relative-time';

export const sourceLabels: Record<TimelineSource, string> = {
  status: 'Status',
  slo: 'SLO',
  logs: 'Logs',
  chat: 'Chat',
  loadtest: 'Load test',
  note: 'Note',
  incident: 'Incident',
};

const utc = (at: number): string => `${new Date(at).toISOString().slice(0, 19).replace('T', ' ')} UTC`;

const TimelineItem = memo(function TimelineItem({ event, onDeleteNote }: { event: TimelineEvent; onDeleteNote?: (id: number) => void }) {
  return (
    <li className={`timeline-item timeline-item--${event.severity}`} data-testid="timeline-event" data-source={event.source}>
      <time className="timeline-item__time" dateTime={new Date(event.at).toISOString()} title={utc(event.at)}>
        {formatClock(event.at)}
      </time>
      <span className={`timeline-item__source timeline-item__source--${event.source}`}>{sourceLabels[event.source]}</span>
      <div className="timeline-item__body">
        <div className="timeline-item__title">
          {event.agentName && <strong>{event.agentName}: </strong>}
          <RedactedText text={event.title} />
        </div>
        {event.detail && (
          <div className="timeline-item__detail">
            <RedactedText text={event.detail} />
          </div>
        )}
      </div>
      {event.noteId !== undefined && onDeleteNote && (
        <Button variant="icon" iconName="remove" ariaLabel={`Delete the note from ${formatClock(event.at)}`} onClick={() => onDeleteNote(event.noteId!)} />
      )}
    </li>
  );
});

/** Without `onDeleteNote` (a share's viewer) notes have no delete button. */
export function TimelineFeed({ events, onDeleteNote }: { events: readonly TimelineEvent[]; onDeleteNote?: (id: number) => void }) {
  if (events.length === 0)
    return (
      <Box color="text-body-secondary" padding={{ vertical: 's' }}>
        Nothing yet: status changes, SLO breaches, error bursts, failed invocations and notes appear here as they happen.
      </Box>
    );
  const newestFirst = [...events].sort((a, b) => b.at - a.at || b.id.localeCompare(a.id));
  return (
    <ol className="timeline" aria-label="Incident timeline, newest first" tabIndex={0}>
      {newestFirst.map((event) => (
        <TimelineItem key={event.id} event={event} onDeleteNote={onDeleteNote} />
      ))}
    </ol>
  );
}
