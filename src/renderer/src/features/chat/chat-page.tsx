/**
 * Chat with a deployed agent (`#/chat?agent=<agentKey>&session=<id>`): agent
 * picker and session list on the left (or search results), open sessions as
 * tabs, the transcript and the composer on the right.
 */
import './chat-layout.css';
import './chat-session.css';
import './chat-transcript.css';
import './chat-composer.css';
import Box from '@cloudscape-design/components/box';
import Header from '@cloudscape-design/components/header';
import type { InputProps } from '@cloudscape-design/components/input';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ChatSearchHit, ChatSession } from '../../../../shared/chat';
import { isModalOpen, isTypingTarget } from '../../lib/keyboard';
import { useHashRoute } from '../../routing/use-hash-route';
import { useApiMutation, useApiQuery } from '../../state/api-query';
import { notifyError } from '../../state/notifications';
import { useFleetRefresh, useFleetSnapshot } from '../fleet/fleet-data';
import { logsAround } from '../logs/logs-route';
import { tracesQuery } from '../traces/traces-route';
import { kindOfKey } from '../../../../shared/fleet';
import { AgentPicker, chatAgentsOf } from './agent-picker';
import { NoAgent, NoSession } from './chat-empty';
import { isRawTurn, userMessageBefore } from './chat-events';
import { ChatTabs } from './chat-tabs';
import { chatStore, useChat, type SendInput } from './chat-store';
import { ExportImport } from './export-import';
import { MessageActionsContext, type MessageActions } from './message-actions';
import { SearchBox, SearchResults } from './search-panel';
import { SessionList } from './session-list';
import { SessionPane } from './session-pane';
import { useAgentAuthorizer } from './use-agent-authorizer';

export function ChatPage() {
  useEffect(() => chatStore.start(), []);
  const fleet = useFleetSnapshot();
  const { refresh: refreshFleet } = useFleetRefresh();
  const { route, setQuery, go } = useHashRoute();
  const agentKey = route.query.agent;
  const sessionId = route.query.session;
  const runtimes = useMemo(() => chatAgentsOf(fleet.data?.resources ?? []), [fleet.data]);
  const runtime = runtimes.find((r) => r.key === agentKey);
  const [qualifier, setQualifier] = useState('DEFAULT');
  const [search, setSearch] = useState('');
  const searchRef = useRef<InputProps.Ref>(null);
  const list = useApiQuery('chat.sessions.list', { agentKey }, { enabled: Boolean(agentKey) });
  const activeSession = useChat((s) => (sessionId ? s.transcripts.get(sessionId)?.session : undefined));
  const authorizer = useAgentAuthorizer(activeSession?.agentKey ?? agentKey);

  useEffect(() => setQualifier('DEFAULT'), [agentKey]);
  useEffect(() => {
    if (list.data) chatStore.syncSessions(list.data);
  }, [list.data]);
  useEffect(() => {
    if (sessionId) chatStore.open(sessionId);
    else chatStore.setActive(null);
  }, [sessionId]);
  // A deep link or search hit may name only the session: follow it to its agent.
  useEffect(() => {
    if (activeSession && activeSession.agentKey !== agentKey) setQuery({ agent: activeSession.agentKey });
  }, [activeSession, agentKey, setQuery]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target) || isModalOpen()) return;
      event.preventDefault();
      searchRef.current?.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  const openSession = useCallback((session: Pick<ChatSession, 'id' | 'agentKey'>) => setQuery({ agent: session.agentKey, session: session.id }), [setQuery]);

  const createSession = useApiMutation('chat.sessions.create', {
    onSuccess: (session) => {
      chatStore.upsert(session);
      openSession(session);
    },
    onError: (error) => notifyError('Start session', error),
  });
  const creating = createSession.isPending;
  const newSession = (): void => {
    if (agentKey) createSession.mutate({ agentKey, qualifier });
  };

  const openHit = (hit: ChatSearchHit): void => {
    chatStore.focusMessage(hit.sessionId, hit.messageId);
    setQuery({ session: hit.sessionId });
  };

  const send = useCallback((id: string, input: SendInput) => chatStore.send(id, input), []);

  const actions = useMemo<MessageActions>(
    () => ({
      retry(id, messageId) {
        const transcript = chatStore.get().transcripts.get(id);
        const previous = transcript ? userMessageBefore(transcript.messages, messageId) : null;
        if (!previous) return;
        // A raw JSON turn is retried as the same raw body, a prompt through the template.
        const input: SendInput = isRawTurn(previous)
          ? { prompt: '', mode: 'raw', raw: previous.raw ?? previous.text }
          : { prompt: previous.text, mode: 'template' };
        send(id, input).catch((error: unknown) => notifyError('Retry', error));
      },
      openLogs(action) {
        // The error names the endpoint, the runtime session and the minute of the invoke.
        go('logs', logsAround({ agent: action.agentKey, endpoint: action.endpoint, session: action.sessionId, at: action.at, durationMs: 60_000 }));
      },
      openMessageLogs(message) {
        const session = chatStore.get().transcripts.get(message.sessionId)?.session;
        if (!session) return;
        go(
          'logs',
          logsAround({
            agent: session.agentKey,
            endpoint: session.qualifier,
            session: message.runtimeSessionId ?? session.runtimeSessionId,
            at: message.createdAt,
            durationMs: message.metrics?.totalMs,
          }),
        );
      },
      hasLogs(message) {
        const session = chatStore.get().transcripts.get(message.sessionId)?.session;
        return session !== undefined && kindOfKey(session.agentKey) === 'runtime';
      },
      openMessageTrace(message) {
        const session = chatStore.get().transcripts.get(message.sessionId)?.session;
        const traceId = message.metrics?.traceId;
        if (!session || !traceId) return;
        go('traces', tracesQuery({ agent: session.agentKey, trace: traceId, at: message.createdAt }));
      },
      refreshFleet,
      focusBearer: () => chatStore.focusBearer(),
    }),
    [go, send, refreshFleet],
  );

  const closeTab = (id: string): void => {
    const next = chatStore.close(id);
    if (id === sessionId) {
      const nextSession = next ? chatStore.get().transcripts.get(next)?.session : undefined;
      setQuery({ session: nextSession?.id, agent: nextSession?.agentKey ?? agentKey });
    }
  };
  const selectTab = (id: string): void => {
    const session = chatStore.get().transcripts.get(id)?.session;
    setQuery({ session: id, agent: session?.agentKey ?? agentKey });
  };

  const oauthLikely = authorizer === 'jwt';
  const searching = search.trim() !== '';

  return (
    <MessageActionsContext.Provider value={actions}>
      <div className="chat-page">
        <Header
          variant="h1"
          data-testid="page-chat"
          description="Invoke an agent runtime and follow its answer as it streams: steps, timings, cold starts and the exact bytes received."
          actions={<ExportImport session={activeSession} onImported={openSession} />}
        >
          Chat
        </Header>
        <div className="chat-grid">
          <aside className="chat-side" aria-label="Agent and sessions">
            <AgentPicker
              runtimes={runtimes}
              selected={runtime}
              selectedKey={agentKey}
              loading={fleet.data === undefined}
              onSelect={(key) => setQuery({ agent: key, session: undefined })}
              qualifier={qualifier}
              onQualifier={setQualifier}
            />
            <SearchBox ref={searchRef} value={search} onChange={setSearch} />
            {searching ? (
              <SearchResults query={search} onOpen={openHit} />
            ) : agentKey ? (
              <SessionList list={list} activeId={sessionId} onOpen={openSession} onNew={newSession} creating={creating} />
            ) : (
              <Box variant="p" color="text-body-secondary" padding={{ top: 's' }}>
                Pick an agent above to see its sessions.
              </Box>
            )}
          </aside>
          <section className="chat-main" aria-label="Conversation">
            <ChatTabs activeId={sessionId} onSelect={selectTab} onClose={closeTab} />
            {sessionId ? (
              <SessionPane key={sessionId} sessionId={sessionId} oauthLikely={oauthLikely} onSend={send} />
            ) : !agentKey ? (
              <NoAgent hasRuntimes={runtimes.length > 0 || fleet.data === undefined} />
            ) : (
              <NoSession
                agentName={runtime?.name ?? agentKey.split('|')[3] ?? 'this agent'}
                onNew={newSession}
                creating={creating}
                hasSessions={(list.data?.length ?? 0) > 0}
              />
            )}
          </section>
        </div>
      </div>
    </MessageActionsContext.Provider>
  );
}
