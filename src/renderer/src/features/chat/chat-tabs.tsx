/**
 * The strip of open sessions. Tabs only pick what is on screen: transcripts
 * live in the chat store, so a reply keeps streaming into a background tab,
 * which shows a spinner while it streams and a dot once it has news.
 */
import Icon from '@cloudscape-design/components/icon';
import Spinner from '@cloudscape-design/components/spinner';
import { useChat } from './chat-store';

function Tab({ sessionId, active, onSelect, onClose }: { sessionId: string; active: boolean; onSelect: () => void; onClose: () => void }) {
  const session = useChat((s) => s.transcripts.get(sessionId)?.session);
  const failed = useChat((s) => s.pending.get(sessionId) ?? null);
  const streaming = useChat((s) => s.transcripts.get(sessionId)?.messages.at(-1)?.state === 'streaming');
  const unread = useChat((s) => s.unread.has(sessionId));
  const title = session?.title ?? (failed ? 'Could not load' : 'Loading…');
  return (
    <div
      className={`chat-tab${active ? ' chat-tab--active' : ''}`}
      role="presentation"
      data-testid="chat-tab"
      data-session-id={sessionId}
      data-active={active}
      data-streaming={streaming}
      data-unread={unread}
    >
      <button
        type="button"
        role="tab"
        aria-selected={active}
        className="chat-tab__button"
        onClick={onSelect}
        title={session ? `${session.agentName} · ${session.title}` : title}
      >
        {streaming ? <Spinner /> : unread ? <span className="chat-dot" aria-label="New reply" /> : <Icon name="contact" size="small" variant="subtle" />}
        <span className="chat-tab__text">
          <span className="chat-tab__title">{title}</span>
          {session && <span className="chat-tab__agent">{session.agentName}</span>}
        </span>
      </button>
      <button
        type="button"
        className="chat-tab__close"
        onClick={onClose}
        aria-label={`Close ${title}${streaming ? ' (the reply keeps streaming and is saved)' : ''}`}
      >
        <Icon name="close" size="small" />
      </button>
    </div>
  );
}

export function ChatTabs({ activeId, onSelect, onClose }: { activeId: string | undefined; onSelect: (id: string) => void; onClose: (id: string) => void }) {
  const tabs = useChat((s) => s.tabs);
  if (tabs.length === 0) return null;
  return (
    <div className="chat-tabs" role="tablist" aria-label="Open sessions">
      {tabs.map((id) => (
        <Tab key={id} sessionId={id} active={id === activeId} onSelect={() => onSelect(id)} onClose={() => onClose(id)} />
      ))}
    </div>
  );
}
