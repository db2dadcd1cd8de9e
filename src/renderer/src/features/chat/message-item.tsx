/** One message: bubble, typed steps, text (markdown, JSON or plain), state, metrics and error. Memoized on the message object. */
import Avatar from '@cloudscape-design/chat-components/avatar';
import ChatBubble from '@cloudscape-design/chat-components/chat-bubble';
import LoadingBar from '@cloudscape-design/chat-components/loading-bar';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import { memo, useMemo } from 'react';
import type { ChatMessage } from '../../../../shared/chat';
import { formatClock } from '../../lib/relative-time';
import { AgentMarkdown } from './agent-markdown';
import { isRawTurn } from './chat-events';
import { MessageError, MessageFooter, Steps } from './message-parts';
import { prettyJson } from './payload';
import { useIdentifierFormatter } from '../../components/identifier';
import { useRedact } from '../../state/presentation';

/**
 * Bubble colours come from chat.css variables (light and dark sets): the chat
 * components' own theme tokens do not follow dark mode with this components
 * version, which left dark text on dark code blocks. The prompt gets a tint so
 * the eye finds turns quickly.
 */
const USER_BUBBLE = { bubble: { background: 'var(--chat-user-bubble)', color: 'var(--chat-text)' } };
const AGENT_BUBBLE = { bubble: { background: 'var(--chat-agent-bubble)', color: 'var(--chat-text)' } };

function Body({ message: stored }: { message: ChatMessage }) {
  const redact = useRedact();
  // Presentation mode: agent output and prompts can name accounts and sessions as much as the console's own fields.
  const text = useMemo(() => redact(stored.text, stored.state === 'streaming'), [redact, stored.text, stored.state]);
  const message = text === stored.text ? stored : { ...stored, text };
  const streaming = message.state === 'streaming';
  if (message.role === 'user') {
    return isRawTurn(message) ? <pre className="chat-code">{prettyJson(message.text)}</pre> : <div className="chat-user-text">{message.text}</div>;
  }
  if (message.text === '') {
    if (streaming) return <Box color="text-body-secondary">{message.steps?.length ? 'Working…' : 'Waiting for the first byte…'}</Box>;
    if (message.state === 'complete')
      return (
        <Box color="text-body-secondary" variant="small">
          (empty reply)
        </Box>
      );
    return null;
  }
  if (message.format === 'json') return <pre className="chat-code">{streaming ? message.text : prettyJson(message.text)}</pre>;
  if (message.format === 'text') return <div className="chat-plain">{message.text}</div>;
  return <AgentMarkdown text={message.text} streaming={streaming} />;
}

// Memoized: a streaming reply re-renders its bubble every frame, the avatar only when it starts or stops loading.
const MessageAvatar = memo(function MessageAvatar({ user, agentName, loading }: { user: boolean; agentName: string; loading: boolean }) {
  return user ? (
    <Avatar ariaLabel="You" tooltipText="You" iconName="user-profile" />
  ) : (
    <Avatar color="gen-ai" ariaLabel={agentName} tooltipText={agentName} iconName="gen-ai" loading={loading} />
  );
});

export interface MessageItemProps {
  message: ChatMessage;
  highlighted: boolean;
  agentName: string;
  /** Set on the first message of a new runtime session (after End session). */
  boundary?: string | undefined;
}

function SessionBoundary({ runtimeSessionId }: { runtimeSessionId: string }) {
  const shown = useIdentifierFormatter()('runtimeSession', runtimeSessionId);
  return (
    <div className="chat-boundary" title={shown}>
      New runtime session …{shown.slice(-8)} · the agent starts without the earlier context
    </div>
  );
}

export const MessageItem = memo(function MessageItem({ message, highlighted, agentName, boundary }: MessageItemProps) {
  const user = message.role === 'user';
  const streaming = message.state === 'streaming';
  const time = formatClock(message.createdAt);
  return (
    <div
      className={`chat-message chat-message--${message.role}${highlighted ? ' chat-message--highlighted' : ''}`}
      data-testid="chat-message"
      data-role={message.role}
      data-state={message.state}
      data-message-id={message.id}
    >
      {boundary && <SessionBoundary runtimeSessionId={boundary} />}
      <ChatBubble
        type={user ? 'outgoing' : 'incoming'}
        ariaLabel={`${user ? 'You' : agentName} at ${time}`}
        showLoadingBar={false}
        style={user ? USER_BUBBLE : AGENT_BUBBLE}
        avatar={<MessageAvatar user={user} agentName={agentName} loading={streaming && message.text === ''} />}
      >
        <div className="chat-message__content">
          {message.steps && message.steps.length > 0 && <Steps steps={message.steps} streaming={streaming} />}
          <Body message={message} />
          {streaming && message.text !== '' && <span className="chat-caret" aria-hidden="true" />}
          {/* The gen-ai bar animates the whole bubble width: show it only until text flows, then the caret says "still streaming". */}
          {streaming && message.text === '' && (
            <div className="chat-message__loading">
              <LoadingBar variant="gen-ai" />
            </div>
          )}
          {message.state === 'incomplete' && !message.error && (
            <Alert type="warning" header="Reply incomplete">
              The stream dropped or was stopped before the agent finished; the partial text is kept.
            </Alert>
          )}
          {message.error && <MessageError message={message} error={message.error} />}
        </div>
      </ChatBubble>
      <div className="chat-message__meta">
        <MessageFooter message={message} time={time} />
      </div>
    </div>
  );
});
