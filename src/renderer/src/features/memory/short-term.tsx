/** Short-term memory as AgentCore structures it: actors › sessions › events, each column a level of the URL. */
import Box from '@cloudscape-design/components/box';
import Spinner from '@cloudscape-design/components/spinner';
import { useEffect } from 'react';
import type { FleetResource } from '../../../../shared/fleet';
import { useIdentifierFormatter } from '../../components/identifier';
import { formatTimestamp } from '../../lib/relative-time';
import { hrefFor, navigate } from '../../routing/use-hash-route';
import { useApiQuery } from '../../state/api-query';
import { EventsPanel } from './events-panel';
import { memoryQuery, type MemoryView } from './memory-route';
import { PickList } from './pick-list';
import { usePaged } from './use-paged';
import { RedactedText } from '../../components/redacted-text';

export function ShortTerm({ view, memory }: { view: MemoryView; memory: FleetResource }) {
  const key = memory.key;
  const formatId = useIdentifierFormatter();
  const actors = usePaged('memory.actors', { key });
  const sessions = usePaged('memory.sessions', { key, actorId: view.actor ?? '-' }, view.actor !== null);
  return (
    <div className="memory-short" data-testid="memory-short-term">
      {view.findSession && <FindSession memoryKey={key} sessionId={view.findSession} />}
      <PickList
        title="Actors"
        testId="memory-actors"
        items={actors.items.map(({ actorId: id }) => ({ id, label: formatId('user', id), href: hrefFor('memory', memoryQuery({ memory: key, actor: id })) }))}
        current={view.actor}
        loading={actors.isLoading}
        error={actors.error}
        empty="No actor has events in this memory yet."
        hasMore={actors.hasMore}
        fetchingMore={actors.fetchingMore}
        onMore={actors.loadMore}
      />
      {view.actor ? (
        <PickList
          title="Sessions"
          testId="memory-sessions"
          items={sessions.items.map((s) => ({
            id: s.sessionId,
            label: s.sessionId,
            ...(s.createdAt ? { detail: formatTimestamp(s.createdAt) } : {}),
            href: hrefFor('memory', memoryQuery({ memory: key, actor: view.actor ?? '', session: s.sessionId })),
          }))}
          current={view.session}
          loading={sessions.isLoading}
          error={sessions.error}
          empty="This actor has no sessions."
          hasMore={sessions.hasMore}
          fetchingMore={sessions.fetchingMore}
          onMore={sessions.loadMore}
        />
      ) : (
        <Hint text="Choose an actor to see their sessions." />
      )}
      {view.actor && view.session ? (
        <EventsPanel memory={memory} actorId={view.actor} sessionId={view.session} selectedEvent={view.event} />
      ) : (
        <Hint text={view.actor ? 'Choose a session to see its events.' : 'Events appear here, newest first.'} />
      )}
    </div>
  );
}

function Hint({ text }: { text: string }) {
  return (
    <div className="memory-column memory-column--hint">
      <Box color="text-body-secondary" textAlign="center" padding="l">
        {text}
      </Box>
    </div>
  );
}

/** A link from a chat session names the session but not its actor: find the actor, then show the session. */
function FindSession({ memoryKey, sessionId }: { memoryKey: string; sessionId: string }) {
  const found = useApiQuery('memory.findSession', { key: memoryKey, sessionId });
  const actorId = found.data?.actorId;
  useEffect(() => {
    if (actorId) navigate({ page: 'memory', query: memoryQuery({ memory: memoryKey, actor: actorId, session: sessionId }) }, 'replace');
  }, [actorId, memoryKey, sessionId]);
  return (
    <div className="memory-find" role="status">
      {found.isLoading ? (
        <span>
          <Spinner /> Looking for session {sessionId} in this memory…
        </span>
      ) : found.error ? (
        <Box color="text-status-error">
          <RedactedText text={found.error.message} />
        </Box>
      ) : actorId === null ? (
        <Box color="text-body-secondary">No actor of this memory has session {sessionId}: the agent stored nothing for it (yet).</Box>
      ) : null}
    </div>
  );
}
