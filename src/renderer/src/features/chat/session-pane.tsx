/** The open session: header, transcript and composer. Reads only its own transcript from the store. */
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Spinner from '@cloudscape-design/components/spinner';
import { useCallback } from 'react';
import { api } from '../../api';
import { notifyError } from '../../state/notifications';
import { chatStore, useChat, type SendInput } from './chat-store';
import { Composer } from './composer';
import { MessageList } from './message-list';
import { SessionHeader } from './session-header';
import { RedactedText } from '../../components/redacted-text';

export function SessionPane({
  sessionId,
  oauthLikely,
  onSend,
}: {
  sessionId: string;
  oauthLikely: boolean;
  onSend: (id: string, input: SendInput) => Promise<void>;
}) {
  const transcript = useChat((s) => s.transcripts.get(sessionId));
  const pending = useChat((s) => s.pending.get(sessionId));
  const streaming = useChat((s) => s.transcripts.get(sessionId)?.messages.at(-1)?.state === 'streaming');
  const needsBearer = useChat((s) => s.transcripts.get(sessionId)?.messages.at(-1)?.error?.code === 'bearer_required');
  const send = useCallback((input: SendInput) => onSend(sessionId, input), [onSend, sessionId]);
  const stop = useCallback(() => {
    api.call('chat.stop', { sessionId }).catch((error: unknown) => notifyError('Stop reply', error));
  }, [sessionId]);

  if (!transcript) return <TranscriptStatus sessionId={sessionId} error={pending ?? null} />;
  const { session, messages } = transcript;
  return (
    <div className="chat-pane">
      <SessionHeader session={session} oauthLikely={oauthLikely || needsBearer} />
      {messages.length === 0 ? (
        <div className="chat-pane__intro">
          <div className="chat-empty">
            <div className="chat-empty__title">New session with {session.agentName}</div>
            <div className="chat-empty__text">
              Send a first prompt below. Expect a cold start on the first call: AgentCore boots a microVM for each new runtime session.
            </div>
          </div>
        </div>
      ) : (
        <MessageList sessionId={sessionId} messages={messages} agentName={session.agentName} />
      )}
      <Composer session={session} streaming={streaming} onSend={send} onStop={stop} />
    </div>
  );
}

/** Shown while a transcript loads or when it cannot. */
function TranscriptStatus({ sessionId, error }: { sessionId: string; error: { message: string } | null }) {
  if (!error) {
    return (
      <div className="chat-empty">
        <Spinner size="large" />
        <Box color="text-body-secondary">Loading the transcript…</Box>
      </div>
    );
  }
  return (
    <div className="chat-pane__alert">
      <Alert type="error" header="Could not load this session" action={<Button onClick={() => void chatStore.reload(sessionId)}>Retry</Button>}>
        <RedactedText text={error.message} />
      </Alert>
    </div>
  );
}
