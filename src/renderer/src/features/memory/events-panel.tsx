/**
 * A session's events, newest first as AgentCore lists them: the first page at
 * once, more as you ask (or all of them), filtered by text, time and branch
 * over what is loaded, in a virtualized list so 10,000 events scroll freely.
 */
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import TextFilter from '@cloudscape-design/components/text-filter';
import { useMemo, useState } from 'react';
import type { FleetResource } from '../../../../shared/fleet';
import { toSessionId, type MemoryEvent } from '../../../../shared/memory';
import { useIdentifierFormatter } from '../../components/identifier';
import { hrefFor } from '../../routing/use-hash-route';
import { api } from '../../api';
import { useApiMutation, useApiQuery } from '../../state/api-query';
import { notify } from '../../state/notifications';
import { DeleteDialog } from './delete-dialog';
import { EventList } from './event-list';
import { branchesOf, branchPoints, filterEvents, MAIN_BRANCH } from './event-filter';
import { saveExport } from './save-export';
import { useResetMemoryLists, usePaged } from './use-paged';
import { RedactedText } from '../../components/redacted-text';

const HOUR = 3_600_000;
const timeOptions: SelectProps.Option[] = [
  { value: 'any', label: 'Any time' },
  { value: String(HOUR), label: 'Last hour' },
  { value: String(24 * HOUR), label: 'Last 24 hours' },
  { value: String(7 * 24 * HOUR), label: 'Last 7 days' },
  { value: String(30 * 24 * HOUR), label: 'Last 30 days' },
];

export interface EventsPanelProps {
  memory: FleetResource;
  actorId: string;
  sessionId: string;
  selectedEvent: string | null;
}

export function EventsPanel({ memory, actorId, sessionId, selectedEvent }: EventsPanelProps) {
  const key = memory.key;
  const formatId = useIdentifierFormatter();
  const events = usePaged('memory.events', { key, actorId, sessionId });
  const [text, setText] = useState('');
  const [time, setTime] = useState<SelectProps.Option>(timeOptions[0]!);
  const [branch, setBranch] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<MemoryEvent | null>(null);
  const resetLists = useResetMemoryLists();
  const remove = useApiMutation('memory.deleteEvent');

  const branches = useMemo(() => branchesOf(events.items), [events.items]);
  const points = useMemo(() => branchPoints(events.items), [events.items]);
  const shown = useMemo(() => {
    const span = time.value === 'any' ? null : Number(time.value);
    return filterEvents(events.items, { text, branch, from: span === null ? null : Date.now() - span, to: null });
  }, [events.items, text, time, branch]);
  const branchOptions: SelectProps.Option[] = [
    { value: '', label: 'All branches' },
    ...branches.map((b) => ({ value: b.name, label: b.name === MAIN_BRANCH ? 'main' : b.name, description: `${b.events} events` })),
  ];

  const exportSession = (): void => saveExport(api.call('memory.exportSession', { key, actorId, sessionId }), 'events');

  return (
    <section className="memory-column memory-events" aria-label="Events" data-testid="memory-events">
      <SpaceBetween size="xs">
        <div className="memory-events__bar">
          <Box variant="h3" margin={{ vertical: 'n' }}>
            Events{' '}
            <Box variant="span" color="text-body-secondary" fontWeight="normal">
              ({shown.length === events.items.length ? events.items.length : `${shown.length} of ${events.items.length}`}
              {events.hasMore ? '+ loaded' : ''})
            </Box>
          </Box>
          <SpaceBetween direction="horizontal" size="xs">
            <ChatLink sessionId={sessionId} />
            <Button onClick={events.loadAll} loading={events.loadingAll} disabled={!events.hasMore} data-testid="memory-events-load-all">
              Load all
            </Button>
            <Button iconName="download" onClick={exportSession} data-testid="memory-events-export">
              Export JSONL
            </Button>
            <Button iconName="refresh" ariaLabel="Reload events" onClick={events.refresh} />
          </SpaceBetween>
        </div>
        <div className="memory-events__filters">
          <TextFilter
            filteringText={text}
            onChange={(e) => setText(e.detail.filteringText)}
            filteringPlaceholder="Filter loaded events"
            filteringAriaLabel="Filter loaded events"
          />
          <Select selectedOption={time} onChange={(e) => setTime(e.detail.selectedOption)} options={timeOptions} ariaLabel="Time range" />
          <Select
            selectedOption={branchOptions.find((o) => o.value === (branch ?? '')) ?? branchOptions[0]!}
            onChange={(e) => setBranch(e.detail.selectedOption.value || null)}
            options={branchOptions}
            ariaLabel="Branch"
          />
        </div>
        {events.error && (
          <Alert
            type={events.error.details?.retryable ? 'warning' : 'error'}
            header={events.items.length ? 'Could not load more events' : 'Could not load events'}
          >
            <RedactedText text={events.error.message} />
          </Alert>
        )}
      </SpaceBetween>
      {events.isLoading ? (
        <Box padding="l" textAlign="center">
          <Spinner /> Loading events
        </Box>
      ) : (
        <EventList
          events={shown}
          branchPoints={points}
          selectedEvent={selectedEvent}
          memoryKey={key}
          onDelete={setDeleting}
          hasMore={events.hasMore}
          fetchingMore={events.fetchingMore}
          onEndReached={events.loadMore}
        />
      )}
      {deleting && (
        <DeleteDialog
          noun="event"
          ids={[deleting.eventId]}
          where={`${memory.name} › ${formatId('user', actorId)} › ${sessionId}`}
          busy={remove.isPending}
          {...(remove.error ? { error: remove.error.message } : {})}
          onCancel={() => {
            remove.reset();
            setDeleting(null);
          }}
          onConfirm={(confirmation) =>
            remove.mutate(
              { key, actorId, sessionId, eventId: deleting.eventId, confirmation },
              {
                onSuccess: () => {
                  notify({ type: 'success', header: 'Deleted', content: `Deleted event ${deleting.eventId}.` });
                  setDeleting(null);
                  void resetLists(key);
                },
              },
            )
          }
        />
      )}
    </section>
  );
}

/** The console's own chat session that wrote this memory session, when there is one. */
function ChatLink({ sessionId }: { sessionId: string }) {
  const sessions = useApiQuery('chat.sessions.list', {});
  const chat = sessions.data?.find((s) => toSessionId(s.runtimeSessionId) === sessionId);
  if (!chat) return null;
  return (
    <Button
      iconName="contact"
      href={hrefFor('chat', { agent: chat.agentKey, session: chat.id })}
      data-testid="memory-open-chat"
      ariaLabel={`Open chat ${chat.title}`}
    >
      Open chat
    </Button>
  );
}
