/** Identity of the open session: runtime session id (copyable, length shown), user id, endpoint, End session and the bearer token. */
import Badge from '@cloudscape-design/components/badge';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Input from '@cloudscape-design/components/input';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { memo, useState } from 'react';
import type { ChatSession } from '../../../../shared/chat';
import { api } from '../../api';
import { notifyError } from '../../state/notifications';
import { BearerToken } from './bearer-token';
import { chatStore } from './chat-store';
import { MemoryLink } from './memory-link';
import { describeRuntimeSessionId } from './session-order';
import { ConfirmFooter } from '../../components/confirm-footer';
import { Identifier, useIdentifierFormatter } from '../../components/identifier';

function UserIdField({ session }: { session: ChatSession }) {
  const formatId = useIdentifierFormatter();
  const shownUserId = session.userId ? formatId('user', session.userId) : 'none (set)';
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(session.userId ?? '');
  const save = (): void => {
    setEditing(false);
    const userId = value.trim() === '' ? null : value.trim();
    if (userId === (session.userId ?? null)) return;
    api
      .call('chat.sessions.update', { sessionId: session.id, userId })
      .then((updated) => chatStore.upsert(updated))
      .catch((error: unknown) => notifyError('Set user id', error));
  };
  if (editing) {
    return (
      <span className="chat-header__userid-edit">
        <Input
          value={value}
          onChange={(e) => setValue(e.detail.value)}
          onKeyDown={(e) => {
            if (e.detail.key === 'Enter') save();
            if (e.detail.key === 'Escape') setEditing(false);
          }}
          onBlur={save}
          autoFocus
          placeholder="e.g. alice@example.com"
          ariaLabel="Runtime user id"
        />
      </span>
    );
  }
  return (
    <Button
      variant="inline-link"
      onClick={() => {
        setValue(session.userId ?? '');
        setEditing(true);
      }}
      // The name keeps the visible text (speech input users say what they see), then says what the button does.
      ariaLabel={`${shownUserId}: edit the runtime user id`}
    >
      {session.userId ? <Identifier kind="user" value={session.userId} /> : 'none (set)'}
    </Button>
  );
}

/** The last characters in bold: the part people read out to match a session in the logs. */
function emphasiseTail(shown: string) {
  const { head, tail } = describeRuntimeSessionId(shown);
  return (
    <>
      {head}
      <strong>{tail}</strong>
    </>
  );
}

export const SessionHeader = memo(function SessionHeader({ session, oauthLikely }: { session: ChatSession; oauthLikely: boolean }) {
  const [confirming, setConfirming] = useState(false);
  const [ending, setEnding] = useState(false);
  const id = describeRuntimeSessionId(session.runtimeSessionId);
  const end = (): void => {
    setEnding(true);
    api
      .call('chat.endSession', { sessionId: session.id })
      .then((updated) => chatStore.upsert(updated))
      .catch((error: unknown) => notifyError('End session', error))
      .finally(() => {
        setEnding(false);
        setConfirming(false);
      });
  };
  return (
    <div className="chat-header">
      <div className="chat-header__fields">
        <div className="chat-header__field">
          <span className="chat-header__label">Runtime session</span>
          <span data-testid="chat-runtime-session-id" data-length={id.length} className="chat-header__sid">
            <Identifier kind="runtimeSession" value={session.runtimeSessionId} copy render={emphasiseTail} />
          </span>
          <span title={id.valid ? 'AgentCore requires 33 to 256 characters' : 'AgentCore rejects ids shorter than 33 characters'}>
            <Badge color={id.valid ? 'grey' : 'red'}>
              {id.length} chars {id.valid ? '≥ 33' : '< 33'}
            </Badge>
          </span>
          {session.ended && <Badge color="severity-neutral">Ended</Badge>}
        </div>
        <div className="chat-header__field">
          <span className="chat-header__label">Endpoint</span>
          <span className="chat-mono">{session.qualifier}</span>
          <span className="chat-header__sep" />
          <span className="chat-header__label">User id</span>
          <UserIdField key={session.id} session={session} />
          {/* Only JWT-authorized agents take a bearer token; for SigV4 agents the control is noise. */}
          {oauthLikely && (
            <>
              <span className="chat-header__sep" />
              <BearerToken agentKey={session.agentKey} oauthLikely={oauthLikely} />
            </>
          )}
        </div>
      </div>
      <div className="chat-header__actions">
        <MemoryLink session={session} />
        <Button onClick={() => setConfirming(true)} disabled={session.ended} data-testid="chat-end-session" iconName="close">
          {session.ended ? 'Session ended' : 'End session'}
        </Button>
      </div>
      <Modal
        visible={confirming}
        onDismiss={() => setConfirming(false)}
        header="End the runtime session?"
        footer={
          <ConfirmFooter confirmLabel="End session" onCancel={() => setConfirming(false)} onConfirm={end} loading={ending} confirmTestId="chat-confirm-end" />
        }
      >
        <SpaceBetween size="s">
          <Box>
            This calls <strong>StopRuntimeSession</strong> for <Identifier kind="runtimeSession" value={session.runtimeSessionId} />: AgentCore stops the
            session’s microVM now instead of after the idle timeout (15 minutes by default, up to 8 hours of lifetime), and the agent loses its in-memory
            context.
          </Box>
          <Box variant="small" color="text-body-secondary">
            The transcript stays here. Sending again starts a fresh runtime session (expect a cold start).
          </Box>
        </SpaceBetween>
      </Modal>
    </div>
  );
});
