/** The sessions of the selected agent: pinned first, inline rename, pin, delete with confirmation. */
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ButtonDropdown from '@cloudscape-design/components/button-dropdown';
import Icon from '@cloudscape-design/components/icon';
import Input, { type InputProps } from '@cloudscape-design/components/input';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ChatSession } from '../../../../shared/chat';
import { api } from '../../api';
import { useNow } from '../../lib/use-now';
import { notifyError } from '../../state/notifications';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ApiError } from '../../../../shared/errors';
import { chatStore, useChat } from './chat-store';
import { sessionMeta, sortSessions } from './session-order';
import { ConfirmFooter } from '../../components/confirm-footer';
import { RedactedText } from '../../components/redacted-text';

function RenameInput({ session, onDone }: { session: ChatSession; onDone: () => void }) {
  const [value, setValue] = useState(session.title);
  const ref = useRef<InputProps.Ref>(null);
  useEffect(() => ref.current?.select(), []);
  const save = (): void => {
    const title = value.trim();
    if (!title || title === session.title) return onDone();
    api
      .call('chat.sessions.update', { sessionId: session.id, title })
      .then((updated) => chatStore.upsert(updated))
      .catch((error: unknown) => notifyError('Rename session', error))
      .finally(onDone);
  };
  return (
    <Input
      ref={ref}
      value={value}
      onChange={(e) => setValue(e.detail.value)}
      onKeyDown={(e) => {
        if (e.detail.key === 'Enter') save();
        if (e.detail.key === 'Escape') onDone();
      }}
      onBlur={save}
      ariaLabel="Session title"
    />
  );
}

function Row({ session, active, now, onOpen, onDelete }: { session: ChatSession; active: boolean; now: number; onOpen: () => void; onDelete: () => void }) {
  const [renaming, setRenaming] = useState(false);
  const streaming = useChat((s) => s.transcripts.get(session.id)?.messages.at(-1)?.state === 'streaming');
  const unread = useChat((s) => s.unread.has(session.id));
  const setPinned = (pinned: boolean): void => {
    api
      .call('chat.sessions.update', { sessionId: session.id, pinned })
      .then((updated) => chatStore.upsert(updated))
      .catch((error: unknown) => notifyError(pinned ? 'Pin session' : 'Unpin session', error));
  };
  return (
    <li className={`chat-session${active ? ' chat-session--active' : ''}`} data-session-id={session.id}>
      {renaming ? (
        <div className="chat-session__rename">
          <RenameInput session={session} onDone={() => setRenaming(false)} />
        </div>
      ) : (
        <button
          type="button"
          className="chat-session__open"
          onClick={onOpen}
          aria-current={active ? 'true' : undefined}
          onDoubleClick={() => setRenaming(true)}
        >
          <span className="chat-session__title">
            {session.pinned && <Icon name="star-filled" size="small" variant="warning" />}
            <span className="chat-session__title-text">{session.title}</span>
            {streaming && <Spinner size="normal" />}
            {!streaming && unread && <span className="chat-dot" aria-label="New reply" />}
          </span>
          <span className="chat-session__meta">
            {sessionMeta(session, now)}
            {session.ended ? ' · ended' : ''}
          </span>
        </button>
      )}
      <div className="chat-session__menu">
        <ButtonDropdown
          variant="icon"
          ariaLabel={`Actions for ${session.title}`}
          expandToViewport
          items={[
            { id: 'rename', text: 'Rename', iconName: 'edit' },
            { id: 'pin', text: session.pinned ? 'Unpin' : 'Pin to top', iconName: session.pinned ? 'star' : 'star-filled' },
            { id: 'delete', text: 'Delete…', iconName: 'remove' },
          ]}
          onItemClick={(e) => {
            if (e.detail.id === 'rename') setRenaming(true);
            else if (e.detail.id === 'pin') setPinned(!session.pinned);
            else onDelete();
          }}
        />
      </div>
    </li>
  );
}

export interface SessionListProps {
  list: Pick<UseQueryResult<ChatSession[], ApiError>, 'data' | 'error' | 'isPending'>;
  activeId: string | undefined;
  onOpen: (session: ChatSession) => void;
  onNew: () => void;
  creating: boolean;
}

export function SessionList({ list, activeId, onOpen, onNew, creating }: SessionListProps) {
  const now = useNow();
  const [deleting, setDeleting] = useState<ChatSession | null>(null);
  const [busy, setBusy] = useState(false);
  const sessions = useMemo(() => sortSessions(list.data ?? []), [list.data]);

  const confirmDelete = (): void => {
    if (!deleting) return;
    setBusy(true);
    api
      .call('chat.sessions.delete', { sessionId: deleting.id })
      .then(() => chatStore.remove(deleting))
      .catch((error: unknown) => notifyError('Delete session', error))
      .finally(() => {
        setBusy(false);
        setDeleting(null);
      });
  };

  return (
    <div className="chat-sessions" data-testid="chat-session-list">
      <div className="chat-sessions__head">
        <Box variant="h3" padding="n">
          Sessions{list.data ? <span className="chat-count"> ({list.data.length})</span> : null}
        </Box>
        <Button iconName="add-plus" onClick={onNew} loading={creating} data-testid="chat-new-session">
          New session
        </Button>
      </div>
      {list.error && !list.data && (
        <Box color="text-status-error" variant="small">
          Could not load sessions: <RedactedText text={list.error.message} />
        </Box>
      )}
      {list.data === undefined && list.isPending && (
        <Box color="text-body-secondary" padding="s">
          <Spinner /> Loading sessions…
        </Box>
      )}
      {list.data && sessions.length === 0 && (
        <div className="chat-sessions__empty">
          <Box variant="p" color="text-body-secondary" textAlign="center">
            No sessions with this agent yet. Start one: each session gets its own runtime session id, so the agent keeps context between prompts.
          </Box>
        </div>
      )}
      <ul className="chat-sessions__list" aria-label="Sessions">
        {sessions.map((session) => (
          <Row
            key={session.id}
            session={session}
            active={session.id === activeId}
            now={now}
            onOpen={() => onOpen(session)}
            onDelete={() => setDeleting(session)}
          />
        ))}
      </ul>
      <Modal
        visible={deleting !== null}
        onDismiss={() => setDeleting(null)}
        header="Delete session?"
        footer={
          <ConfirmFooter
            confirmLabel="Delete"
            onCancel={() => setDeleting(null)}
            onConfirm={confirmDelete}
            loading={busy}
            confirmTestId="chat-confirm-delete"
          />
        }
      >
        <SpaceBetween size="s">
          <Box>
            “{deleting?.title}” and its {deleting?.messageCount ?? 0} messages are removed from this console. This cannot be undone; export it first if you need
            a copy.
          </Box>
          <Box variant="small" color="text-body-secondary">
            The runtime session on AgentCore is not affected: it ends on its idle timeout, or use “End session” first.
          </Box>
        </SpaceBetween>
      </Modal>
    </div>
  );
}
